using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Benchmarks;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Sufficiency;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Data;

/// <summary>The Tiny national data set, built once on a fresh SQLite file and a fresh PostgreSQL database.</summary>
public sealed class TinyNationalData : IAsyncLifetime
{
    private TestDatabase sqlite = null!;
    private TestDatabase postgres = null!;

    public DataSetCounts SqliteCounts { get; private set; } = null!;
    public DataSetCounts PostgresCounts { get; private set; } = null!;

    public string ConnectionString(DatabaseKind kind) => kind == DatabaseKind.PostgreSql ? postgres.ConnectionString : sqlite.ConnectionString;

    public PlacementBrokerDbContext Db(DatabaseKind kind) => NationalData.CreateContext(kind, ConnectionString(kind));

    public async Task InitializeAsync()
    {
        sqlite = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        postgres = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        SqliteCounts = NationalData.EnsureGenerated(DatabaseKind.Sqlite, sqlite.ConnectionString, DataSize.Tiny, TextWriter.Null);
        PostgresCounts = NationalData.EnsureGenerated(DatabaseKind.PostgreSql, postgres.ConnectionString, DataSize.Tiny, TextWriter.Null);
    }

    public async Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await sqlite.DisposeAsync();
        await postgres.DisposeAsync();
    }
}

public class NationalDataTests(TinyNationalData data) : IClassFixture<TinyNationalData>
{
    private static readonly TimeProvider Clock = new FixedClock(NationalData.Now);

    public static TheoryData<DatabaseKind> Kinds => [DatabaseKind.Sqlite, DatabaseKind.PostgreSql];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Tiny_CountsComeOutAsDeclared(DatabaseKind kind)
    {
        await using var db = data.Db(kind);
        var declared = NationalData.CountsFor(DataSize.Tiny);
        var actual = new DataSetCounts(
            await db.LocalAuthorities.CountAsync(), await db.Providers.CountAsync(), await db.Settings.CountAsync(),
            await db.Vacancies.CountAsync(v => v.Status == Core.Providers.VacancyStatus.Open), await db.Referrals.CountAsync(),
            await db.Offers.CountAsync(), await db.Placements.CountAsync());

        Assert.Equal(declared, actual);
        Assert.Equal(declared, kind == DatabaseKind.Sqlite ? data.SqliteCounts : data.PostgresCounts);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Tiny_EveryReferralReachedExactlyTheAdmittedMembersOfItsLot(DatabaseKind kind)
    {
        await using var db = data.Db(kind);
        var admitted = (await db.LotMemberships.Where(m => m.Status == MembershipStatus.Admitted).Select(m => new { m.LotId, m.ProviderId }).ToListAsync())
            .ToLookup(m => m.LotId, m => m.ProviderId);
        var recipients = (await db.ReferralRecipients.Select(r => new { r.ReferralId, r.ProviderId }).ToListAsync())
            .ToLookup(r => r.ReferralId, r => r.ProviderId);
        var referrals = await db.Referrals.Select(r => new { r.Id, r.LotId, r.PublishedAt }).ToListAsync();

        Assert.All(referrals, r => Assert.NotNull(r.PublishedAt));
        Assert.All(referrals, r => Assert.Equal(admitted[r.LotId].Order(), recipients[r.Id].Order()));
        // Suspended members (the red providers among them) are not sent referrals.
        var suspended = await db.LotMemberships.Where(m => m.Status == MembershipStatus.Suspended).Select(m => new { m.LotId, m.ProviderId }).ToListAsync();
        Assert.NotEmpty(suspended);
        Assert.True(await db.ReferralRecipients.CountAsync() > referrals.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Tiny_HoldsEveryKindOfRow(DatabaseKind kind)
    {
        await using var db = data.Db(kind);

        // Referrals with every distance setting, out of area, and sibling groups.
        var distances = await db.Referrals.Select(r => r.MaxDistanceMiles).Distinct().ToListAsync();
        Assert.Equal(NationalData.Distances.Order(), distances.Order());
        Assert.True(await db.Referrals.AnyAsync(r => r.OutOfAreaRequired));
        Assert.True(await db.Referrals.AnyAsync(r => !r.OutOfAreaRequired));
        Assert.True(await db.Referrals.AnyAsync(r => r.SiblingGroupSize > 1));

        // QA: visits with completed and reviewed reports, open flags, an open critical flag whose provider is suspended everywhere.
        Assert.True(await db.QaVisits.AnyAsync(v => v.ReportCompletedOn != null && v.ReportReviewedOn != null));
        Assert.True(await db.QaVisits.AnyAsync(v => v.ReportCompletedOn == null));
        Assert.True(await db.QaFlags.AnyAsync(f => f.Status == FlagStatus.Open && f.Severity != FlagSeverity.Critical));
        var red = await db.QaFlags.Where(f => f.Status == FlagStatus.Open && f.Severity == FlagSeverity.Critical).Select(f => f.ProviderId).ToListAsync();
        Assert.NotEmpty(red);
        Assert.False(await db.LotMemberships.AnyAsync(m => red.Contains(m.ProviderId) && m.Status == MembershipStatus.Admitted));

        // Ofsted history: earlier grades, the latest entry the setting's grade today.
        Assert.True(await db.SettingInspections.AnyAsync(i => i.PreviousGrade != null));
        var latest = await db.SettingInspections.GroupBy(i => i.SettingId).Select(g => g.OrderByDescending(i => i.InspectionDate).First()).ToListAsync();
        var grades = await db.Settings.ToDictionaryAsync(s => s.Id, s => s.OfstedGrade);
        Assert.Equal(grades.Count, latest.Count);
        Assert.All(latest, i => Assert.Equal(grades[i.SettingId], i.Grade));

        // Block contracts, billing runs with invoices and lines.
        Assert.True(await db.BlockContracts.AnyAsync());
        Assert.True(await db.BillingRuns.AnyAsync());
        var invoices = await db.Invoices.Include(i => i.Lines).ToListAsync();
        Assert.NotEmpty(invoices);
        Assert.All(invoices, i => Assert.Equal(i.Total, i.Lines.Sum(l => l.Amount)));

        // Agreement references: unique, in the service's form, each year's counter at its last.
        var references = await db.Placements.Select(p => new { p.Reference, p.CreatedAt }).ToListAsync();
        Assert.All(references, p => Assert.True(p.CreatedAt <= NationalData.Now.UtcDateTime, $"{p.Reference} made after the data set's clock"));
        Assert.All(references, p => Assert.Matches(new Regex($"^PB-{p.CreatedAt.Year}-\\d{{6}}$"), p.Reference));
        Assert.Equal(references.Count, references.Select(p => p.Reference).Distinct().Count());
        var counters = await db.AgreementReferenceCounters.ToDictionaryAsync(c => c.Year, c => c.Last);
        Assert.Equal(references.GroupBy(p => p.CreatedAt.Year).ToDictionary(g => g.Key, g => g.Count()), counters);
    }

    [Fact]
    public async Task Tiny_SqliteAndPostgres_HoldTheSameData()
    {
        await using var sqlite = data.Db(DatabaseKind.Sqlite);
        await using var postgres = data.Db(DatabaseKind.PostgreSql);

        foreach (var (table, rows) in new (string, Func<PlacementBrokerDbContext, Task<List<string>>>)[]
        {
            ("Settings", db => db.Settings.Select(s => $"{s.Id}|{s.ProviderId}|{s.OfstedGrade}|{s.Latitude}|{s.RegisteredPlaces}").ToListAsync()),
            ("Vacancies", db => db.Vacancies.Select(v => $"{v.Id}|{v.LotId}|{v.Status}|{string.Join(",", v.NeedsMet)}|{v.WeeklyPrice:0.00}").ToListAsync()),
            ("Referrals", db => db.Referrals.Select(r => $"{r.Id}|{r.LotId}|{r.MaxDistanceMiles}|{r.OutOfAreaRequired}|{r.SiblingGroupSize}|{r.PublishedAt}|{string.Join(",", r.Needs)}").ToListAsync()),
            ("ReferralRecipients", db => db.ReferralRecipients.Select(r => $"{r.ReferralId}|{r.ProviderId}|{r.Fits}|{r.DeclineReason}").ToListAsync()),
            ("Offers", db => db.Offers.Select(o => $"{o.Id}|{o.VacancyId}|{o.Status}|{o.WeeklyPrice:0.00}").ToListAsync()),
            ("Placements", db => db.Placements.Select(p => $"{p.Reference}|{p.OfferId}|{p.Status}").ToListAsync()),
            ("QaFlags", db => db.QaFlags.Select(f => $"{f.Id}|{f.ProviderId}|{f.Severity}|{f.Status}").ToListAsync()),
            ("SettingInspections", db => db.SettingInspections.Select(i => $"{i.SettingId}|{i.Grade}|{i.InspectionDate}|{i.PreviousGrade}").ToListAsync()),
            ("InvoiceLines", db => db.InvoiceLines.Select(l => $"{l.PlacementId}|{l.Days}|{l.Amount:0.00}").ToListAsync()),
        })
        {
            var fromSqlite = await rows(sqlite);
            var fromPostgres = await rows(postgres);
            Assert.NotEmpty(fromSqlite);
            Assert.True(Checksum(fromSqlite) == Checksum(fromPostgres), $"{table}: {fromSqlite.Count} rows on SQLite, {fromPostgres.Count} on PostgreSQL, different");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Tiny_TheAppsServicesReadIt(DatabaseKind kind)
    {
        await using var db = data.Db(kind);
        // Every generated row reads back as an entity: no column holds a value the model cannot take.
        Assert.NotEmpty(await db.Providers.AsNoTracking().ToListAsync());
        Assert.NotEmpty(await db.Settings.AsNoTracking().ToListAsync());
        Assert.NotEmpty(await db.LotMemberships.AsNoTracking().ToListAsync());
        Assert.NotEmpty(await db.Vacancies.AsNoTracking().ToListAsync());
        Assert.NotEmpty(await db.Referrals.AsNoTracking().ToListAsync());
        Assert.NotEmpty(await db.Offers.AsNoTracking().ToListAsync());
        Assert.NotEmpty(await db.Placements.AsNoTracking().ToListAsync());
        Assert.NotEmpty(await db.QaVisits.AsNoTracking().ToListAsync());
        Assert.NotEmpty(await db.BillingRuns.AsNoTracking().ToListAsync());
        Assert.NotEmpty(await db.DynamicPurchasingSystems.AsNoTracking().ToListAsync());

        var busiest = await db.Offers.GroupBy(o => o.ReferralId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var busy = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == busiest);
        var outOfArea = await db.Referrals.AsNoTracking().Where(r => r.OutOfAreaRequired && r.SiblingGroupSize == 1).OrderBy(r => r.ChildReference).FirstAsync();
        var matching = new MatchService(db, new QualityService(db, new AuditTrail(db, Clock), new EmailOutbox(db, Clock), Clock), new AcceptedPriceBenchmarks(db, Clock));

        Assert.NotEmpty(await matching.RankOffersAsync(busy));
        Assert.NotEmpty(await matching.MatchVacanciesAsync(outOfArea));

        var lead = await db.DynamicPurchasingSystems.OrderBy(d => d.Name).Select(d => d.LeadLocalAuthorityId).FirstAsync();
        var today = DateOnly.FromDateTime(NationalData.Now.UtcDateTime);
        var report = await new SufficiencyService(db).ReportAsync(new Actor(Guid.Empty, "lead@example.org", Role.Commissioner, lead, null),
            new SufficiencyQuery(today.AddYears(-1).AddDays(1), today, null, SufficiencyScope.Dps));
        Assert.NotNull(report.Value);
        Assert.True(report.Value.Demand.Referrals > 0);
    }

    [Fact]
    public async Task EnsureGenerated_ReusesAMatchingDatabase_AndRebuildsOneWhoseCountsDiffer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var first = new StringWriter();
        NationalData.EnsureGenerated(DatabaseKind.Sqlite, database.ConnectionString, DataSize.Tiny, first);
        Assert.Contains("Generated", first.ToString());

        var again = new StringWriter();
        NationalData.EnsureGenerated(DatabaseKind.Sqlite, database.ConnectionString, DataSize.Tiny, again);
        Assert.Contains("Reusing", again.ToString());

        await using (var db = NationalData.CreateContext(DatabaseKind.Sqlite, database.ConnectionString))
        {
            var line = await db.InvoiceLines.Where(l => l.PlacementId != null).Select(l => l.PlacementId).FirstAsync();
            await db.InvoiceLines.Where(l => l.PlacementId == line).ExecuteDeleteAsync();
            await db.Placements.Where(p => p.Id == line).ExecuteDeleteAsync();
        }
        var rebuilt = new StringWriter();
        var counts = NationalData.EnsureGenerated(DatabaseKind.Sqlite, database.ConnectionString, DataSize.Tiny, rebuilt);
        Assert.Contains("Generated", rebuilt.ToString());
        await using (var db = NationalData.CreateContext(DatabaseKind.Sqlite, database.ConnectionString))
        {
            Assert.Equal(counts.Placements, await db.Placements.CountAsync());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static string Checksum(IEnumerable<string> rows) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows.Order(StringComparer.Ordinal)))));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
