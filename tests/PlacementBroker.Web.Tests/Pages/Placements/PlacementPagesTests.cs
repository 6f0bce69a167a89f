using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Commissioning;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Placements;

/// <summary>Accepting from the referral page, the placement and its agreement, ending it, approvals, block contracts.</summary>
public class PlacementPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(TestDps Dps, TestUser Officer, TestProvider Provider, Guid ReferralId, Guid OfferId)> OfferAsync(OfstedGrade grade = OfstedGrade.Good)
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 5000m, grade);
        var referralId = await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        var offerId = await app.OfferAsync(provider, referralId, vacancyId, 5000m);
        return (dps, officer, provider, referralId, offerId);
    }

    [Fact]
    public async Task Accept_FromTheReferralPage_MakesThePlacementAndTheAgreementNamesBothParties()
    {
        var (_, officer, provider, referralId, offerId) = await OfferAsync();
        using var session = await PageSession.SignedInAsync(app, officer.Email, officer.Password);

        var placement = await session.PostFormAndOpenAsync($"/referrals/{referralId}/offers/{offerId}/accept", new());

        Assert.Contains("Offer accepted: the placement has been made", placement.Text);
        Assert.Contains("Amelia Hartley-Testcase", placement.Text);
        var agreementLink = placement.Links().Select(l => l.Href).First(href => System.Text.RegularExpressions.Regex.IsMatch(href, "^/placements/.+/agreement$"));
        var agreement = await session.OpenAsync(agreementLink);
        Assert.Contains("Individual Placement Agreement", agreement.Text);
        Assert.Contains(provider.Name, agreement.Text);
        Assert.Contains("01234567", agreement.Text);
        Assert.Contains("without the placing authority's prior written agreement", agreement.Text);
        Assert.Contains("£5,000 a week", agreement.Text);
        using var providerSession = await PageSession.SignedInAsync(app, provider.User.Email, provider.User.Password);
        Assert.Contains("Amelia", (await providerSession.OpenAsync(agreementLink)).Text);
        using var otherProvider = await PageSession.SignedInAsync(app, (await app.Data.CreateProviderAsync()).User.Email, TestData.Password);
        await otherProvider.GetPageAsync(agreementLink, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task End_BlankFormShowsErrorsThenEndsThePlacement()
    {
        var (_, officer, _, referralId, offerId) = await OfferAsync();
        using var api = await app.Data.ClientForAsync(officer);
        var placementId = (await (await api.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("placementId").GetString();
        using var session = await PageSession.SignedInAsync(app, officer.Email, officer.Password);

        var blank = PageDocument.Parse(await (await session.PostFormAsync($"/placements/{placementId}/end", new() { ["Input.Reason"] = "" })).TextAsync());
        Assert.True(blank.HasErrorSummary);
        Assert.Contains("Input_EndDate", blank.ErrorFields());
        Assert.Contains("Input_Reason", blank.ErrorFields());

        // A date still to come is a planned end: the child keeps the place until then, and the end can still be moved.
        var planned = await session.PostFormAndOpenAsync($"/placements/{placementId}/end", new()
        {
            ["Input.EndDate.Day"] = "20", ["Input.EndDate.Month"] = "12", ["Input.EndDate.Year"] = "2026", ["Input.Reason"] = "PlannedMove",
        });
        Assert.Contains("The placement will end on 20 December 2026", planned.Text);
        Assert.Contains("planned to end 20 December 2026", planned.Text);
        Assert.Contains("End this placement", planned.PageText);

        // Called off on its start day: it never began, so it ends now.
        var ended = await session.PostFormAndOpenAsync($"/placements/{placementId}/end", new()
        {
            ["Input.EndDate.Day"] = "30", ["Input.EndDate.Month"] = "11", ["Input.EndDate.Year"] = "2026", ["Input.Reason"] = "PlannedMove",
        });
        Assert.Contains("The placement has ended", ended.Text);
        Assert.Contains("Planned move", ended.Text);
        Assert.DoesNotContain("End this placement", ended.PageText);
    }

    [Fact]
    public async Task Approvals_ManagerDecidesAndOfficerOnlyReads()
    {
        var (_, officer, _, referralId, offerId) = await OfferAsync(OfstedGrade.Inadequate);
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId);
        using var officerSession = await PageSession.SignedInAsync(app, officer.Email, officer.Password);
        var asked = await officerSession.PostFormAndOpenAsync($"/referrals/{referralId}/offers/{offerId}/accept",
            new() { ["Input.Reason"] = "The only home near her school" });
        Assert.Contains("Sent to a placement manager for approval", asked.Text);
        var approvals = await officerSession.OpenAsync("/approvals");
        var link = approvals.Links().Select(l => l.Href).First(href => System.Text.RegularExpressions.Regex.IsMatch(href, "^/approvals/[0-9a-f-]{36}$"));
        Assert.DoesNotContain("Record decision", (await officerSession.OpenAsync(link)).PageText);

        using var managerSession = await PageSession.SignedInAsync(app, manager.Email, manager.Password);
        var page = await managerSession.OpenAsync(link);
        Assert.Contains("graded Inadequate by Ofsted", page.Text);
        var blank = PageDocument.Parse(await (await managerSession.PostFormAsync(link, new() { ["Input.Decision"] = "Approve" })).TextAsync());
        Assert.Contains("Input_Reason", blank.ErrorFields());
        var decided = await managerSession.PostFormAndOpenAsync(link, new() { ["Input.Decision"] = "Approve", ["Input.Reason"] = "Visited and satisfied" });
        Assert.Contains("Approved: the placement has been made", decided.Text);
    }

    [Fact]
    public async Task BlockContracts_CommissionerRecordsOneAndSeesItsVoids()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var blank = PageDocument.Parse(await (await session.PostFormAsync("/block-contracts/new", new() { ["Input.ProviderId"] = "" })).TextAsync());
        Assert.Contains("Input_ProviderId", blank.ErrorFields());
        Assert.Contains("Input_Places", blank.ErrorFields());
        var list = await session.PostFormAndOpenAsync("/block-contracts/new", new()
        {
            ["Input.ProviderId"] = provider.Id.ToString(), ["Input.LotId"] = dps.LotId.ToString(), ["Input.Places"] = "3",
            ["Input.WeeklyPricePerPlace"] = "£4,750", ["Input.StartDate.Day"] = "1", ["Input.StartDate.Month"] = "4", ["Input.StartDate.Year"] = "2026",
            ["Input.EndDate.Day"] = "31", ["Input.EndDate.Month"] = "3", ["Input.EndDate.Year"] = "2027",
        });

        Assert.Contains("The block contract has been recorded", list.Text);
        Assert.Contains(provider.Name, list.Text);
        Assert.Contains("Void places cost £14,250 a week in all", list.Text);
    }

    [Theory]
    [InlineData(Role.ProviderUser, "/approvals")]
    [InlineData(Role.Commissioner, "/approvals")]
    [InlineData(Role.PlacingOfficer, "/block-contracts")]
    [InlineData(Role.ProviderUser, "/block-contracts/new")]
    public async Task Pages_WrongRole_SeeTheNoAccessPage(Role role, string path)
    {
        var user = await app.Data.CreateUserAsync(role);
        using var session = await PageSession.SignedInAsync(app, user.Email, user.Password);

        var response = await session.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery);
    }
}
