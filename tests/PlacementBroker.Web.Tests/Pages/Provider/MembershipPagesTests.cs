using System.Net;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Providers;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Provider;

public class MembershipPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Memberships_SuspendedThenReinstated_ShowTheWholeHistory()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (_, membershipId) = await app.Data.ApplyAsync(provider, dps);
        var commissioner = TestData.ActorFor(dps.Commissioner);
        await app.UseAsync<MembershipService, Outcome<MembershipView>>(s => s.ChangeAsync(commissioner, membershipId!.Value, MembershipAction.Suspend, "Red QA flag raised"));
        await app.UseAsync<MembershipService, Outcome<MembershipView>>(s => s.ChangeAsync(commissioner, membershipId!.Value, MembershipAction.Reinstate, "Flag resolved after a visit"));
        using var session = await app.SignInAsync(provider.User);

        var text = await session.OpenAsync("/provider/memberships");

        Assert.Contains("Status Admitted", text.Text);
        Assert.Contains("When Change By Why", text.Text);
        Assert.Contains("23 November 2026 at 9am Suspended to Admitted Test Commissioner Flag resolved after a visit", text.Text);
        Assert.Contains("23 November 2026 at 9am Admitted to Suspended Test Commissioner Red QA flag raised", text.Text);
        Assert.Contains("23 November 2026 at 9am Admitted Test Commissioner Meets every criterion", text.Text);
        Assert.Contains("Withdraw from this lot", text.Text);
    }

    [Fact]
    public async Task Withdraw_WithAReason_LeavesTheLotAndClosesItsVacancies()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (_, membershipId) = await app.Data.ApplyAsync(provider, dps);
        var setting = await app.Data.CreateSettingAsync(provider);
        await app.Data.CreateVacancyAsync(provider, setting, dps.LotId);
        using var session = await app.SignInAsync(provider.User);

        var page = (await session.PostFormAndOpenAsync($"/provider/memberships/{membershipId}/withdraw",
            new() { ["Input.Reason"] = "We are closing our residential service" })).Text;

        Assert.Contains("Success Your organisation has withdrawn from", page);
        Assert.Contains("Status Withdrawn", page);
        Assert.Contains("Admitted to Withdrawn Test provider user We are closing our residential service", page);
        var vacancies = await app.UseAsync<VacancyService, Outcome<List<VacancyView>>>(s => s.ListAsync(TestData.ActorFor(provider.User), new VacancyFilter()));
        Assert.All(vacancies.Value!, v => Assert.Equal(VacancyStatus.Withdrawn, v.Status));
    }

    [Fact]
    public async Task Withdraw_NoReason_ShowsTheErrorAndStaysAMember()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (_, membershipId) = await app.Data.ApplyAsync(provider, dps);
        using var session = await app.SignInAsync(provider.User);

        var response = await session.PostFormAsync($"/provider/memberships/{membershipId}/withdraw", new() { ["Input.Reason"] = " " });

        var page = await response.PageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Input_Reason", page.ErrorFields());
        Assert.NotNull(page.FieldError("Input_Reason"));
        Assert.True(page.Document.GetElementById("Input_Reason")?.ClassList.Contains("govuk-textarea--error"));
        var memberships = await app.UseAsync<MembershipService, List<MembershipView>>(s => s.ForProviderAsync(provider.Id));
        Assert.Equal(MembershipStatus.Admitted, memberships.Single().Status);
    }

    [Fact]
    public async Task Withdraw_AnotherProvidersMembership_IsNotFound()
    {
        var dps = await app.Data.CreateDpsAsync();
        var owner = await app.Data.CreateProviderAsync();
        var (_, membershipId) = await app.Data.ApplyAsync(owner, dps);
        var other = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(other.User);

        await session.GetPageAsync($"/provider/memberships/{membershipId}/withdraw", HttpStatusCode.NotFound);
    }
}
