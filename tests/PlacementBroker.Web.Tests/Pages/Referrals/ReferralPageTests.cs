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

        var html = await session.GetPageAsync($"/referrals/{referralId}");

        var text = ProviderPageHelpers.Text(html);
        Assert.Contains("Amelia Hartley-Testcase", text);
        Assert.Contains("Date of birth 17 May 2012", text);
        Assert.Contains("Age at the start date 14", text);
        Assert.Contains("Emotional and behavioural Must have", text);
        Assert.Contains("Self-harm", text);
        Assert.Contains("Home postcode LS6 3QN (providers see LS6)", text);
        Assert.Contains("Weekly budget £6,000", text);
        Assert.Contains("Providers sent to 2", text);
        Assert.Contains("Declined 0 providers", text);
        Assert.Contains("Open for offers", text);

        var first = text.IndexOf($"1. {good.Name}", StringComparison.Ordinal);
        var second = text.IndexOf($"2. {weaker.Name}", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, "The good offer ranks first, the one needing approval second");
        Assert.Contains("2 offers, best first.", text);
        Assert.Contains("Weekly price £5,000", text);
        Assert.Contains("Ofsted grade Requires improvement to be good", text);
        Assert.Contains("Good Ofsted grade (+15)", text);
        Assert.Contains("Meets 1 of 2 other needs", text);
        Assert.Contains("Needs a manager's approval", text);
        Assert.Contains("The setting is graded Requires improvement to be good by Ofsted", text);
        var offers = html[html.IndexOf("id=\"offers\"", StringComparison.Ordinal)..html.IndexOf("id=\"matches\"", StringComparison.Ordinal)];
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(offers, "Needs a manager&#x27;s approval</strong>"));
        Assert.Contains("Why it scores", text);
        Assert.Contains("Potential matches: 2 vacancies fit", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1[ >]"));

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

        var html = await session.GetPageAsync($"/referrals/{referralId}");

        Assert.Contains($"<div id=\"offers\" aria-live=\"polite\" data-referral-id=\"{referralId}\" data-offers-url=\"/referrals/{referralId}?handler=Offers\">", html);
        Assert.Contains("<script src=\"/lib/signalr.min.js", html);
        Assert.Contains("<script src=\"/js/referral-live.js", html);
        Assert.Contains("Live: new offers appear here automatically", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("style=", html);
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

        var before = await session.GetPageAsync($"/referrals/{referralId}?handler=Offers");
        await app.OfferAsync(best, referralId, bestVacancy, 4200m);
        var after = await session.GetPageAsync($"/referrals/{referralId}?handler=Offers");

        Assert.DoesNotContain("<html", before);
        Assert.DoesNotContain("<h1", before);
        Assert.Contains("data-offer-count=\"1\"", before);
        Assert.Contains($"1. {good.Name}", ProviderPageHelpers.Text(before));
        Assert.Contains("Good Ofsted grade (+15)", ProviderPageHelpers.Text(before));
        Assert.Contains("data-offer-count=\"2\"", after);
        var text = ProviderPageHelpers.Text(after);
        Assert.True(text.IndexOf($"1. {best.Name}", StringComparison.Ordinal) < text.IndexOf($"2. {good.Name}", StringComparison.Ordinal));
        Assert.Contains("Outstanding Ofsted grade (+20)", text);
        // The same partial the page renders: the page shows what the live refetch shows (each render has its own antiforgery token).
        static string Masked(string html) => System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "token");
        Assert.Contains(Masked(after.Trim()), Masked(await session.GetPageAsync($"/referrals/{referralId}")));
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
        Assert.Contains($"href=\"/referrals/{referralId}/withdraw\"", await session.GetPageAsync($"/referrals/{referralId}"));
        var confirm = ProviderPageHelpers.Text(await session.GetPageAsync($"/referrals/{referralId}/withdraw"));
        Assert.Contains("Withdraw the referral for Amelia Hartley-Testcase?", confirm);
        Assert.Contains("The 2 providers it was sent to will be told it is closed", confirm);

        var response = await session.PostFormAsync($"/referrals/{referralId}/withdraw", new() { ["Reason"] = "Returning home to her mother" });

        Assert.Equal($"/referrals/{referralId}", response.RedirectTarget());
        var page = await session.GetPageAsync($"/referrals/{referralId}");
        var text = ProviderPageHelpers.Text(page);
        Assert.Contains("The referral is withdrawn", text);
        Assert.Contains("Withdrawn on 23 November 2026: Returning home to her mother", text);
        Assert.Contains("Not selected", text);
        Assert.DoesNotContain($"href=\"/referrals/{referralId}/withdraw\"", page);
        Assert.DoesNotContain("referral-live.js", page);
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

        var html = await session.GetPageAsync("/referrals");

        var text = ProviderPageHelpers.Text(html);
        Assert.Contains("Make a referral", text);
        Assert.Contains($"href=\"/referrals/{referralId}\"", html);
        Assert.Contains($"href=\"/referrals/{withdrawn}\"", html);
        Assert.Contains("Planned 30 November 2026 25 November 2026 at 9am 2 providers 2 Open for offers", text);
        var open = await session.GetPageAsync("/referrals?status=Open");
        Assert.Contains($"href=\"/referrals/{referralId}\"", open);
        Assert.DoesNotContain($"href=\"/referrals/{withdrawn}\"", open);
        Assert.Contains($"href=\"/referrals/{withdrawn}\"", await session.GetPageAsync("/referrals?status=Withdrawn"));
    }

    [Fact]
    public async Task PlacementManager_ReadsReferralsButCannotWriteOrWithdraw()
    {
        var (dps, _, referralId, good, _) = await ReferralWithTwoOffersAsync();
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, dps.Commissioner.LocalAuthorityId);
        using var session = await app.SignInAsync(manager);

        var page = await session.GetPageAsync($"/referrals/{referralId}");
        Assert.Contains($"1. {good.Name}", ProviderPageHelpers.Text(page));
        Assert.DoesNotContain("/withdraw\"", page);
        Assert.DoesNotContain("Make a referral", await session.GetPageAsync("/referrals"));
        foreach (var path in new[] { "/referrals/new", $"/referrals/{referralId}/withdraw", $"/referrals/{referralId}/rebroadcast", $"/referrals/{referralId}/check" })
        {
            var response = await session.GetAsync(path);
            Assert.StartsWith("/error/403", response.RedirectTarget());
        }
    }
}
