using System.Net;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

public class MembershipPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task SuspendThenReinstate_Member_ShowsEachChangeInTheHistory()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (_, membershipId) = await app.Data.ApplyAsync(provider, dps);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var dpsPage = await session.OpenAsync($"/dps/{dps.Id}");

        var suspended = await session.PostFormAsync($"/dps/{dps.Id}/memberships/{membershipId}/suspend",
            new() { ["Input.Reason"] = "Critical safeguarding flag raised by QA" });
        var afterSuspension = await session.OpenAsync(suspended.RedirectedTo());
        var reinstated = await session.PostFormAsync($"/dps/{dps.Id}/memberships/{membershipId}/reinstate",
            new() { ["Input.Reason"] = "Flag resolved after the follow-up visit" });
        var afterReinstatement = await session.OpenAsync(reinstated.RedirectedTo());

        Assert.True(dpsPage.HasLinkTo($"/dps/{dps.Id}/memberships/{membershipId}/suspend"));
        Assert.False(dpsPage.PointsAt($"/memberships/{membershipId}/reinstate"));
        Assert.Contains($"{provider.Name}'s membership of", afterSuspension.Text);
        Assert.Contains("is now suspended", afterSuspension.Text);
        Assert.Contains("Admitted → Suspended", afterSuspension.Text);
        Assert.Contains("Critical safeguarding flag raised by QA", afterSuspension.Text);
        Assert.Contains("Test Commissioner", afterSuspension.Text);
        Assert.Contains("23 November 2026 at 9am", afterSuspension.Text);
        Assert.Contains("is now admitted", afterReinstatement.Text);
        Assert.Contains("Suspended → Admitted", afterReinstatement.Text);
        Assert.Contains("Flag resolved after the follow-up visit", afterReinstatement.Text);
        Assert.Contains("Admitted", afterReinstatement.Tags());
    }

    [Fact]
    public async Task Suspend_WithoutReason_ShowsTheError()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (_, membershipId) = await app.Data.ApplyAsync(await app.Data.CreateProviderAsync(), dps);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var response = await session.PostFormAsync($"/dps/{dps.Id}/memberships/{membershipId}/suspend", new() { ["Input.Reason"] = " " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(("Enter the reason: it is kept in the membership's history and shown to the provider", "Input_Reason"),
            (await response.PageAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Reinstate_MemberNotSuspended_ShowsTheRefusal()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (_, membershipId) = await app.Data.ApplyAsync(await app.Data.CreateProviderAsync(), dps);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var response = await session.PostFormAsync($"/dps/{dps.Id}/memberships/{membershipId}/reinstate", new() { ["Input.Reason"] = "By mistake" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.PageAsync();
        Assert.Contains("There is a problem", page.Text);
        Assert.Contains("The membership is not suspended.", page.Errors());
    }

    [Fact]
    public async Task RemoveExcludedSupplier_PcrDps_IsRefusedWithTheReason()
    {
        var dps = await app.Data.CreateDpsAsync(regime: DpsRegime.Pcr2015Dps);
        var (_, membershipId) = await app.Data.ApplyAsync(await app.Data.CreateProviderAsync(), dps);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var dpsPage = await session.OpenAsync($"/dps/{dps.Id}");
        var response = await session.PostFormAsync($"/dps/{dps.Id}/memberships/{membershipId}/remove", new() { ["Input.Reason"] = "Convicted of fraud" });

        Assert.DoesNotContain("Remove excluded supplier", dpsPage.PageText);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Removing an excluded supplier applies to Procurement Act 2023 dynamic markets. Under PCR 2015, suspend the membership instead.",
            (await response.PageAsync()).Text);
    }

    [Fact]
    public async Task RemoveExcludedSupplier_DynamicMarket_RemovesTheMember()
    {
        var dps = await app.Data.CreateDpsAsync(regime: DpsRegime.ProcurementAct2023DynamicMarket);
        var (_, membershipId) = await app.Data.ApplyAsync(await app.Data.CreateProviderAsync(), dps);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var response = await session.PostFormAsync($"/dps/{dps.Id}/memberships/{membershipId}/remove",
            new() { ["Input.Reason"] = "Mandatory exclusion ground: fraud conviction" });

        var page = await session.OpenAsync(response.RedirectedTo());
        Assert.Contains("Removed (excluded)", page.Text);
        Assert.Contains("Admitted → Removed (excluded)", page.Text);
        Assert.False(page.PointsAt($"/memberships/{membershipId}/suspend"));
    }

    [Fact]
    public async Task MembershipPages_ParticipatingCommissioner_SeesHistoryButCannotChange()
    {
        var partner = await app.Data.CreateUserAsync(Role.Commissioner);
        var dps = await app.Data.CreateDpsAsync(participants: [partner.LocalAuthorityId!.Value]);
        var (_, membershipId) = await app.Data.ApplyAsync(await app.Data.CreateProviderAsync(), dps);
        using var session = await PageSession.SignedInAsync(app, partner.Email, partner.Password);

        var dpsPage = await session.OpenAsync($"/dps/{dps.Id}");
        var history = await session.OpenAsync($"/dps/{dps.Id}/memberships/{membershipId}");
        var change = await session.GetAsync($"/dps/{dps.Id}/memberships/{membershipId}/suspend");

        Assert.False(dpsPage.PointsAt("/suspend"));
        Assert.Contains("Meets every criterion", history.Text);
        Assert.False(history.PointsAt("/suspend"));
        Assert.StartsWith("/error/403", change.RedirectedTo());
    }
}
