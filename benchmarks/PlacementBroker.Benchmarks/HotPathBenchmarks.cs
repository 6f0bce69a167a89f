using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Referrals;
using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Benchmarks;

/// <summary>The commissioner's sufficiency report and the referral page's matching, against <see cref="NationalData"/>.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private static readonly TimeProvider Clock = new FixedClock(NationalData.Now);
    private Actor largeAuthority = null!;
    private Actor leadAuthority = null!;
    private SufficiencyQuery lastYear = null!;
    private Referral busyReferral = null!;
    private string connectionString = null!;

    [GlobalSetup]
    public void Setup()
    {
        connectionString = NationalData.EnsureSqlite(DataSize.Full);
        using var db = CreateContext();
        var largest = db.Referrals.GroupBy(r => r.LocalAuthorityId).Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count).First();
        var lead = db.DynamicPurchasingSystems.OrderBy(d => d.Name).Select(d => d.LeadLocalAuthorityId).First();
        largeAuthority = new Actor(Guid.Empty, "commissioner@example.org", Role.Commissioner, largest.Id, null);
        leadAuthority = new Actor(Guid.Empty, "lead@example.org", Role.Commissioner, lead, null);
        var today = DateOnly.FromDateTime(NationalData.Now.UtcDateTime);
        lastYear = new SufficiencyQuery(today.AddYears(-1).AddDays(1), today, null, SufficiencyScope.Authority);
        var busiest = db.Offers.GroupBy(o => o.ReferralId).Select(g => new { Id = g.Key, Count = g.Count() }).OrderByDescending(x => x.Count).First();
        busyReferral = db.Referrals.AsNoTracking().Single(r => r.Id == busiest.Id);
        Console.WriteLine($"// Largest authority: {largest.Count} referrals; busiest referral: {busiest.Count} offers");
    }

    [Benchmark]
    public async Task<object> SufficiencyReport_LargeAuthorityYear()
    {
        await using var db = CreateContext();
        return Expect(await new SufficiencyService(db).ReportAsync(largeAuthority, lastYear));
    }

    [Benchmark]
    public async Task<object> SufficiencyReport_WholeDps()
    {
        await using var db = CreateContext();
        return Expect(await new SufficiencyService(db).ReportAsync(leadAuthority, lastYear with { Scope = SufficiencyScope.Dps }));
    }

    [Benchmark]
    public async Task<int> Matching_RankOffersOnBusyReferral()
    {
        await using var db = CreateContext();
        return (await Matching(db).RankOffersAsync(busyReferral)).Count;
    }

    [Benchmark]
    public async Task<int> Matching_PotentialMatches()
    {
        await using var db = CreateContext();
        return (await Matching(db).MatchVacanciesAsync(busyReferral)).Count;
    }

    private PlacementBrokerDbContext CreateContext() => NationalData.CreateContext(DatabaseKind.Sqlite, connectionString);

    private static MatchService Matching(PlacementBrokerDbContext db) =>
        new(db, new QualityService(db, new AuditTrail(db, Clock), new EmailOutbox(db, Clock), Clock), new AcceptedPriceBenchmarks(db, Clock));

    private static SufficiencyReport Expect(Outcome<SufficiencyReport> outcome) =>
        outcome.Value ?? throw new InvalidOperationException($"The report failed: {outcome}");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
