using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Fixtures;

namespace PlacementBroker.Web.Tests.Data;

/// <summary>
/// Instants are kept to the microsecond on every database (ADR 0015): PostgreSQL stores microseconds, SQL Server's
/// datetime2 100 ns and SQLite every tick, so the product cuts them itself. What a write answers is what a later read
/// shows, and an instant compared in a query finds the row, on each provider alike.
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
            // The instant as first written, with its seventh digit, finds the row: a parameter is cut as the column was.
            Assert.True(await db.LocalAuthorities.AnyAsync(a => a.Id == authority.Id && a.CreatedAt == Written));
            Assert.False(await db.LocalAuthorities.AnyAsync(a => a.Id == authority.Id && a.CreatedAt > Written));
        }
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
}

public class InstantPrecisionSqliteTests(SqliteApp app) : InstantPrecisionTests(app), IClassFixture<SqliteApp>;

public class InstantPrecisionServerTests(ServerApp app) : InstantPrecisionTests(app), IClassFixture<ServerApp>;
