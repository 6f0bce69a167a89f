using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Seeding;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Data;

/// <summary>The demo data set loads into an empty database and makes a living marketplace.</summary>
public class DemoDataTests(DemoPostgresApp app) : IClassFixture<DemoPostgresApp>
{
    private PlacementBrokerDbContext Db(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();

    [Fact]
    public async Task Demo_NoSettingOffersOrHoldsMoreThanOfstedRegistered()
    {
        using var scope = app.Services.CreateScope();
        var db = Db(scope);
        var settings = await db.Settings.AsNoTracking()
            .Select(s => new
            {
                s.Name,
                s.RegisteredPlaces,
                OnOffer = db.Vacancies.Where(v => v.SettingId == s.Id && (v.Status == Core.Providers.VacancyStatus.Open || v.Status == Core.Providers.VacancyStatus.Held))
                    .Sum(v => (int?)v.Places) ?? 0,
                Living = db.Placements.Where(p => p.SettingId == s.Id && p.Status == Core.Placements.PlacementStatus.Active).Sum(p => (int?)p.Places) ?? 0,
            })
            .ToListAsync();

        Assert.NotEmpty(settings);
        Assert.All(settings, s => Assert.True(s.OnOffer + s.Living <= s.RegisteredPlaces,
            $"{s.Name}: {s.OnOffer} on offer and {s.Living} placed, registered for {s.RegisteredPlaces}"));
    }

    [Fact]
    public async Task Demo_RegionalDps_HasALeadTwoParticipantsAndLotsOfEveryType()
    {
        using var scope = app.Services.CreateScope();
        var dps = await Db(scope).DynamicPurchasingSystems.Include(d => d.Participants).Include(d => d.Lots).SingleAsync();

        Assert.Equal(2, dps.Participants.Count);
        Assert.DoesNotContain(dps.Participants, p => p.LocalAuthorityId == dps.LeadLocalAuthorityId);
        Assert.Equal(Enum.GetValues<PlacementType>().Order(), dps.Lots.Select(l => l.PlacementType).Order());
        Assert.Equal(DpsStatus.Open, dps.Status);
    }

    [Fact]
    public async Task Demo_AboutThirtyProvidersOfEachType_WithSettingsAndVacancies()
    {
        using var scope = app.Services.CreateScope();
        var db = Db(scope);
        var byType = await db.Providers.GroupBy(p => p.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();

        Assert.Equal(4, byType.Count);
        Assert.All(byType, t => Assert.InRange(t.Count, 25, 35));
        Assert.True(await db.Settings.CountAsync(s => s.Latitude != null) > 150);
        Assert.True(await db.Vacancies.CountAsync(v => v.Status == Core.Providers.VacancyStatus.Open) > 100);
    }

    [Fact]
    public async Task Demo_CommissionersQueue_HasDueAndOverdueApplications()
    {
        using var scope = app.Services.CreateScope();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var submitted = await Db(scope).LotApplications.Where(a => a.Status == ApplicationStatus.Submitted).ToListAsync();

        Assert.Contains(submitted, a => a.DecisionDueBy < today);
        Assert.Contains(submitted, a => a.DecisionDueBy >= today);
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
        Assert.All(submitted, a => Assert.Equal(
            calendar.AddWorkingDays(DateOnly.FromDateTime(a.SubmittedAt!.Value), 10), a.DecisionDueBy));
    }

    [Fact]
    public async Task Demo_Admissions_RecordWhoDecided()
    {
        using var scope = app.Services.CreateScope();
        var db = Db(scope);

        var undecided = await db.LotApplications.CountAsync(a => a.Status == ApplicationStatus.Admitted && a.DecidedByUserId == null);
        var history = await db.MembershipEvents.CountAsync(e => e.ByUserId != null);

        Assert.Equal(0, undecided);
        Assert.True(history > 100);
    }

    [Fact]
    public async Task Demo_AYearOfHistory_FromEveryAuthorityToEveryLot_ThatHangsTogether()
    {
        using var scope = app.Services.CreateScope();
        var db = Db(scope);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var dps = await db.DynamicPurchasingSystems.Include(d => d.Participants).Include(d => d.Lots).SingleAsync();
        // The history: everything but today's referrals (DemoMarketTests), made after the data was loaded.
        var loadedAt = await db.AuditEvents.Where(e => e.Action == Core.Auditing.AuditActions.DemoDataLoaded).Select(e => e.OccurredAt).SingleAsync();
        var referrals = await db.Referrals.Where(r => r.PublishedAt < loadedAt).ToListAsync();
        var placements = await db.Placements.ToListAsync();
        var offers = await db.Offers.ToDictionaryAsync(o => o.Id);

        var authorities = dps.Participants.Select(p => p.LocalAuthorityId).Append(dps.LeadLocalAuthorityId).ToList();
        Assert.All(authorities, a => Assert.All(dps.Lots, l => Assert.Contains(referrals, r => r.LocalAuthorityId == a && r.LotId == l.Id)));
        Assert.All(referrals, r => Assert.InRange(r.PublishedAt!.Value, now.AddDays(-380), now.AddDays(-13)));
        Assert.All(referrals, r => Assert.NotEqual(Core.Referrals.ReferralStatus.Open, r.Status));
        // Every lot has enough accepted spot prices for its benchmark to come from them.
        Assert.All(dps.Lots, l => Assert.True(placements.Count(p => referrals.Single(r => r.Id == p.ReferralId).LotId == l.Id) >= Core.Sufficiency.PriceBenchmarkRules.MinimumSample, l.Name));
        Assert.All(placements, p =>
        {
            Assert.Equal(Core.Referrals.OfferStatus.Accepted, offers[p.OfferId].Status);
            Assert.Equal(offers[p.OfferId].WeeklyPrice, p.WeeklyPrice);
            Assert.Equal(Core.Referrals.ReferralStatus.Placed, referrals.Single(r => r.Id == p.ReferralId).Status);
        });
        Assert.Contains(placements, p => p.EndReason == Core.Placements.PlacementEndReason.Disruption);
        // No setting has more children at once than it has registered places.
        var settings = await db.Settings.ToDictionaryAsync(s => s.Id);
        var today = DateOnly.FromDateTime(now);
        Assert.All(placements.GroupBy(p => p.SettingId), g => Assert.True(
            g.Count(p => p.Status == Core.Placements.PlacementStatus.Active) <= settings[g.Key].RegisteredPlaces, settings[g.Key].Name));
        Assert.All(await db.ReferralRecipients.Where(r => r.DeclinedAt != null && r.NotifiedAt < loadedAt).ToListAsync(), r => Assert.True(r.DeclinedAt > r.NotifiedAt));
    }

    [Fact]
    public async Task Demo_LeedsCommissioner_SeesAYearOfSufficiencyAndEveryProvidersScorecard()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.Data.TokenAsync("commissioner@leeds.demo.placementbroker.uk", DemoDataSeeder.DemoPassword));

        var report = await (await client.GetAsync("/api/sufficiency")).ReadJsonAsync(HttpStatusCode.OK);
        var scorecards = await (await client.GetAsync("/api/provider-performance?pageSize=500")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.True(report.GetProperty("demand").GetProperty("referrals").GetInt32() > 50);
        Assert.True(report.GetProperty("outcomes").GetProperty("placed").GetInt32() > 30);
        Assert.True(report.GetProperty("price").GetProperty("acceptedWeeklyPrice").GetProperty("median").GetDecimal() > 0);
        Assert.True(scorecards.GetArrayLength() > 100);
        Assert.Contains(scorecards.EnumerateArray(), s => s.GetProperty("referralsReceived").GetInt32() > 0 && s.GetProperty("offers").GetInt32() > 0);
    }

    [Theory]
    [InlineData("placing.officer@leeds.demo.placementbroker.uk")]
    [InlineData("placement.manager@wakefield.demo.placementbroker.uk")]
    [InlineData("qa.officer@bradford.demo.placementbroker.uk")]
    [InlineData("commissioner@kirklees.demo.placementbroker.uk")]
    [InlineData("referrals@pennine-care-homes.demo.placementbroker.uk")]
    public async Task Demo_Accounts_SignInWithTheDemoPassword(string email)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.Data.TokenAsync(email, DemoDataSeeder.DemoPassword));

        var me = await (await client.GetAsync("/api/me")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(email, me.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Demo_LoadingAgain_ChangesNothing()
    {
        using var scope = app.Services.CreateScope();
        var before = await Db(scope).Providers.CountAsync();

        var loaded = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>()
            .SeedAsync(Path.Combine(AppContext.BaseDirectory, "seed", "demo.json"));

        Assert.False(loaded);
        Assert.Equal(before, await Db(scope).Providers.CountAsync());
    }
}
