using System.Net;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Vocabulary;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Provider;

public class VacancyPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task NewVacancy_Page_OffersOnlyAdmittedLotsAndReadableNeeds()
    {
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        var admitted = await app.Data.CreateDpsAsync(commissioner);
        var waiting = await app.Data.CreateDpsAsync(commissioner);
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, admitted);
        await app.Data.ApplyAsync(provider, waiting, admit: false);
        using var session = await app.SignInAsync(provider.User);

        var text = await session.OpenAsync("/provider/vacancies/new");

        var values = text.All("[value]").Select(e => e.GetAttribute("value")).ToList();
        Assert.Contains($"{admitted.LotId}", values);
        Assert.DoesNotContain($"{waiting.LotId}", values);
        var words = text.Document.All.Select(e => PageDocument.Normalise(e.TextContent)).ToHashSet();
        foreach (var need in Enum.GetValues<Need>())
        {
            Assert.Contains(Words.Name(need), text.Text);
            if (Words.Name(need) != need.ToString())
            {
                Assert.DoesNotContain(need.ToString(), words);
            }
        }
        Assert.Contains("Emotional and behavioural", text.Text);
        Assert.Contains("Child criminal exploitation (CCE)", text.Text);
        Assert.Contains(text.All("div.govuk-input__prefix"), prefix => PageDocument.Normalise(prefix.TextContent) == "£" && prefix.GetAttribute("aria-hidden") == "true");
        Assert.NotEmpty(text.All(".govuk-date-input"));
    }

    [Fact]
    public async Task PublishVacancy_ValidForm_ListsItAsOpen()
    {
        var (provider, settingId, lotId) = await AdmittedProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        var response = await session.PostFormPairsAsync("/provider/vacancies/new", Form(settingId, lotId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await session.OpenAsync("/provider/vacancies");
        Assert.Contains("Your vacancy of 2 places is published", list.Text);
        Assert.Contains("2 8 to 15 £4,850.50 1 December 2026 Open Change", list.Text);
        var vacancy = (await app.UseAsync<VacancyService, Outcome<List<VacancyView>>>(s => s.ListAsync(TestData.ActorFor(provider.User), new VacancyFilter()))).Value!.Single();
        Assert.Equal([Gender.Female, Gender.Male], vacancy.Genders);
        Assert.Equal([Need.EmotionalBehavioural, Need.ChildCriminalExploitation], vacancy.NeedsMet);
    }

    [Fact]
    public async Task PublishVacancy_Nonsense_ShowsTheErrorSummaryNamingTheFields()
    {
        var (provider, _, _) = await AdmittedProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        var response = await session.PostFormPairsAsync("/provider/vacancies/new", new Dictionary<string, string>
        {
            ["Input.SettingId"] = "", ["Input.LotId"] = "", ["Input.Places"] = "two", ["Input.AgeMin"] = "eight", ["Input.AgeMax"] = "",
            ["Input.WeeklyPrice"] = "lots", ["Input.AvailableFrom.Day"] = "1", ["Input.AvailableFrom.Month"] = "", ["Input.AvailableFrom.Year"] = "2026",
        });

        var page = await response.PageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = page.Errors();
        Assert.Equal(
        [
            "Select the setting", "Select the lot", "Places must be a whole number, like 2",
            "The youngest age must be a whole number of years, like 8", "Enter the oldest age accepted", "Select the genders accepted",
            "The weekly price must be an amount in pounds, like 4850 or 4850.50", "The available from date must include a month",
        ], errors);
        foreach (var field in new[] { "SettingId", "LotId", "Places", "AgeMin", "AgeMax", "Genders", "WeeklyPrice", "AvailableFrom" })
        {
            Assert.Contains($"Input_{field}", page.ErrorFields());
            Assert.NotNull(page.Document.GetElementById($"Input_{field}"));
        }
        Assert.Equal("two", page.Document.GetElementById("Input_Places")?.GetAttribute("value"));
    }

    [Fact]
    public async Task PublishVacancy_LotNotAdmittedTo_ShowsTheNotAdmittedMessage()
    {
        var (provider, settingId, _) = await AdmittedProviderAsync();
        var elsewhere = await app.Data.CreateDpsAsync();
        using var session = await app.SignInAsync(provider.User);

        var response = await session.PostFormPairsAsync("/provider/vacancies/new", Form(settingId, elsewhere.LotId));

        var page = await response.PageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("Your organisation is not admitted to this lot. Apply to the lot first.", "Input_LotId")], page.ErrorSummary());
    }

    [Fact]
    public async Task EditVacancy_SuspendedFromTheLot_ShowsTheSuspendedMessage()
    {
        var (provider, settingId, lotId, membershipId, commissioner) = await AdmittedProviderWithMembershipAsync();
        var vacancyId = await app.Data.CreateVacancyAsync(provider, settingId, lotId);
        await app.UseAsync<MembershipService, Outcome<MembershipView>>(s => s.ChangeAsync(TestData.ActorFor(commissioner), membershipId,
            MembershipAction.Suspend, "QA red flag"));
        using var session = await app.SignInAsync(provider.User);

        var edit = await session.OpenAsync($"/provider/vacancies/{vacancyId}/edit");
        var response = await session.PostFormPairsAsync($"/provider/vacancies/{vacancyId}/edit", Form(settingId, lotId));

        Assert.True(edit.IsChosen($"{lotId}"));
        Assert.Equal(["Your membership of this lot is suspended: you cannot publish vacancies in it until it is reinstated."],
            (await response.PageAsync()).Errors());
    }

    [Fact]
    public async Task EditVacancy_NewPrice_ShowsItInTheList()
    {
        var (provider, settingId, lotId) = await AdmittedProviderAsync();
        var vacancyId = await app.Data.CreateVacancyAsync(provider, settingId, lotId);
        using var session = await app.SignInAsync(provider.User);
        var form = Form(settingId, lotId);
        form.RemoveAll(f => f.Key == "Input.WeeklyPrice");
        form.Add(new("Input.WeeklyPrice", "£5,100"));

        var response = await session.PostFormPairsAsync($"/provider/vacancies/{vacancyId}/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await session.OpenAsync("/provider/vacancies");
        Assert.Contains("Your vacancy is changed", list.Text);
        Assert.Contains("£5,100.00", list.Text);
    }

    [Fact]
    public async Task WithdrawVacancy_Confirmed_ShowsItWithdrawn()
    {
        var (provider, settingId, lotId) = await AdmittedProviderAsync();
        var vacancyId = await app.Data.CreateVacancyAsync(provider, settingId, lotId);
        using var session = await app.SignInAsync(provider.User);

        var confirm = await session.OpenAsync($"/provider/vacancies/{vacancyId}/withdraw");
        var list = await session.PostFormAndOpenAsync($"/provider/vacancies/{vacancyId}/withdraw", []);

        Assert.Contains("Are you sure you want to withdraw this vacancy? Status Open", confirm.Text);
        Assert.Contains("is withdrawn", list.Text);
        Assert.Contains("23 November 2026 Withdrawn", list.Text);
    }

    [Fact]
    public async Task EditVacancy_AnotherProvidersVacancy_IsNotFound()
    {
        var (owner, settingId, lotId) = await AdmittedProviderAsync();
        var vacancyId = await app.Data.CreateVacancyAsync(owner, settingId, lotId);
        var other = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(other.User);

        await session.GetPageAsync($"/provider/vacancies/{vacancyId}/edit", HttpStatusCode.NotFound);
        await session.GetPageAsync($"/provider/vacancies/{vacancyId}/withdraw", HttpStatusCode.NotFound);
    }

    private static List<KeyValuePair<string, string>> Form(Guid settingId, Guid lotId) =>
    [
        new("Input.SettingId", settingId.ToString()),
        new("Input.LotId", lotId.ToString()),
        new("Input.Places", "2"),
        new("Input.AgeMin", "8"),
        new("Input.AgeMax", "15"),
        new("Input.Genders", "Female"),
        new("Input.Genders", "Male"),
        new("Input.NeedsMet", "EmotionalBehavioural"),
        new("Input.NeedsMet", "ChildCriminalExploitation"),
        new("Input.WeeklyPrice", "4,850.50"),
        new("Input.AvailableFrom.Day", "1"),
        new("Input.AvailableFrom.Month", "12"),
        new("Input.AvailableFrom.Year", "2026"),
    ];

    private async Task<(TestProvider Provider, Guid SettingId, Guid LotId)> AdmittedProviderAsync()
    {
        var (provider, settingId, lotId, _, _) = await AdmittedProviderWithMembershipAsync();
        return (provider, settingId, lotId);
    }

    private async Task<(TestProvider Provider, Guid SettingId, Guid LotId, Guid MembershipId, TestUser Commissioner)> AdmittedProviderWithMembershipAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (_, membershipId) = await app.Data.ApplyAsync(provider, dps);
        var settingId = await app.Data.CreateSettingAsync(provider);
        return (provider, settingId, dps.LotId, membershipId!.Value, dps.Commissioner);
    }
}
