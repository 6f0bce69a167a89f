using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Referrals;

/// <summary>
/// What the officer is told in words about the providers' answers: each decline with its reason as the provider chose
/// it, each offer its provider withdrew; the provider's own decline reads in a sentence; the approvals list names the
/// child with the case reference (an audited read). Nobody else is told any of it.
/// </summary>
public class UsersWordsOnReferralPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>A referral sent by a new officer, with the providers whose vacancies fit it (their settings of the grade given).</summary>
    private async Task<(TestDps Dps, TestUser Officer, Guid ReferralId, string Reference, (TestProvider Provider, Guid VacancyId)[] Providers)> SentAsync(
        int providers, OfstedGrade grade = OfstedGrade.Good)
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var fitting = new (TestProvider, Guid)[providers];
        for (var i = 0; i < providers; i++)
        {
            fitting[i] = await app.Data.FittingProviderAsync(dps, 5000m, grade);
        }
        var body = app.Data.ReferralBody(dps.LotId);
        var reference = (string)((Dictionary<string, object?>)body["child"]!)["reference"]!;
        return (dps, officer, await app.SendReferralAsync(officer, body), reference, fitting);
    }

    [Fact]
    public async Task Declines_TheOfficerReadsEachProvidersReasonInWords_TheProviderItsOwnInASentence()
    {
        var (_, officer, referralId, _, providers) = await SentAsync(3);
        using (var session = await app.SignInAsync(providers[0].Provider.User))
        {
            await session.PostFormAsync($"/provider/referrals/{referralId}/decline", new() { ["Reason"] = "OutsideRegistration" });
            // "Ofsted" keeps its capital inside the sentence.
            Assert.Contains("Your organisation declined this referral: it is outside our Ofsted registration.",
                (await session.OpenAsync($"/provider/referrals/{referralId}")).Text);
        }
        using (var session = await app.SignInAsync(providers[1].Provider.User))
        {
            await session.PostFormAsync($"/provider/referrals/{referralId}/decline",
                new() { ["Reason"] = "Other", ["Detail"] = "The child would be the only girl in the home" });
        }

        using var officerSession = await app.SignInAsync(officer);
        var page = await officerSession.OpenAsync($"/referrals/{referralId}");

        var declines = page.All("#declines [data-decline]").Select(d => PageDocument.Normalise(d.TextContent)).ToList();
        // Both declined at the same moment (the test's clock stands still): then by the provider's name.
        Assert.Equal(new[]
        {
            $"{providers[0].Provider.Name}: it is outside our Ofsted registration",
            $"{providers[1].Provider.Name}: another reason (The child would be the only girl in the home)",
        }.Order(StringComparer.Ordinal), declines);
        Assert.Contains("Declined 2 providers", page.Text);
        Assert.DoesNotContain("OutsideRegistration", page.Html);
        Assert.DoesNotContain(providers[2].Provider.Name + ":", page.Text);
    }

    [Fact]
    public async Task Declines_AreTheReferralsAuthorityAlone()
    {
        var (dps, officer, referralId, _, providers) = await SentAsync(1);
        using (var api = await app.Data.ClientForAsync(providers[0].Provider.User))
        {
            (await api.PostAsJsonAsync($"/api/referrals/{referralId}/decline", new { reason = "CannotMeetNeeds" })).EnsureSuccessStatusCode();
        }
        var otherCouncil = await app.Data.CreateUserAsync(Role.PlacingOfficer, (await app.Data.CreateLocalAuthorityAsync()).Id);
        var commissioner = dps.Commissioner;

        Assert.Single(await app.UseAsync<ReferralService, IReadOnlyList<DeclineView>>(s => s.DeclinesAsync(TestData.ActorFor(officer), referralId)));
        foreach (var someoneElse in new[] { otherCouncil, commissioner, providers[0].Provider.User })
        {
            Assert.Empty(await app.UseAsync<ReferralService, IReadOnlyList<DeclineView>>(s => s.DeclinesAsync(TestData.ActorFor(someoneElse), referralId)));
        }
        using var otherSession = await app.SignInAsync(otherCouncil);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await otherSession.GetAsync($"/referrals/{referralId}")).StatusCode);
    }

    [Fact]
    public async Task WithdrawnOffer_LeavesTheRanking_AndTheOfficerIsToldItWent_OnThePageAndInTheLiveRefresh()
    {
        var (_, officer, referralId, _, providers) = await SentAsync(2);
        var (stays, staysVacancy) = providers[0];
        var (goes, goesVacancy) = providers[1];
        await app.OfferAsync(stays, referralId, staysVacancy, 5000m);
        var withdrawnId = await app.OfferAsync(goes, referralId, goesVacancy, 4900m);
        using (var session = await app.SignInAsync(goes.User))
        {
            await session.PostFormAsync($"/provider/referrals/{referralId}/offers/{withdrawnId}/withdraw", new());
        }

        using var officerSession = await app.SignInAsync(officer);
        foreach (var path in new[] { $"/referrals/{referralId}", $"/referrals/{referralId}?handler=Offers" })
        {
            var page = PageDocument.Parse(await officerSession.GetPageAsync(path));
            var listed = Assert.Single(page.All("#withdrawn-offers [data-withdrawn-offer]"));
            Assert.Equal(withdrawnId.ToString(), listed.GetAttribute("data-withdrawn-offer"));
            Assert.StartsWith($"{goes.Name}, ", PageDocument.Normalise(listed.TextContent));
            Assert.Contains("£4,900 a week, withdrawn 23 November 2026", PageDocument.Normalise(listed.TextContent));
            // The offer that stays is ranked; the withdrawn one is not among the offers to accept.
            Assert.Single(page.All("[data-offer-id]"));
            Assert.Empty(page.All($"[data-offer-id='{withdrawnId}']"));
        }

        // Another council's officer, and the providers, are told nothing of it.
        var otherCouncil = await app.Data.CreateUserAsync(Role.PlacingOfficer, (await app.Data.CreateLocalAuthorityAsync()).Id);
        foreach (var someoneElse in new[] { otherCouncil, stays.User, goes.User })
        {
            Assert.Empty(await app.UseAsync<OfferService, List<WithdrawnOfferView>>(s => s.WithdrawnOffersAsync(TestData.ActorFor(someoneElse), referralId)));
        }
    }

    [Fact]
    public async Task NoOffersOpen_AfterTheOnlyOfferIsWithdrawn_SaysSoRatherThanNoOffersYet()
    {
        var (_, officer, referralId, _, providers) = await SentAsync(1);
        var offerId = await app.OfferAsync(providers[0].Provider, referralId, providers[0].VacancyId, 5000m);
        using (var session = await app.SignInAsync(providers[0].Provider.User))
        {
            await session.PostFormAsync($"/provider/referrals/{referralId}/offers/{offerId}/withdraw", new());
        }

        using var officerSession = await app.SignInAsync(officer);
        var text = (await officerSession.OpenAsync($"/referrals/{referralId}")).Text;

        Assert.Contains("No offers open now.", text);
        Assert.DoesNotContain("No offers yet", text);
        Assert.Contains("Withdrawn by their providers", text);
    }

    [Fact]
    public async Task ApprovalsList_NamesTheChildWithTheCaseReference_ToTheCouncilsOwnStaff_AndTheReadIsAudited()
    {
        var (_, officer, referralId, reference, providers) = await SentAsync(1, OfstedGrade.Inadequate);
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId);
        var offerId = await app.OfferAsync(providers[0].Provider, referralId, providers[0].VacancyId, 5000m);
        using (var api = await app.Data.ClientForAsync(officer))
        {
            var asked = await api.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot", reason = "Her school is two streets away" });
            Assert.Equal(System.Net.HttpStatusCode.Accepted, asked.StatusCode);
        }

        // The officer who asked, and the manager who decides, each read the list; each read is on the audit trail.
        foreach (var reader in new[] { officer, manager })
        {
            using var session = await app.SignInAsync(reader);
            Assert.Equal($"Amelia Hartley-Testcase Case reference {reference}",
                PageDocument.Normalise(Assert.Single((await session.OpenAsync("/approvals")).All("[data-child]")).TextContent));
            var reads = await app.UseAsync<PlacementBrokerDbContext, List<string?>>(db => db.AuditEvents.AsNoTracking()
                .Where(e => e.Action == IdentityReads.ApprovalList && e.ActorUserId == reader.Id).Select(e => e.Detail).ToListAsync());
            Assert.Contains(reads, detail => detail!.StartsWith("names and case references") && detail.Contains(referralId.ToString()));
        }

        // Another council's manager sees none of it.
        var otherManager = await app.Data.CreateUserAsync(Role.PlacementManager, (await app.Data.CreateLocalAuthorityAsync()).Id);
        using var other = await app.SignInAsync(otherManager);
        var theirs = await other.OpenAsync("/approvals");
        Assert.Empty(theirs.All("[data-child]"));
        Assert.DoesNotContain("Amelia", theirs.Text);
    }

    [Fact]
    public async Task Invoices_WithoutOnlinePayment_SayWhatThatMeans_AndNeverNameThePaymentProcessor()
    {
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        using var session = await app.SignInAsync(provider.User);

        var page = await session.OpenAsync("/provider/invoices");

        Assert.Contains("Online payment is not set up on this service yet", page.TextOf("#payments-not-set-up"));
        Assert.DoesNotContain("Stripe", page.PageText);
    }
}
