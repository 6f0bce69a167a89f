using System.Net;
using AngleSharp.Html.Parser;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Commissioning;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages;

/// <summary>
/// What a real form does with a value that is not one: a choice no one defined (a number, a made-up name) or money
/// typed some other way is an error in the GOV.UK error summary, linked to its field, and nothing is saved.
/// </summary>
public class FormValuePagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly HtmlParser Parser = new();

    private async Task<(TestDps Dps, string PlacementId)> PlacedAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 4200m);
        return (dps, await app.Data.Placement(officer, dps.LotId).With(provider, vacancyId).At(4200m).PlaceAsync());
    }

    /// <summary>The error summary's messages by the field each links to ("" for none).</summary>
    private static async Task<Dictionary<string, string>> ErrorSummaryAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".govuk-error-summary [role=alert]");
        Assert.NotNull(summary);
        Assert.Equal("There is a problem", summary.QuerySelector("h2")!.TextContent.Trim());
        return summary.QuerySelectorAll(".govuk-error-summary__list li").ToDictionary(
            li => li.QuerySelector("a")?.GetAttribute("href")?.TrimStart('#') ?? "",
            li => li.TextContent.Trim());
    }

    [Theory]
    [InlineData("99")]
    [InlineData("1")]
    [InlineData("Bogus")]
    [InlineData("PlannedMove,Disruption")]
    public async Task End_AReasonNoOneDefined_IsAFieldError_AndThePlacementGoesOn(string reason)
    {
        var (dps, placementId) = await PlacedAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await PageSession.SignedInAsync(app, officer.Email, officer.Password);

        var errors = await ErrorSummaryAsync(await session.PostFormAsync($"/placements/{placementId}/end", new()
        {
            ["Input.EndDate.Day"] = "20", ["Input.EndDate.Month"] = "12", ["Input.EndDate.Year"] = "2026", ["Input.Reason"] = reason,
        }));
        var placement = await session.OpenAsync($"/placements/{placementId}");

        Assert.Equal(new Dictionary<string, string> { ["Input_Reason"] = "Select why the placement ended" }, errors);
        Assert.Contains("End this placement", placement.PageText);
        Assert.DoesNotContain("planned to end", placement.PageText);
    }

    [Theory]
    [InlineData("5.600,50")]
    [InlineData("5600 pounds")]
    [InlineData("1e4")]
    public async Task Price_MoneyTypedAnotherWay_IsAFieldError_AndThePriceStays(string price)
    {
        var (dps, placementId) = await PlacedAsync();
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, dps.Commissioner.LocalAuthorityId);
        using var session = await PageSession.SignedInAsync(app, manager.Email, manager.Password);

        var errors = await ErrorSummaryAsync(await session.PostFormAsync($"/placements/{placementId}/price", new()
        {
            ["Input.WeeklyPrice"] = price, ["Input.EffectiveFrom.Day"] = "16", ["Input.EffectiveFrom.Month"] = "12",
            ["Input.EffectiveFrom.Year"] = "2026", ["Input.Reason"] = "Night staffing",
        }));
        var placement = await session.OpenAsync($"/placements/{placementId}");

        Assert.Equal(new Dictionary<string, string> { ["Input_WeeklyPrice"] = "Enter the weekly price in pounds, like 4250 or 4250.50" }, errors);
        Assert.NotEmpty(placement.Heading());
        Assert.DoesNotContain("Night staffing", placement.PageText);
    }

    [Fact]
    public async Task Price_MoneyAsPeopleTypeIt_IsSaved()
    {
        var (dps, placementId) = await PlacedAsync();
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, dps.Commissioner.LocalAuthorityId);
        using var session = await PageSession.SignedInAsync(app, manager.Email, manager.Password);

        var placement = WebUtility.HtmlDecode(await session.PostFormAndFollowAsync($"/placements/{placementId}/price", new()
        {
            ["Input.WeeklyPrice"] = " £5,200.50 ", ["Input.EffectiveFrom.Day"] = "16", ["Input.EffectiveFrom.Month"] = "Dec",
            ["Input.EffectiveFrom.Year"] = "2026", ["Input.Reason"] = "Night staffing",
        }));

        var banner = Parser.ParseDocument(placement).QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading");
        Assert.Equal("The weekly price is £5,200.50 from 16 December 2026.", banner?.TextContent.Trim());
    }

    [Theory]
    [InlineData("99")]
    [InlineData("Bogus")]
    public async Task ApprovalDecision_NoOneDefined_IsAFieldError_AndTheApprovalWaits(string decision)
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 5000m, OfstedGrade.Inadequate);
        var referralId = await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        var offerId = await app.OfferAsync(provider, referralId, vacancyId, 5000m);
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId);
        using var officerSession = await PageSession.SignedInAsync(app, officer.Email, officer.Password);
        await officerSession.PostFormAndFollowAsync($"/referrals/{referralId}/offers/{offerId}/accept", new() { ["Input.Reason"] = "Near her school" });
        using var session = await PageSession.SignedInAsync(app, manager.Email, manager.Password);
        var link = Parser.ParseDocument(await session.TextAsync("/approvals")).QuerySelectorAll("a[href^='/approvals/']")
            .Select(a => a.GetAttribute("href")!).Single();

        var errors = await ErrorSummaryAsync(await session.PostFormAsync(link, new() { ["Input.Decision"] = decision, ["Input.Reason"] = "Visited" }));
        var after = await session.OpenAsync(link);

        Assert.Equal(new Dictionary<string, string> { ["Input_Decision"] = "Select whether to approve or reject the placement" }, errors);
        Assert.Contains("Record decision", after.PageText);
    }
}
