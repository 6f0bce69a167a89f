using System.Net;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

public class DpsPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task NewDps_OpenForApplications_ShowsItsTermsAndListsIt()
    {
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        var partner = await app.Data.CreateLocalAuthorityAsync();
        using var session = await PageSession.SignedInAsync(app, commissioner.Email, commissioner.Password);
        var name = TestData.Unique("Regional market");

        var response = await session.PostFormAsync("/dps/new", new()
        {
            ["Input.Name"] = name,
            ["Input.Regime"] = "ProcurementAct2023DynamicMarket",
            ["Input.DecisionPeriodDays"] = "20",
            ["Input.ParticipatingLocalAuthorityIds"] = partner.Id.ToString(),
            ["Input.Action"] = "open",
        });

        var page = await session.OpenAsync(response.RedirectedTo());
        Assert.Contains($"{name} is open for applications.", page.Text);
        Assert.Contains("Procurement Act 2023 dynamic market", page.Text);
        Assert.Contains("20 working days", page.Text);
        Assert.Contains(partner.Name, page.Text);
        Assert.Contains("Open", page.Tags());
        var list = await session.OpenAsync("/dps");
        Assert.Contains(name, list.Text);
        Assert.Contains("Lead authority", list.Text);
    }

    [Fact]
    public async Task NewDps_SaveAsDraft_IsADraftUntilOpened()
    {
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        using var session = await PageSession.SignedInAsync(app, commissioner.Email, commissioner.Password);
        var name = TestData.Unique("Draft DPS");

        var created = await session.PostFormAsync("/dps/new", new()
        {
            ["Input.Name"] = name, ["Input.Regime"] = "Pcr2015Dps", ["Input.DecisionPeriodDays"] = "10", ["Input.Action"] = "draft",
        });
        var path = created.RedirectedTo();
        var draft = await session.OpenAsync(path);
        var opened = await session.PostFormAsync(path, [], action: $"{path}?handler=Publish");

        Assert.Contains("was saved as a draft", draft.Text);
        Assert.Contains("Draft", draft.Tags());
        var page = await session.OpenAsync(opened.RedirectedTo());
        Assert.Contains("is open for applications. Providers can now apply to its lots.", page.Text);
        Assert.Contains("Open", page.Tags());
    }

    [Fact]
    public async Task NewDps_BlankNameAndUnreadablePeriod_ShowsEachProblem()
    {
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        using var session = await PageSession.SignedInAsync(app, commissioner.Email, commissioner.Password);

        var response = await session.PostFormAsync("/dps/new", new()
        {
            ["Input.Name"] = "", ["Input.Regime"] = "Pcr2015Dps", ["Input.DecisionPeriodDays"] = "ten", ["Input.Action"] = "open",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = PageDocument.Parse(await response.TextAsync());
        Assert.True(html.HasErrorSummary);
        Assert.Contains(("Enter the name of the DPS", "Input_Name"), html.ErrorSummary());
        Assert.Contains(("Enter the decision period as a whole number of working days, like 10", "Input_DecisionPeriodDays"), html.ErrorSummary());
        Assert.NotEmpty(html.All(".govuk-input--error"));
        Assert.StartsWith("Error: ", html.Title);
    }

    [Fact]
    public async Task NewDps_PcrPeriodOverTenDays_ShowsTheLegalLimit()
    {
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        using var session = await PageSession.SignedInAsync(app, commissioner.Email, commissioner.Password);

        var response = await session.PostFormAsync("/dps/new", new()
        {
            ["Input.Name"] = TestData.Unique("Too slow"), ["Input.Regime"] = "Pcr2015Dps", ["Input.DecisionPeriodDays"] = "15", ["Input.Action"] = "open",
        });

        var html = PageDocument.Parse(await response.TextAsync());
        Assert.Contains(("Under PCR 2015 the decision period is at most 10 working days", "Input_DecisionPeriodDays"), html.ErrorSummary());
    }

    [Fact]
    public async Task NewDps_PlacingOfficer_SeesTheNoAccessPage()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var session = await PageSession.SignedInAsync(app, officer.Email, officer.Password);

        var response = await session.GetAsync("/dps/new");

        Assert.StartsWith("/error/403", response.RedirectedTo());
        Assert.Contains("You do not have access to this page", await session.TextAsync(response.RedirectedTo(), HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task AddLot_WithQuestions_ShowsTheLotPricesAndQuestions()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var name = TestData.Unique("Lot: Parent and child");

        var response = await session.PostFormAsync($"/dps/{dps.Id}/lots/new", new()
        {
            ["Input.Name"] = name,
            ["Input.PlacementType"] = "ParentAndChild",
            ["Input.BenchmarkWeeklyPrice"] = "£2,150.50",
            ["Input.PriceBandLower"] = "1800",
            ["Input.PriceBandUpper"] = "2600",
            ["Input.Questions[0].Text"] = "Are your carers trained in parenting assessments?",
            ["Input.Questions[0].Guidance"] = "Give the course and the date",
            ["Input.Questions[1].Text"] = "",
            ["Input.Questions[1].Guidance"] = "",
            ["Input.Questions[2].Text"] = "Do you hold public liability insurance of £10 million?",
        });

        Assert.Equal($"/dps/{dps.Id}", response.RedirectedTo());
        var page = await session.OpenAsync($"/dps/{dps.Id}");
        Assert.Contains($"{name} was added with 2 selection questions.", page.Text);
        Assert.Contains("Parent and child", page.Text);
        Assert.Contains("£2,150.50", page.Text);
        Assert.Contains("£1,800 to £2,600", page.Text);
        Assert.Contains("Are your carers trained in parenting assessments?", page.Text);
        Assert.Contains("Give the course and the date", page.Text);
        Assert.Contains("Do you hold public liability insurance of £10 million?", page.Text);
    }

    [Fact]
    public async Task AddLot_GuidanceWithoutQuestionAndBadPrice_ShowsErrorsOnThoseRows()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var fields = new Dictionary<string, string> { ["Input.Name"] = "", ["Input.BenchmarkWeeklyPrice"] = "a lot" };
        for (var i = 0; i < 5; i++)
        {
            // A browser sends every row, blank or not.
            fields[$"Input.Questions[{i}].Text"] = "";
            fields[$"Input.Questions[{i}].Guidance"] = i == 3 ? "Orphaned guidance" : "";
        }

        var response = await session.PostFormAsync($"/dps/{dps.Id}/lots/new", fields);

        var html = PageDocument.Parse(await response.TextAsync());
        Assert.Contains(("Enter the name of the lot", "Input_Name"), html.ErrorSummary());
        Assert.Contains(("Select the placement type", "Input_PlacementType"), html.ErrorSummary());
        Assert.Contains(("Enter an amount in pounds, like 5200 or 5200.50", "Input_BenchmarkWeeklyPrice"), html.ErrorSummary());
        Assert.Contains(("Enter the question", "Input_Questions_3__Text"), html.ErrorSummary());
    }

    [Fact]
    public async Task AddLot_ParticipatingCommissioner_SeesTheNoAccessPage()
    {
        var partner = await app.Data.CreateUserAsync(Role.Commissioner);
        var dps = await app.Data.CreateDpsAsync(participants: [partner.LocalAuthorityId!.Value]);
        using var session = await PageSession.SignedInAsync(app, partner.Email, partner.Password);

        var dpsPage = await session.OpenAsync($"/dps/{dps.Id}");
        var response = await session.GetAsync($"/dps/{dps.Id}/lots/new");

        Assert.NotEmpty(dpsPage.Heading());
        Assert.DoesNotContain("Add a lot", dpsPage.PageText);
        Assert.Contains("Participant (led by", (await session.OpenAsync("/dps")).Text);
        Assert.StartsWith("/error/403", response.RedirectedTo());
    }

    [Fact]
    public async Task DpsPage_OtherAuthority_IsNotFound()
    {
        var dps = await app.Data.CreateDpsAsync();
        var stranger = await app.Data.CreateUserAsync(Role.Commissioner);
        using var session = await PageSession.SignedInAsync(app, stranger.Email, stranger.Password);

        var html = await session.OpenAsync($"/dps/{dps.Id}", HttpStatusCode.NotFound);

        Assert.Contains("Page not found", html.Text);
    }

    [Fact]
    public async Task CloseDps_WithReason_IsClosedAndTakesNoLots()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var blank = await session.PostFormAsync($"/dps/{dps.Id}/close", new() { ["Input.Reason"] = "" });
        var closed = await session.PostFormAsync($"/dps/{dps.Id}/close", new() { ["Input.Reason"] = "Replaced by the 2027 dynamic market" });

        Assert.Contains(("Enter why the DPS is closing", "Input_Reason"), (await blank.PageAsync()).ErrorSummary());
        var page = await session.OpenAsync(closed.RedirectedTo());
        Assert.Contains("is closed to new applications", page.Text);
        Assert.Contains("Closed", page.Tags());
        Assert.DoesNotContain("Add a lot", page.PageText);
    }

    [Fact]
    public async Task DpsPage_MemberFilters_ShowOnlyMatchingMembers()
    {
        var dps = await app.Data.CreateDpsAsync(regime: DpsRegime.ProcurementAct2023DynamicMarket);
        var kept = await app.Data.CreateProviderAsync();
        var suspended = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(kept, dps);
        var (_, membershipId) = await app.Data.ApplyAsync(suspended, dps);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        await session.PostFormAsync($"/dps/{dps.Id}/memberships/{membershipId}/suspend", new() { ["Input.Reason"] = "Red QA flag" });

        var all = await session.OpenAsync($"/dps/{dps.Id}");
        var onlySuspended = await session.OpenAsync($"/dps/{dps.Id}?MemberStatus=Suspended");

        Assert.Contains(kept.Name, all.Text);
        Assert.Contains(suspended.Name, all.Text);
        Assert.Contains("Remove excluded supplier", all.Text);
        Assert.Contains(suspended.Name, onlySuspended.Text);
        Assert.DoesNotContain(kept.Name, onlySuspended.PageText);
        Assert.Contains("1 of 2 memberships", onlySuspended.Text);
    }
}
