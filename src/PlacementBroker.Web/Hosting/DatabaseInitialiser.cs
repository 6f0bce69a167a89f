using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PlacementBroker.Core.Seeding;

namespace PlacementBroker.Web.Hosting;

public static class DatabaseInitialiser
{
    /// <summary>Applies pending migrations, creates the platform admin and, when asked, loads the demo data.</summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<PlacementBrokerOptions>>().Value;
        var db = services.GetRequiredService<PlacementBrokerDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitialiser));

        if (options.Database.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            if (!string.IsNullOrEmpty(builder.DataSource) && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }
        await db.Database.MigrateAsync();
        if (options.Database.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets pages read while a write is in progress.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await services.GetRequiredService<PlatformAdminBootstrapper>().EnsureAsync(options.Admin.Email, options.Admin.Password);
        if (!string.IsNullOrWhiteSpace(options.Admin.TotpSecret) && !string.IsNullOrWhiteSpace(options.Admin.Email)
            && await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlacementBroker.Core.Identity.User>>().FindByEmailAsync(options.Admin.Email) is { } admin)
        {
            // The operator's automation signs in with codes from this secret; it wins over one enrolled on the pages.
            await services.GetRequiredService<PlacementBroker.Web.Auth.SecondFactor>().EnsureSecretAsync(admin, options.Admin.TotpSecret);
        }

        if (string.Equals(options.Seed, "demo", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.Combine(DatabaseExtensions.SeedFolder(options), "demo.json");
            if (await services.GetRequiredService<DemoDataSeeder>().SeedAsync(path))
            {
                logger.LogInformation("Demo data loaded from {Path}. Every demo account's password is {Password}", path, DemoDataSeeder.DemoPassword);
            }
            // In a scope of its own: the seeder's context still tracks the whole data set.
            using var market = app.Services.CreateScope();
            await DemoMarket.OpenOnceAsync(market.ServiceProvider, path);
        }
    }
}
