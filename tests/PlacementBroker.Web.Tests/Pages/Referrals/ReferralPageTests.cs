using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Referrals;

/// <summary>The referral page at its fixed address: the referral, its offers ranked and explained, the live parts, withdrawing.</summary>
public class ReferralPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(TestDps Dps, TestUser Officer, Guid ReferralId, TestProvider Good, TestProvider Weaker)> ReferralWithTwoOffersAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (good, goodVacancy) = await app.Data.FittingProviderAsync(dps, weeklyPrice: 5000m, grade: OfstedGrade.Good);
        var (weaker, weakerVacancy) = await app.Data.FittingProviderAsync(dps, weeklyPrice: 5100m, grade: OfstedGrade.RequiresImprovement);
        var referralId = await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        await app.OfferAsync(weaker, referralId, weakerVacancy, 5100m);
        await app.OfferAsync(good, referralId, goodVacancy, 5000m);
        return (dps, officer, referralId, good, weaker);
    }

    [Fact]
    public async Task Referral_Officer_SeesTheChildAndTheOffersRankedWithWhyAndApprovalTags()
    {
        var (_, officer, referralId, good, weaker) = await ReferralWithTwoOffersAsync();
        using var session = await app.SignInAsync(officer);

        var html = await session.OpenAsync($"/referrals/{referralId}");

        var text = html;
        Assert.Contains("Amelia Hartley-Testcase", text.Text);
        Assert.Contains("Date of birth 17 May 2012", text.Text);
        Assert.Contains("Age at the start date 14", text.Text);
        Assert.Contains("Emotional and behavioural Must have", text.Text);
        Assert.Contains("Self-harm", text.Text);
        Assert.Contains("Home postcode LS6 3QN (providers see LS6)", text.Text);
        Assert.Contains("Weekly budget £6,000", text.Text);
        Assert.Contains("Providers sent to 2", text.Text);
        Assert.Contains("Declined 0 providers", text.Text);
        Assert.Contains("Open for offers", text.Text);

        var first = text.Text.IndexOf($"1. {good.Name}", StringComparison.Ordinal);
        var second = text.Text.IndexOf($"2. {weaker.Name}", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, "The good offer ranks first, the one needing approval second");
        Assert.Contains("2 offers, best first.", text.Text);
        Assert.Contains("Weekly price £5,000", text.Text);
        Assert.Contains("Ofsted grade Requires improvement to be good", text.Text);
        Assert.Contains("Good Ofsted grade (adds 15 points to the score)", text.Text);
        Assert.Contains("Meets 1 of 2 other needs", text.Text);
        Assert.Contains("Needs a manager's approval", text.Text);
        Assert.Contains("The setting is graded Requires improvement to be good by Ofsted", text.Text);
        var offers = html.Document.GetElementById("offers") ?? throw new InvalidOperationException("No offers region");
        Assert.Single(offers.QuerySelectorAll("strong"), strong => strong.TextContent.EndsWith("Needs a manager's approval", StringComparison.Ordinal));
        Assert.Contains("Why it scores", text.Text);
        Assert.Contains("Potential matches: 2 vacancies fit", text.Text);
        Assert.Single(html.All("h1"));

        // The officer's read of the child's identity is audited.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "ReferralIdentityRead" && a.EntityId == referralId.ToString() && a.ActorUserId == officer.Id));
    }

    [Fact]
    public async Task Referral_Page_IsReadyToUpdateLiveWithoutInlineScript()
    {
        var (_, officer, referralId, _, _) = await ReferralWithTwoOffersAsync();
        using var session = await app.SignInAsync(officer);

        var html = await session.OpenAsync($"/referrals/{referralId}");

        var offers = html.Document.GetElementById("offers");
        Assert.Equal("div", offers?.LocalName);
        Assert.Equal("polite", offers?.GetAttribute("aria-live"));
        Assert.Equal($"{referralId}", offers?.GetAttribute("data-referral-id"));
        Assert.Equal($"/referrals/{referralId}?handler=Offers", offers?.GetAttribute("data-offers-url"));
        Assert.NotEmpty(html.All("script[src^='/lib/signalr.min.js']"));
        Assert.NotEmpty(html.All("script[src^='/js/referral-live.js']"));
        Assert.Contains("Live: new offers appear here automatically", html.Text);
        Assert.DoesNotContain(html.All("script"), s => !s.HasAttribute("src"));
        Assert.Empty(html.All("[style]"));
    }

    [Fact]
    public async Task OffersHandler_ReturnsTheRankedOffersAloneAndRanksANewOne()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (good, goodVacancy) = await app.Data.FittingProviderAsync(dps, weeklyPrice: 5000m);
        var (best, bestVacancy) = await app.Data.FittingProviderAsync(dps, weeklyPrice: 4200m, grade: OfstedGrade.Outstanding);
        var referralId = await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        await app.OfferAsync(good, referralId, goodVacancy, 5000m);
        using var session = await app.SignInAsync(officer);

        var before = await session.OpenAsync($"/referrals/{referralId}?handler=Offers");
        await app.OfferAsync(best, referralId, bestVacancy, 4200m);
        var after = await session.OpenAsync($"/referrals/{referralId}?handler=Offers");

        Assert.DoesNotContain("<html", before.Html);
        Assert.Empty(before.All("h1"));
        Assert.NotEmpty(before.All("[data-offer-count='1']"));
        Assert.Contains($"1. {good.Name}", before.PageText);
        Assert.Contains("Good Ofsted grade (adds 15 points to the score)", before.PageText);
        Assert.NotEmpty(after.All("[data-offer-count='2']"));
        var text = after;
        Assert.True(text.PageText.IndexOf($"1. {best.Name}", StringComparison.Ordinal) is >= 0 and var bestAt && bestAt < text.PageText.IndexOf($"2. {good.Name}", StringComparison.Ordinal));
        Assert.Contains("Outstanding Ofsted grade (adds 20 points to the score)", text.Text);
        // The same partial the page renders: the page shows what the live refetch shows (each render has its own antiforgery token).
        static string Masked(string html) => System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "token");
        Assert.Contains(Masked(after.Html.Trim()), Masked((await session.OpenAsync($"/referrals/{referralId}")).Html));
    }

    [Fact]
    public async Task OffersHandler_AnotherAuthoritysOfficer_Is404()
    {
        var (_, _, referralId, _, _) = await ReferralWithTwoOffersAsync();
        var stranger = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var session = await app.SignInAsync(stranger);

        await session.GetPageAsync($"/referrals/{referralId}?handler=Offers", HttpStatusCode.NotFound);
        await session.GetPageAsync($"/referrals/{referralId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Withdraw_WithAReason_ClosesTheReferralAndReleasesItsOffers()
    {
        var (_, officer, referralId, good, _) = await ReferralWithTwoOffersAsync();
        using var session = await app.SignInAsync(officer);
        Assert.True((await session.OpenAsync($"/referrals/{referralId}")).HasLinkTo($"/referrals/{referralId}/withdraw"));
        var confirm = await session.OpenAsync($"/referrals/{referralId}/withdraw");
        Assert.Contains("Withdraw the referral for Amelia Hartley-Testcase?", confirm.Text);
        Assert.Contains("The 2 providers it was sent to will be told it is closed", confirm.Text);

        var response = await session.PostFormAsync($"/referrals/{referralId}/withdraw", new() { ["Reason"] = "Returning home to her mother" });

        Assert.Equal($"/referrals/{referralId}", response.RedirectTarget());
        var text = await session.OpenAsync($"/referrals/{referralId}");
        Assert.Contains("The referral is withdrawn", text.Text);
        Assert.Contains("Withdrawn on 23 November 2026: Returning home to her mother", text.Text);
        Assert.Contains("Not selected", text.Text);
        Assert.False(text.HasLinkTo($"/referrals/{referralId}/withdraw"));
        Assert.DoesNotContain(text.Document.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.Contains("referral-live.js"));
        var inbox = await app.UseAsync<OfferService, List<ProviderReferralView>>(s => s.InboxAsync(TestData.ActorFor(good.User)));
        Assert.Equal(ReferralStatus.Withdrawn, inbox.Single(r => r.Id == referralId).Status);
        // Withdrawing again is refused: the page leads back to the referral.
        Assert.Equal($"/referrals/{referralId}", (await session.GetAsync($"/referrals/{referralId}/withdraw")).RedirectTarget());
    }

    [Fact]
    public async Task ReferralList_ShowsStatusOffersAndDeadlineAndFiltersByStatus()
    {
        var (dps, officer, referralId, _, _) = await ReferralWithTwoOffersAsync();
        var withdrawn = await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        await app.UseAsync<ReferralService, Outcome<ReferralView>>(s => s.WithdrawAsync(TestData.ActorFor(officer), withdrawn, "Placed with family"));
        using var session = await app.SignInAsync(officer);

        var html = await session.OpenAsync("/referrals");

        var text = html;
        Assert.Contains("Make a referral", text.Text);
        Assert.True(html.HasLinkTo($"/referrals/{referralId}"));
        Assert.True(html.HasLinkTo($"/referrals/{withdrawn}"));
        Assert.Contains("Planned 30 November 2026 25 November 2026 at 9am 2 providers 2 Open for offers", text.Text);
        var open = await session.OpenAsync("/referrals?status=Open");
        Assert.True(open.HasLinkTo($"/referrals/{referralId}"));
        Assert.False(open.HasLinkTo($"/referrals/{withdrawn}"));
        Assert.True((await session.OpenAsync("/referrals?status=Withdrawn")).HasLinkTo($"/referrals/{withdrawn}"));
    }

    [Fact]
    public async Task PlacementManager_ReadsReferralsButCannotWriteOrWithdraw()
    {
        var (dps, _, referralId, good, _) = await ReferralWithTwoOffersAsync();
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, dps.Commissioner.LocalAuthorityId);
        using var session = await app.SignInAsync(manager);

        var page = await session.OpenAsync($"/referrals/{referralId}");
        Assert.Contains($"1. {good.Name}", page.Text);
        Assert.DoesNotContain(page.Addresses(), address => address.EndsWith("/withdraw", StringComparison.Ordinal));
        Assert.DoesNotContain("Make a referral", (await session.OpenAsync("/referrals")).PageText);
        foreach (var path in new[] { "/referrals/new", $"/referrals/{referralId}/withdraw", $"/referrals/{referralId}/rebroadcast", $"/referrals/{referralId}/check" })
        {
            var response = await session.GetAsync(path);
            Assert.StartsWith("/error/403", response.RedirectTarget());
        }
    }
}
