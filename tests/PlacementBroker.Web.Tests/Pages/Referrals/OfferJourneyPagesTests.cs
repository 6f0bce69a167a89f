using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Referrals;

/// <summary>
/// An offer that does not fit has a way forward: the provider sees what its vacancy does not meet before sending; the
/// officer asks the provider to update it or a manager to approve an exception with a reason; the explanation never
/// contradicts eligibility. Accepting and withdrawing show a check first; the manager's page has what a decision needs;
/// the officer is told. Each rule is also tried from the wrong side: another council, the provider before acceptance.
/// </summary>
public class OfferJourneyPagesTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private sealed record Market(TestDps Dps, TestUser Officer, TestProvider Provider, Guid VacancyId, Guid ReferralId, string Reference);

    /// <summary>A referral (emotional and behavioural support a must) and a provider whose only vacancy meets autism alone.</summary>
    private async Task<Market> MisfitAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        var setting = await app.Data.CreateSettingAsync(provider);
        var vacancy = await app.Data.Vacancy(provider, setting, dps.LotId).Meeting(Need.Autism).At(5000m).PublishAsync();
        var body = app.Data.ReferralBody(dps.LotId);
        var reference = (string)((Dictionary<string, object?>)body["child"]!)["reference"]!;
        return new(dps, officer, provider, vacancy, await app.SendReferralAsync(officer, body), reference);
    }

    private async Task<T> DbAsync<T>(Func<PlacementBrokerDbContext, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }

    private Task<List<OfferView>> OffersAsync(Market m) =>
        app.UseAsync<OfferService, List<OfferView>>(async s => (await s.RankedOffersAsync(TestData.ActorFor(m.Officer), m.ReferralId))!);

    [Fact]
    public async Task Provider_SeesWhatItsVacancyDoesNotMeet_AndIsAskedAgainBeforeSendingIt()
    {
        var m = await MisfitAsync();
        using var session = await app.SignInAsync(m.Provider.User);

        var referral = await session.OpenAsync($"/provider/referrals/{m.ReferralId}");
        Assert.Contains("Cannot meet: emotional and behavioural", referral.Text);
        Assert.DoesNotContain("You can still make an offer", referral.Text);
        Assert.Contains($"/provider/vacancies/{m.VacancyId}/edit", referral.Links().Select(l => l.Href));
        var form = await session.OpenAsync($"/provider/referrals/{m.ReferralId}/offer");
        Assert.Contains("Cannot meet: emotional and behavioural", form.Text);

        var fields = new Dictionary<string, string>
        {
            ["Input.IdempotencyKey"] = Guid.NewGuid().ToString("N"), ["Input.VacancyId"] = m.VacancyId.ToString(), ["Input.WeeklyPrice"] = "5000",
        };
        var first = await session.PostFormAsync($"/provider/referrals/{m.ReferralId}/offer", fields);
        var warned = PageDocument.Parse(await first.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("does not meet this referral", warned.Text);
        Assert.Contains("Send the offer anyway", warned.Text);
        Assert.Empty(await OffersAsync(m));

        fields["Input.SendAnyway"] = "yes";
        var sent = await session.PostFormAsync($"/provider/referrals/{m.ReferralId}/offer", fields);
        Assert.Equal($"/provider/referrals/{m.ReferralId}", sent.RedirectTarget());
        var offer = Assert.Single(await OffersAsync(m));
        Assert.False(offer.Eligible);
        Assert.True(offer.ExceptionPossible);
    }

    [Fact]
    public async Task IneligibleOffer_ExplanationNeverSaysItMeetsEveryNeed_AndAChangedVacancyIsJudgedAgain()
    {
        var m = await MisfitAsync();
        await app.OfferAsync(m.Provider, m.ReferralId, m.VacancyId, 5000m);

        var before = Assert.Single(await OffersAsync(m));
        Assert.False(before.Eligible);
        var needs = before.Explanation.Single(e => e.Criterion == "Needs").Text;
        Assert.DoesNotContain("every need", needs);
        Assert.Contains("Does not meet the must-have need emotional and behavioural", needs);

        // The provider's setting can meet it after all: the vacancy is updated and the offer fits at once.
        var changed = await app.UseAsync<VacancyService, Outcome<Vacancy>>(async s =>
        {
            var v = (await s.FindAsync(TestData.ActorFor(m.Provider.User), m.VacancyId))!;
            return await s.UpdateAsync(TestData.ActorFor(m.Provider.User), m.VacancyId, new VacancyRequest(v.SettingId, v.LotId, v.Places, v.AgeMin, v.AgeMax,
                [.. v.Genders], [Need.Autism, Need.EmotionalBehavioural], v.WeeklyPrice, v.AvailableFrom));
        });
        Assert.True(changed.Succeeded, changed.Message);

        var after = Assert.Single(await OffersAsync(m));
        Assert.True(after.Eligible);
        Assert.DoesNotContain("must-have", after.Explanation.Single(e => e.Criterion == "Needs").Text);
    }

    [Fact]
    public async Task Officer_AsksTheProviderToUpdate_ThenAManagerForAnException_WhoSeesTheReasonAndTheOfficerIsTold()
    {
        var m = await MisfitAsync();
        var offerId = await app.OfferAsync(m.Provider, m.ReferralId, m.VacancyId, 5000m);
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, m.Officer.LocalAuthorityId);
        using var officer = await app.SignInAsync(m.Officer);

        var referral = await officer.OpenAsync($"/referrals/{m.ReferralId}");
        Assert.Contains("Not eligible because: Cannot meet: emotional and behavioural", referral.Text);
        Assert.Contains("Ask the provider to update its vacancy", referral.Text);
        Assert.Contains("Ask a manager to approve as an exception", referral.Text);
        Assert.DoesNotContain("Meets every need asked for", referral.Text);

        var asked = await officer.PostFormAndOpenAsync($"/referrals/{m.ReferralId}", new() { ["offerId"] = offerId.ToString() },
            action: $"/referrals/{m.ReferralId}?handler=AskProvider");
        Assert.Contains("The provider has been asked to update its vacancy", asked.Text);
        var contact = await DbAsync(db => db.Providers.Where(p => p.Id == m.Provider.Id).Select(p => p.ContactEmail).SingleAsync());
        var email = Assert.Single(await DbAsync(db => db.OutboxEmails
            .Where(e => e.To == contact && e.Subject == "A placing officer asks you to update your vacancy").Select(e => e.Body).ToListAsync()));
        Assert.Contains("Cannot meet: emotional and behavioural", email);
        Assert.Contains($"/provider/vacancies/{m.VacancyId}/edit", email);
        Assert.DoesNotContain("Amelia", email);

        // Through the API an exception needs the officer's reason: without one it is refused, and nothing is held.
        using (var api = await app.Data.ClientForAsync(m.Officer))
        {
            var refused = await api.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }
        var check = await officer.OpenAsync($"/referrals/{m.ReferralId}/offers/{offerId}/accept");
        Assert.Contains("approve it only as an exception", check.Text);
        Assert.Contains("£260,000", check.Text);
        Assert.Contains("Amelia Hartley-Testcase", check.Text);
        var blank = await officer.PostFormAsync($"/referrals/{m.ReferralId}/offers/{offerId}/accept", new() { ["Input.Reason"] = " " });
        Assert.Equal(["Input_Reason"], PageDocument.Parse(await blank.Content.ReadAsStringAsync()).ErrorFields());
        Assert.Empty(await DbAsync(db => db.Approvals.Where(a => a.OfferId == offerId).ToListAsync()));

        const string Why = "The home's therapist starts next week and her social worker has met the team";
        var sent = await officer.PostFormAndOpenAsync($"/referrals/{m.ReferralId}/offers/{offerId}/accept", new() { ["Input.Reason"] = Why });
        Assert.Contains("Sent to a placement manager for approval", sent.Text);
        Assert.Contains("Waiting for a placement manager's decision", sent.Text);
        var approvalId = await DbAsync(db => db.Approvals.Where(a => a.OfferId == offerId).Select(a => a.Id).SingleAsync());

        using var managerSession = await app.SignInAsync(manager);
        var approval = await managerSession.OpenAsync($"/approvals/{approvalId}");
        Assert.Contains(Why, approval.Text);
        Assert.Contains("Why the officer asks for an exception", approval.Text);
        Assert.Contains("An exception: Cannot meet: emotional and behavioural", approval.Text);
        Assert.Contains("14-year-old girl", approval.Text);
        Assert.Contains("Must have: emotional and behavioural", approval.Text);
        Assert.Contains("£260,000", approval.Text);
        Assert.Contains("There are no other offers", approval.Text);
        var decided = await managerSession.PostFormAndOpenAsync($"/approvals/{approvalId}",
            new() { ["Input.Decision"] = "Approve", ["Input.Reason"] = "Agreed: therapy confirmed in writing" });
        Assert.Contains("Approved: the placement has been made", decided.Text);

        var told = Assert.Single(await DbAsync(db => db.OutboxEmails.Where(e => e.To == m.Officer.Email && e.Reference == $"approval-decided:{approvalId}")
            .Select(e => e.Subject + " " + e.Body).ToListAsync()));
        Assert.Contains("has been approved", told);
        Assert.Contains("Agreed: therapy confirmed in writing", told);
        var placed = await officer.OpenAsync($"/referrals/{m.ReferralId}");
        Assert.Contains("A placement manager approved it: Agreed: therapy confirmed in writing", placed.Text);
        Assert.DoesNotContain("Not eligible", placed.Text);
        var placementId = await DbAsync(db => db.Placements.Where(p => p.OfferId == offerId).Select(p => p.Id).SingleAsync());
        Assert.Contains($"/placements/{placementId}", placed.Links().Select(l => l.Href));
        Assert.Contains($"/placements/{placementId}/agreement", placed.Links().Select(l => l.Href));
        Assert.Contains($"/placements/{placementId}", (await managerSession.OpenAsync($"/approvals/{approvalId}")).Links().Select(l => l.Href));
    }

    [Fact]
    public async Task AnotherCouncil_GetsNotFound_ForTheApprovalAndTheAcceptCheck()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 5000m, OfstedGrade.Inadequate);
        var referralId = await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        var offerId = await app.OfferAsync(provider, referralId, vacancyId, 5000m);
        using (var api = await app.Data.ClientForAsync(officer))
        {
            (await api.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot", reason = "Near her school" })).EnsureSuccessStatusCode();
        }
        var approvalId = await DbAsync(db => db.Approvals.Where(a => a.OfferId == offerId).Select(a => a.Id).SingleAsync());
        Assert.Equal("Near her school", await DbAsync(db => db.Approvals.Where(a => a.Id == approvalId).Select(a => a.RequestReason).SingleAsync()));
        var elsewhere = await app.Data.CreateLocalAuthorityAsync();
        var otherManager = await app.Data.CreateUserAsync(Role.PlacementManager, elsewhere.Id);
        var otherOfficer = await app.Data.CreateUserAsync(Role.PlacingOfficer, elsewhere.Id);

        using (var session = await app.SignInAsync(otherManager))
        {
            await session.GetPageAsync($"/approvals/{approvalId}", HttpStatusCode.NotFound);
            var post = await session.PostRawAsync($"/approvals/{approvalId}", new() { ["Input.Decision"] = "Approve", ["Input.Reason"] = "Mine now" });
            Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        }
        using (var session = await app.SignInAsync(otherOfficer))
        {
            await session.GetPageAsync($"/referrals/{referralId}/offers/{offerId}/accept", HttpStatusCode.NotFound);
        }
        Assert.Equal(ApprovalStatus.Pending, await DbAsync(db => db.Approvals.Where(a => a.Id == approvalId).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Provider_NeverSeesTheChildsIdentity_OnTheOfferPages_BeforeAcceptance()
    {
        var m = await MisfitAsync();
        var offerId = await app.OfferAsync(m.Provider, m.ReferralId, m.VacancyId, 5000m);
        using var session = await app.SignInAsync(m.Provider.User);

        foreach (var path in new[]
        {
            $"/provider/referrals/{m.ReferralId}", $"/provider/referrals/{m.ReferralId}/offer", $"/provider/referrals/{m.ReferralId}/offers/{offerId}/withdraw",
        })
        {
            var html = Regex.Replace(await session.GetPageAsync(path), "<input[^>]*type=\"hidden\"[^>]*>", "");
            foreach (var secret in new[] { "Amelia", "Hartley-Testcase", m.Reference, "17 May 2012", "2012-05-17", "LS6 3QN", "Headingley" })
            {
                Assert.False(html.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{path} shows {secret}");
            }
        }
        // Another provider cannot open the check for this offer.
        var other = await app.Data.CreateProviderAsync();
        using var otherSession = await app.SignInAsync(other.User);
        await otherSession.GetPageAsync($"/provider/referrals/{m.ReferralId}/offers/{offerId}/withdraw", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AcceptedOffer_ReadsAsAccepted_AndAPlacementStartingLaterSaysStartsOn()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 5000m);
        var referralId = await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        var offerId = await app.OfferAsync(provider, referralId, vacancyId, 5000m);
        using var session = await app.SignInAsync(officer);

        var check = await session.OpenAsync($"/referrals/{referralId}/offers/{offerId}/accept");
        Assert.Contains("£5,000", check.Text);
        Assert.Contains("£260,000", check.Text);
        Assert.Contains("Amelia Hartley-Testcase", check.Text);
        Assert.Contains(provider.Name, check.Text);
        var placement = await session.PostFormAndOpenAsync($"/referrals/{referralId}/offers/{offerId}/accept", new());

        Assert.Contains("Start Starts on 30 November 2026", placement.Text);
        Assert.Contains("Status Starts on 30 November 2026", placement.Text);
        Assert.DoesNotContain("Status Active", placement.Text);
        var referral = await session.OpenAsync($"/referrals/{referralId}");
        Assert.DoesNotContain("Not eligible", referral.Text);
        Assert.DoesNotContain("0 places", referral.Text);
        Assert.DoesNotContain("Placed on", referral.Text);
        Assert.Contains("A placement has been made: the child starts on 30 November 2026", referral.Text);
        var offer = Assert.Single(await app.UseAsync<OfferService, List<OfferView>>(async s => (await s.RankedOffersAsync(TestData.ActorFor(officer), referralId))!));
        Assert.Equal(OfferStatus.Accepted, offer.Status);
        Assert.True(offer.Eligible);
        // The check cannot be used twice: the offer is accepted, so it leads back to the referral.
        Assert.Equal($"/referrals/{referralId}", (await session.GetAsync($"/referrals/{referralId}/offers/{offerId}/accept")).RedirectTarget());
    }
}
