using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// The bed count under concurrency, time and the rules (spec 5.2, 5.4, 5.5): a setting never holds more children than
/// Ofsted registered it for, a planned end keeps the place taken, approvals re-check at the decision, holds are narrow,
/// every state change is conditional, one live offer per vacancy and referral.
/// </summary>
public abstract class BedCountTests(PlacementBrokerApp app)
{
    private sealed record Market(TestDps Dps, TestDps OtherDps, TestProvider Provider, Guid SettingId);

    /// <summary>A children's home registered for <paramref name="registered"/> children, its provider admitted to two lots of two DPSs.</summary>
    private async Task<Market> HomeInTwoLotsAsync(int registered, OfstedGrade grade = OfstedGrade.Good)
    {
        var dps = await app.Data.CreateDpsAsync();
        var other = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        await app.Data.ApplyAsync(provider, other);
        var setting = await app.Data.CreateSettingAsync(provider, places: registered, grade: grade);
        return new Market(dps, other, provider, setting);
    }

    /// <summary>A vacancy written straight to the database, as data published before today's rules or after Ofsted cut the registration would be.</summary>
    private async Task<Guid> LegacyVacancyAsync(Market market, Guid lotId, int places = 1, DateOnly? availableFrom = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var vacancy = new Vacancy
        {
            SettingId = market.SettingId, ProviderId = market.Provider.Id, LotId = lotId, Places = places, AgeMin = 10, AgeMax = 17,
            Genders = [Gender.Female, Gender.Male], NeedsMet = [Need.EmotionalBehavioural, Need.Autism], WeeklyPrice = 5400m,
            AvailableFrom = availableFrom ?? new DateOnly(2026, 11, 23), Status = VacancyStatus.Open,
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime, UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.Vacancies.Add(vacancy);
        await db.SaveChangesAsync();
        return vacancy.Id;
    }

    private static Dictionary<string, object?> VacancyBody(Market market, Guid lotId, int places, string availableFrom = "2026-11-23") => new()
    {
        ["settingId"] = market.SettingId, ["lotId"] = lotId, ["places"] = places, ["ageMin"] = 10, ["ageMax"] = 17,
        ["genders"] = new[] { "Female", "Male" }, ["needsMet"] = new[] { "EmotionalBehavioural" }, ["weeklyPrice"] = 5400m,
        ["availableFrom"] = availableFrom,
    };

    /// <summary>A referral from an officer of the DPS's lead authority and the provider's offer of the vacancy.</summary>
    private async Task<(HttpClient Officer, TestUser OfficerUser, string ReferralId, string OfferId)> OfferAsync(
        TestDps dps, TestProvider provider, Guid vacancyId, string? startDate = null, decimal price = 5000m)
    {
        var officer = await app.Data.OfficerForAsync(dps);
        var client = await app.Data.ClientForAsync(officer);
        var body = app.Data.ReferralBody(dps.LotId);
        if (startDate is not null)
        {
            body["startDate"] = startDate;
        }
        var referralId = (await (await client.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers",
                new { vacancyId, weeklyPrice = price, startDate = startDate ?? "2026-11-30" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        return (client, officer, referralId, offerId);
    }

    private async Task<T> InDbAsync<T>(Func<PlacementBrokerDbContext, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }

    private Task<int> ActivePlacementsAsync(Guid settingId) =>
        InDbAsync(db => db.Placements.CountAsync(p => p.SettingId == settingId && p.Status == PlacementStatus.Active));

    // 1. A setting never holds more children than Ofsted registered it for.

    [Fact]
    public async Task RegisteredPlaces_PublishingMoreOpenPlacesThanRegisteredAcrossLots_Is422()
    {
        var market = await HomeInTwoLotsAsync(registered: 2);
        using var provider = await app.Data.ClientForAsync(market.Provider.User);

        await (await provider.PostAsJsonAsync("/api/vacancies", VacancyBody(market, market.Dps.LotId, 2))).ReadJsonAsync(HttpStatusCode.Created);
        var refused = await (await provider.PostAsJsonAsync("/api/vacancies", VacancyBody(market, market.OtherDps.LotId, 2)))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("registered by Ofsted for 2 children", refused.GetProperty("detail").GetString());
        Assert.Equal(1, await InDbAsync(db => db.Vacancies.CountAsync(v => v.SettingId == market.SettingId)));
    }

    [Fact]
    public async Task RegisteredPlaces_TwoLotsCannotTakeMoreChildrenThanRegistered()
    {
        // A home registered for 2 with 2 places showing in each of two lots (published before the rule): at most 2 children.
        var market = await HomeInTwoLotsAsync(registered: 2);
        var first = await LegacyVacancyAsync(market, market.Dps.LotId, places: 2);
        var second = await LegacyVacancyAsync(market, market.OtherDps.LotId, places: 2);
        var offers = new[]
        {
            await OfferAsync(market.Dps, market.Provider, first), await OfferAsync(market.Dps, market.Provider, first),
            await OfferAsync(market.OtherDps, market.Provider, second), await OfferAsync(market.OtherDps, market.Provider, second),
        };

        var answers = await Task.WhenAll(offers.Select(o => o.Officer.PostAsJsonAsync($"/api/offers/{o.OfferId}/accept", new { kind = "Spot" })));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(2, await ActivePlacementsAsync(market.SettingId));
    }

    [Fact]
    public async Task RegisteredPlaces_RacingForTheLastBedFromTwoLots_OneChildIsPlaced()
    {
        var market = await HomeInTwoLotsAsync(registered: 1);
        var first = await LegacyVacancyAsync(market, market.Dps.LotId);
        var second = await LegacyVacancyAsync(market, market.OtherDps.LotId);
        var a = await OfferAsync(market.Dps, market.Provider, first);
        var b = await OfferAsync(market.OtherDps, market.Provider, second);

        var answers = await Task.WhenAll(
            a.Officer.PostAsJsonAsync($"/api/offers/{a.OfferId}/accept", new { kind = "Spot" }),
            b.Officer.PostAsJsonAsync($"/api/offers/{b.OfferId}/accept", new { kind = "Spot" }));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await ActivePlacementsAsync(market.SettingId));
        var refusal = await answers.Single(r => r.StatusCode == HttpStatusCode.Conflict).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("registered", refusal.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RegisteredPlaces_AHoldCountsAgainstTheRegistration()
    {
        // An RI home registered for 1: a place held for a manager's decision in one lot cannot be sold in the other.
        var market = await HomeInTwoLotsAsync(registered: 1, grade: OfstedGrade.RequiresImprovement);
        var first = await LegacyVacancyAsync(market, market.Dps.LotId);
        var second = await LegacyVacancyAsync(market, market.OtherDps.LotId);
        var a = await OfferAsync(market.Dps, market.Provider, first);
        var b = await OfferAsync(market.OtherDps, market.Provider, second);

        await (await a.Officer.PostAsJsonAsync($"/api/offers/{a.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted);
        var refused = await (await b.Officer.PostAsJsonAsync($"/api/offers/{b.OfferId}/accept", new { kind = "Spot" })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("taken or held", refused.GetProperty("detail").GetString());
        Assert.Equal(0, await InDbAsync(db => db.Vacancies.Where(v => v.Id == second).Select(v => v.PlacesHeld).SingleAsync()));
    }

    // 2. Ending a placement in the future keeps the place occupied until then.

    [Fact]
    public async Task PlannedEnd_KeepsThePlaceTakenUntilTheDay_AndTheSweepFreesItThen()
    {
        var market = await HomeInTwoLotsAsync(registered: 1);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId);
        var a = await OfferAsync(market.Dps, market.Provider, vacancy, startDate: "2026-11-23");
        var placementId = (await (await a.Officer.PostAsJsonAsync($"/api/offers/{a.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("placementId").GetString()!;
        var end = UkToday().AddDays(3);

        var planned = await (await a.Officer.PostAsJsonAsync($"/api/placements/{placementId}/end", new { endDate = end, reason = "PlannedMove" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Active", planned.GetProperty("status").GetString());
        Assert.Equal(end.ToString("yyyy-MM-dd"), planned.GetProperty("endDate").GetString());
        using var provider = await app.Data.ClientForAsync(market.Provider.User);
        var held = await (await provider.GetAsync($"/api/vacancies/{vacancy}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Filled", held.GetProperty("status").GetString());
        // The bed cannot be published again before the child leaves...
        await (await provider.PostAsJsonAsync("/api/vacancies", VacancyBody(market, market.Dps.LotId, 1))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        // ...only from the day she does.
        await (await provider.PostAsJsonAsync("/api/vacancies", VacancyBody(market, market.Dps.LotId, 1, end.ToString("yyyy-MM-dd")))).ReadJsonAsync(HttpStatusCode.Created);

        var early = await RunSweepAsync();
        Assert.Equal("Active", (await (await a.Officer.GetAsync($"/api/placements/{placementId}")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        app.Clock.Advance(TimeSpan.FromDays(3));
        var onTheDay = await RunSweepAsync();
        await RunSweepAsync();

        Assert.Equal(0, early.EndsCompleted);
        Assert.True(onTheDay.EndsCompleted >= 1);
        using var officer = await app.Data.ClientForAsync(a.OfficerUser);
        Assert.Equal("Ended", (await (await officer.GetAsync($"/api/placements/{placementId}")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        // The new vacancy already offers the bed from today: the old one is not given it a second time.
        Assert.Equal(1, await InDbAsync(db => db.Vacancies.Where(v => v.SettingId == market.SettingId && v.Status == VacancyStatus.Open).SumAsync(v => v.Places)));
    }

    [Fact]
    public async Task PlannedEnd_TwoPlacementsNeverOverlapOnOnePlace()
    {
        var market = await HomeInTwoLotsAsync(registered: 1);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId);
        var a = await OfferAsync(market.Dps, market.Provider, vacancy, startDate: "2026-11-23");
        var placementId = (await (await a.Officer.PostAsJsonAsync($"/api/offers/{a.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("placementId").GetString()!;
        var end = UkToday().AddDays(10);
        await (await a.Officer.PostAsJsonAsync($"/api/placements/{placementId}/end", new { endDate = end, reason = "PlannedMove" })).ReadJsonAsync(HttpStatusCode.OK);
        // A vacancy from before the rule offers the same bed now.
        var sameBed = await LegacyVacancyAsync(market, market.OtherDps.LotId, availableFrom: new DateOnly(2026, 11, 23));
        var before = await OfferAsync(market.OtherDps, market.Provider, sameBed, startDate: end.AddDays(-1).ToString("yyyy-MM-dd"));

        var overlapping = await (await before.Officer.PostAsJsonAsync($"/api/offers/{before.OfferId}/accept", new { kind = "Spot" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("registered", overlapping.GetProperty("detail").GetString());

        var after = await OfferAsync(market.OtherDps, market.Provider, sameBed, startDate: end.ToString("yyyy-MM-dd"));
        await (await after.Officer.PostAsJsonAsync($"/api/offers/{after.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created);
        // With the next child booked from the planned end, the first cannot stay on into her time.
        var later = await (await a.Officer.PostAsJsonAsync($"/api/placements/{placementId}/end", new { endDate = end.AddDays(5), reason = "PlannedMove" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("booked", later.GetProperty("detail").GetString());
        // Bringing it forward is fine.
        await (await a.Officer.PostAsJsonAsync($"/api/placements/{placementId}/end", new { endDate = end.AddDays(-2), reason = "PlannedMove" })).ReadJsonAsync(HttpStatusCode.OK);
    }

    // 3. Approvals re-check everything at decision time.

    [Fact]
    public async Task Approval_ProviderTurnedRedMeanwhile_Is409TheHoldIsReleasedAndTheOfficerTold()
    {
        var market = await HomeInTwoLotsAsync(registered: 3, grade: OfstedGrade.Inadequate);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId);
        var a = await OfferAsync(market.Dps, market.Provider, vacancy);
        var approvalId = (await (await a.Officer.PostAsJsonAsync($"/api/offers/{a.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted))
            .GetProperty("approvalId").GetString()!;
        var qa = await app.Data.CreateUserAsync(Role.QaOfficer, a.OfficerUser.LocalAuthorityId);
        using (var scope = app.Services.CreateScope())
        {
            var raised = await scope.ServiceProvider.GetRequiredService<QualityService>().RaiseFlagAsync(TestData.ActorFor(qa),
                new RaiseFlagRequest(market.Provider.Id, null, FlagCategory.Safeguarding, FlagSeverity.Critical, "Allegation under investigation"));
            Assert.True(raised.Succeeded, raised.Message);
        }
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, a.OfficerUser.LocalAuthorityId);
        using var managerClient = await app.Data.ClientForAsync(manager);

        var refused = await (await managerClient.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Approve", reason = "Visited" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("suspended by quality assurance", refused.GetProperty("detail").GetString());
        var approvals = await (await managerClient.GetAsync("/api/approvals?status=Rejected")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(approvals.EnumerateArray(), x => x.GetProperty("id").GetString() == approvalId);
        var place = await InDbAsync(db => db.Vacancies.Where(v => v.Id == vacancy).Select(v => new { v.PlacesHeld, v.Status }).SingleAsync());
        Assert.Equal(0, place.PlacesHeld);
        Assert.Equal(0, await ActivePlacementsAsync(market.SettingId));
        Assert.True(await InDbAsync(db => db.OutboxEmails.AnyAsync(e => e.To == a.OfficerUser.Email && e.Subject.Contains("could not be approved"))));
    }

    [Fact]
    public async Task Approval_RegisteredPlacesGoneMeanwhile_Is409AndReleasesTheHold()
    {
        var market = await HomeInTwoLotsAsync(registered: 1, grade: OfstedGrade.RequiresImprovement);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId);
        var a = await OfferAsync(market.Dps, market.Provider, vacancy);
        var approvalId = (await (await a.Officer.PostAsJsonAsync($"/api/offers/{a.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted))
            .GetProperty("approvalId").GetString()!;
        // Another child now lives there: a placement recorded for this home's only bed (as one made before the rule would be).
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == Guid.Parse(a.OfferId));
            var officer = await app.Data.OfficerForAsync(market.OtherDps);
            var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == offer.ReferralId);
            var earlier = new Referral
            {
                LocalAuthorityId = officer.LocalAuthorityId!.Value, CreatedByUserId = officer.Id, LotId = market.OtherDps.LotId, Status = ReferralStatus.Placed,
                ChildReference = "EARLIER-1", ChildFirstName = "Earlier", ChildLastName = "Child", ChildDateOfBirth = referral.ChildDateOfBirth,
                StartDate = new DateOnly(2026, 11, 1), CreatedAt = app.Clock.GetUtcNow().UtcDateTime, UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
                OfferDeadline = app.Clock.GetUtcNow().UtcDateTime, HomePostcode = "LS6 3QN",
            };
            var earlierOffer = new Offer
            {
                ReferralId = earlier.Id, ProviderId = market.Provider.Id, VacancyId = vacancy, SettingId = market.SettingId, WeeklyPrice = 5000m,
                StartDate = earlier.StartDate, Status = OfferStatus.Accepted, CreatedByUserId = market.Provider.User.Id,
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime, UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.Referrals.Add(earlier);
            db.Offers.Add(earlierOffer);
            db.Placements.Add(new Placement
            {
                ReferralId = earlier.Id, Reference = TestData.Unique("PB-X"), OfferId = earlierOffer.Id, LocalAuthorityId = earlier.LocalAuthorityId, ProviderId = market.Provider.Id,
                SettingId = market.SettingId, VacancyId = vacancy, Kind = PlacementKind.Spot, Status = PlacementStatus.Active, Places = 1,
                WeeklyPrice = 5000m, StartDate = earlier.StartDate, CreatedByUserId = officer.Id, CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, a.OfficerUser.LocalAuthorityId);
        using var managerClient = await app.Data.ClientForAsync(manager);

        var refused = await (await managerClient.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Approve", reason = "Visited" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("registered by Ofsted for 1 child", refused.GetProperty("detail").GetString());
        Assert.Equal(0, await InDbAsync(db => db.Vacancies.Where(v => v.Id == vacancy).Select(v => v.PlacesHeld).SingleAsync()));
        Assert.Equal(1, await ActivePlacementsAsync(market.SettingId));
        Assert.Equal(ApprovalStatus.Rejected, await InDbAsync(db => db.Approvals.Where(x => x.Id == Guid.Parse(approvalId)).Select(x => x.Status).SingleAsync()));
    }

    // 4. Holds are atomic and narrow.

    [Fact]
    public async Task Hold_TakesOnlyThePlacesTheReferralNeeds()
    {
        var market = await HomeInTwoLotsAsync(registered: 3, grade: OfstedGrade.RequiresImprovement);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId, places: 3);
        var a = await OfferAsync(market.Dps, market.Provider, vacancy);
        var b = await OfferAsync(market.Dps, market.Provider, vacancy);
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, b.OfficerUser.LocalAuthorityId);

        await (await a.Officer.PostAsJsonAsync($"/api/offers/{a.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted);

        using var provider = await app.Data.ClientForAsync(market.Provider.User);
        var shown = await (await provider.GetAsync($"/api/vacancies/{vacancy}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Open", shown.GetProperty("status").GetString());
        Assert.Equal((3, 1), (shown.GetProperty("places").GetInt32(), shown.GetProperty("placesHeld").GetInt32()));
        // Another child can still be offered and held on the two free places.
        var second = await (await b.Officer.PostAsJsonAsync($"/api/offers/{b.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted);
        using var managerClient = await app.Data.ClientForAsync(manager);
        await (await managerClient.PostAsJsonAsync($"/api/approvals/{second.GetProperty("approvalId").GetString()}/decision", new { decision = "Approve", reason = "Visited" }))
            .ReadJsonAsync(HttpStatusCode.OK);
        var after = await InDbAsync(db => db.Vacancies.Where(v => v.Id == vacancy).Select(v => new { v.Places, v.PlacesHeld, v.Status }).SingleAsync());
        Assert.Equal((2, 1, VacancyStatus.Open), (after.Places, after.PlacesHeld, after.Status));
    }

    [Fact]
    public async Task Hold_WithoutAPendingApproval_IsReleasedByTheSweepAndReported()
    {
        var market = await HomeInTwoLotsAsync(registered: 2);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId, places: 2);
        using (var scope = app.Services.CreateScope())
        {
            // A hold left behind by something outside the product (a manual fix, a restore): no approval accounts for it.
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            await db.Vacancies.Where(v => v.Id == vacancy).ExecuteUpdateAsync(s => s.SetProperty(v => v.PlacesHeld, 2).SetProperty(v => v.Status, VacancyStatus.Held));
        }

        var swept = await RunSweepAsync();

        Assert.True(swept.HoldsReleased >= 2);
        var after = await InDbAsync(db => db.Vacancies.Where(v => v.Id == vacancy).Select(v => new { v.PlacesHeld, v.Status }).SingleAsync());
        Assert.Equal((0, VacancyStatus.Open), (after.PlacesHeld, after.Status));
        Assert.True(await InDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "HeldPlacesReleased" && e.EntityId == vacancy.ToString())));
    }

    // 5. Every state change is conditional: exactly one of two racing changes wins.

    [Fact]
    public async Task Race_WithdrawReferralAgainstAccept_ExactlyOneWins()
    {
        var market = await HomeInTwoLotsAsync(registered: 2);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId);
        var a = await OfferAsync(market.Dps, market.Provider, vacancy);
        using var second = await app.Data.ClientForAsync(a.OfficerUser);

        var answers = await Task.WhenAll(
            a.Officer.PostAsJsonAsync($"/api/offers/{a.OfferId}/accept", new { kind = "Spot" }),
            second.PostAsJsonAsync($"/api/referrals/{a.ReferralId}/withdraw", new { reason = "Family found a relative" }));

        Assert.Single(answers, r => r.IsSuccessStatusCode);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Conflict);
        var status = (await (await a.Officer.GetAsync($"/api/referrals/{a.ReferralId}")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString();
        Assert.Equal(answers[0].IsSuccessStatusCode ? "Placed" : "Withdrawn", status);
        Assert.Equal(answers[0].IsSuccessStatusCode ? 1 : 0, await ActivePlacementsAsync(market.SettingId));
    }

    [Fact]
    public async Task Race_WithdrawOfferAgainstAccept_ExactlyOneWins()
    {
        var market = await HomeInTwoLotsAsync(registered: 2);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId);
        var a = await OfferAsync(market.Dps, market.Provider, vacancy);
        using var provider = await app.Data.ClientForAsync(market.Provider.User);

        var answers = await Task.WhenAll(
            a.Officer.PostAsJsonAsync($"/api/offers/{a.OfferId}/accept", new { kind = "Spot" }),
            provider.PostAsync($"/api/offers/{a.OfferId}/withdraw", null));

        var said = string.Join(", ", await Task.WhenAll(answers.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
        Assert.True(answers.Count(r => r.IsSuccessStatusCode) == 1, said);
        Assert.True(answers.Count(r => r.StatusCode == HttpStatusCode.Conflict) == 1, said);
        var offer = await InDbAsync(db => db.Offers.SingleAsync(o => o.Id == Guid.Parse(a.OfferId)));
        Assert.Equal(answers[0].IsSuccessStatusCode ? OfferStatus.Accepted : OfferStatus.Withdrawn, offer.Status);
    }

    [Fact]
    public async Task Race_TwoManagersDecidingOneApproval_ExactlyOneWins()
    {
        var market = await HomeInTwoLotsAsync(registered: 2, grade: OfstedGrade.Inadequate);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId);
        var a = await OfferAsync(market.Dps, market.Provider, vacancy);
        var approvalId = (await (await a.Officer.PostAsJsonAsync($"/api/offers/{a.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted))
            .GetProperty("approvalId").GetString()!;
        using var approver = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, a.OfficerUser.LocalAuthorityId));
        using var rejecter = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, a.OfficerUser.LocalAuthorityId));

        var answers = await Task.WhenAll(
            approver.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Approve", reason = "Visited last week" }),
            rejecter.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Reject", reason = "Too far from school" }));

        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Conflict);
        var approved = answers[0].StatusCode == HttpStatusCode.OK;
        Assert.Equal(approved ? 1 : 0, await ActivePlacementsAsync(market.SettingId));
        var place = await InDbAsync(db => db.Vacancies.Where(v => v.Id == vacancy).Select(v => new { v.Places, v.PlacesHeld }).SingleAsync());
        Assert.Equal((approved ? 0 : 1, 0), (place.Places, place.PlacesHeld));
    }

    [Fact]
    public async Task Race_DeadlineSweepAgainstAccept_LeavesTheReferralPlaced()
    {
        var market = await HomeInTwoLotsAsync(registered: 2);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId);
        var a = await OfferAsync(market.Dps, market.Provider, vacancy);
        using (var scope = app.Services.CreateScope())
        {
            // The deadline has passed for this referral only.
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            await db.Referrals.Where(r => r.Id == Guid.Parse(a.ReferralId))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.OfferDeadline, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)));
        }
        using var sweepScope = app.Services.CreateScope();

        var accept = a.Officer.PostAsJsonAsync($"/api/offers/{a.OfferId}/accept", new { kind = "Spot" });
        var sweep = sweepScope.ServiceProvider.GetRequiredService<ReferralDeadlineJob>().RunAsync();
        await Task.WhenAll(accept, sweep);

        Assert.Equal(HttpStatusCode.Created, (await accept).StatusCode);
        Assert.Equal("Placed", (await (await a.Officer.GetAsync($"/api/referrals/{a.ReferralId}")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(1, await ActivePlacementsAsync(market.SettingId));
    }

    // 6. One offer per provider, vacancy and referral.

    [Fact]
    public async Task OneOffer_ConcurrentIdenticalSubmitsWithoutAKey_MakeOneOffer()
    {
        var market = await HomeInTwoLotsAsync(registered: 2);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId);
        var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(market.Dps));
        var referralId = (await (await officer.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(market.Dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.Data.ClientForAsync(market.Provider.User)));

        var answers = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId = vacancy, weeklyPrice = 5000m })));

        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await InDbAsync(db => db.Offers.CountAsync(o => o.ReferralId == Guid.Parse(referralId!))));
    }

    [Fact]
    public async Task OneOffer_AfterWithdrawingTheProviderMayOfferAgain()
    {
        var market = await HomeInTwoLotsAsync(registered: 2);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId);
        var a = await OfferAsync(market.Dps, market.Provider, vacancy);
        using var provider = await app.Data.ClientForAsync(market.Provider.User);
        await (await provider.PostAsync($"/api/offers/{a.OfferId}/withdraw", null)).ReadJsonAsync(HttpStatusCode.OK);

        var again = await (await provider.PostAsJsonAsync($"/api/referrals/{a.ReferralId}/offers", new { vacancyId = vacancy, weeklyPrice = 4800m })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.NotEqual(a.OfferId, again.GetProperty("id").GetString());
        await (await provider.PostAsJsonAsync($"/api/referrals/{a.ReferralId}/offers", new { vacancyId = vacancy, weeklyPrice = 4700m })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task DeadlineSweep_ARejectedOfferDoesNotCountAsNeedingApproval()
    {
        var market = await HomeInTwoLotsAsync(registered: 2, grade: OfstedGrade.Inadequate);
        var vacancy = await app.Data.CreateVacancyAsync(market.Provider, market.SettingId, market.Dps.LotId);
        var a = await OfferAsync(market.Dps, market.Provider, vacancy);
        var approvalId = (await (await a.Officer.PostAsJsonAsync($"/api/offers/{a.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted))
            .GetProperty("approvalId").GetString()!;
        using var manager = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, a.OfficerUser.LocalAuthorityId));
        await (await manager.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Reject", reason = "Not safe" })).ReadJsonAsync(HttpStatusCode.OK);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            await db.Referrals.Where(r => r.Id == Guid.Parse(a.ReferralId))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.OfferDeadline, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)));
        }

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferralDeadlineJob>().RunAsync();
        }

        Assert.Equal("Unfilled", (await (await a.Officer.GetAsync($"/api/referrals/{a.ReferralId}")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    private async Task<PlacementSweepResult> RunSweepAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementSweepJob>().SweepAsync();
    }

    private DateOnly UkToday() => UkTime.Today(app.Clock);
}

public class BedCountSqliteTests(SqliteApp app) : BedCountTests(app), IClassFixture<SqliteApp>;

public class BedCountServerTests(ServerApp app) : BedCountTests(app), IClassFixture<ServerApp>;
