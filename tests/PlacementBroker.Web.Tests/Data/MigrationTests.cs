using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Data;

/// <summary>The committed migrations build the whole model on a real, empty database of each provider.</summary>
public abstract class MigrationTests(PlacementBrokerApp app)
{
    [Fact]
    public async Task Startup_EmptyDatabase_AppliesEveryMigrationAndIsReady()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration covers: run scripts/add-migration.sh");
        using var client = app.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Startup_CreatesThePlatformAdminFromConfiguration()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();

        var admin = await db.Users.SingleAsync(u => u.Email == PlacementBrokerApp.AdminEmail);

        Assert.Equal(Core.Role.PlatformAdmin, admin.Role);
        Assert.Null(admin.LocalAuthorityId);
        Assert.Null(admin.ProviderId);
    }

    [Fact]
    public async Task Database_RoundTripsMoneyDatesAndEnumsExactly()
    {
        var provider = await app.Data.CreateProviderAsync(Core.ProviderType.SupportedAccommodation);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            db.Settings.Add(new Core.Providers.Setting
            {
                ProviderId = provider.Id, Name = "Round trip house", OfstedUrn = TestData.Unique("U")[..10], Postcode = "LS6 2AB",
                Latitude = 53.8196, Longitude = -1.5767, OfstedGrade = Core.OfstedGrade.NotGraded,
                LastInspectionDate = new DateOnly(2026, 2, 28), RegisteredPlaces = 6, CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        using var read = app.Services.CreateScope();
        var setting = await read.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Settings
            .SingleAsync(s => s.ProviderId == provider.Id);
        Assert.Equal(Core.OfstedGrade.NotGraded, setting.OfstedGrade);
        Assert.Equal(new DateOnly(2026, 2, 28), setting.LastInspectionDate);
        Assert.Equal(53.8196, setting.Latitude!.Value, 6);
        Assert.Equal(DateTimeKind.Utc, setting.CreatedAt.Kind);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, setting.CreatedAt, TimeSpan.FromMilliseconds(1));
    }
}

public class MigrationSqliteTests(SqliteApp app) : MigrationTests(app), IClassFixture<SqliteApp>;

public class MigrationPostgresTests(PostgresApp app) : MigrationTests(app), IClassFixture<PostgresApp>;
