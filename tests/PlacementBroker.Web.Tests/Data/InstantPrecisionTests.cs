using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.Core.Sufficiency;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Fixtures;

namespace PlacementBroker.Web.Tests.Data;

/// <summary>
/// Instants are kept to the microsecond on every database (ADR 0015): PostgreSQL stores microseconds, SQL Server's
/// datetime2 100 ns and SQLite every tick, so the product cuts what it writes. What a write answers is what a later read
/// shows, on each provider alike; and a row written with seven digits before stays editable.
/// </summary>
public abstract class InstantPrecisionTests(PlacementBrokerApp app)
{
    // 09:30:15.1234567: seven digits of a second, one more than PostgreSQL keeps.
    private static readonly DateTime Written = new DateTime(2026, 12, 4, 9, 30, 15, DateTimeKind.Utc).AddTicks(1_234_567);
    private static readonly DateTime Stored = new DateTime(2026, 12, 4, 9, 30, 15, DateTimeKind.Utc).AddTicks(1_234_560);

    [Fact]
    public async Task AnInstant_IsStoredToTheMicrosecond_AndReadsBackAsTheWriteAnswered()
    {
        var code = TestData.Unique("I").ToUpperInvariant()[..10];
        var authority = new LocalAuthority { Name = $"{code} Council", Code = code, CreatedAt = Written };
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            db.LocalAuthorities.Add(authority);
            await db.SaveChangesAsync();
        }

        Assert.Equal(Stored, authority.CreatedAt);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var read = await db.LocalAuthorities.AsNoTracking().SingleAsync(a => a.Id == authority.Id);
            Assert.Equal(Stored, read.CreatedAt);
            Assert.Equal(DateTimeKind.Utc, read.CreatedAt.Kind);
            Assert.True(await db.LocalAuthorities.AnyAsync(a => a.Id == authority.Id && a.CreatedAt == Stored));
        }
    }

    [Fact]
    public async Task AnInstantWrittenByABulkUpdate_IsCutToo()
    {
        var code = TestData.Unique("K").ToUpperInvariant()[..10];
        var authority = new LocalAuthority { Name = $"{code} Council", Code = code, CreatedAt = Stored.AddDays(-1) };
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        db.LocalAuthorities.Add(authority);
        await db.SaveChangesAsync();

        // As the services set a placement's end or a decision's time: an UPDATE that does not pass through SaveChanges.
        await db.LocalAuthorities.Where(a => a.Id == authority.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedAt, Written));

        Assert.Equal(Stored, await db.LocalAuthorities.Where(a => a.Id == authority.Id).Select(a => a.CreatedAt).SingleAsync());
    }

    [Fact]
    public async Task AnInstantChanged_IsCutToo_AndTheRowCanBeChangedAgain()
    {
        var code = TestData.Unique("J").ToUpperInvariant()[..10];
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var authority = new LocalAuthority { Name = $"{code} Council", Code = code, CreatedAt = Stored.AddDays(-1) };
        db.LocalAuthorities.Add(authority);
        await db.SaveChangesAsync();

        db.Entry(authority).Property(a => a.CreatedAt).CurrentValue = Written;
        await db.SaveChangesAsync();
        authority.Name = $"{code} City Council";
        await db.SaveChangesAsync();

        Assert.Equal(Stored, authority.CreatedAt);
        db.ChangeTracker.Clear();
        var read = await db.LocalAuthorities.AsNoTracking().SingleAsync(a => a.Id == authority.Id);
        Assert.Equal((Stored, $"{code} City Council"), (read.CreatedAt, read.Name));
    }

    /// <summary>
    /// A row written before instants were cut keeps its seven digits where the database keeps them (SQLite, SQL Server),
    /// and its concurrency token is compared with them: it can still be edited, not refused as changed by someone else.
    /// </summary>
    [Fact]
    public async Task ARowWithSevenDigitsFromBefore_IsStillEditable()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var commissioner = await app.Data.ClientForAsync(dps.Commissioner);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        var started = await (await commissioner.PostAsJsonAsync("/api/sufficiency/statements", new { periodFrom = "2026-01-01", periodTo = today }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = started.GetProperty("id").GetString();
        var title = "Statement " + TestData.Unique("S");
        await (await commissioner.PutAsJsonAsync($"/api/sufficiency/statements/{id}", new { title })).ReadJsonAsync(HttpStatusCode.OK);
        using (var scope = app.Services.CreateScope())
        {
            // Written as before this product cut instants: in SQL, past EF Core, so nothing cuts the seventh digit.
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var entity = db.Model.FindEntityType(typeof(SufficiencyStatement))!;
            var sql = db.GetService<ISqlGenerationHelper>();
            // Only the names, from the model, are put in the text; the values are parameters.
            var update = string.Concat("UPDATE ", sql.DelimitIdentifier(entity.GetTableName()!), " SET ", sql.DelimitIdentifier("UpdatedAt"),
                " = {0} WHERE ", sql.DelimitIdentifier("Title"), " = {1}");
            var written = await db.Database.ExecuteSqlRawAsync(update, [Written, title]);
            Assert.Equal(1, written);
        }

        // The edit happens seven ticks past a whole second: what it answers is cut to the microsecond.
        app.Clock.Advance(TimeSpan.FromTicks(7));
        var edited = await commissioner.PutAsJsonAsync($"/api/sufficiency/statements/{id}", new
        {
            title,
            introduction = "How we will meet our sufficiency duty.",
            commissioningIntentions = "Commission two more local children's homes.",
        });

        var body = await edited.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(title, body.GetProperty("title").GetString());
        var updatedAt = body.GetProperty("updatedAt").GetDateTime().ToUniversalTime();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond)), updatedAt);
        Assert.NotEqual(now, updatedAt);
    }
}

public class InstantPrecisionSqliteTests(SqliteApp app) : InstantPrecisionTests(app), IClassFixture<SqliteApp>;

public class InstantPrecisionServerTests(ServerApp app) : InstantPrecisionTests(app), IClassFixture<ServerApp>;
