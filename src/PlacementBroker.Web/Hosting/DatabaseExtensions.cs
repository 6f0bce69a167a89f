using Microsoft.Data.Sqlite;

namespace PlacementBroker.Web.Hosting;

public static class DatabaseExtensions
{
    public static WebApplicationBuilder AddPlacementBrokerDatabase(this WebApplicationBuilder builder, PlacementBrokerOptions options)
    {
        var connectionString = ResolveConnectionString(builder, options);
        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddDbContext<PlacementBrokerDbContext>((services, db) =>
        {
            switch (options.Database.Provider)
            {
                case DatabaseProvider.SqlServer:
                    db.UseSqlServer(connectionString, o => o.MigrationsAssembly("PlacementBroker.Migrations.SqlServer"));
                    break;
                case DatabaseProvider.PostgreSql:
                    db.UseNpgsql(connectionString, o => o.MigrationsAssembly("PlacementBroker.Migrations.PostgreSql"));
                    break;
                default:
                    db.UseSqlite(connectionString, o => o.MigrationsAssembly("PlacementBroker.Migrations.Sqlite"))
                        .AddInterceptors(new SqliteWriteGateInterceptor(services.GetRequiredService<SqliteWriteGate>()),
                            new SqliteMemoryMap(options.Database.SqliteMemoryMapMegabytes));
                    break;
            }
        });
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), tags: ["live"])
            .AddDbContextCheck<PlacementBrokerDbContext>("database", tags: ["ready"], customTestQuery: CanConnectAsync);
        return builder;
    }

    /// <summary>
    /// Ready only when the database answers. While it does not, the pooled connections are dropped at every check, so
    /// none broken by the outage is handed out once it is back: the node recovers with no restart.
    /// </summary>
    private static async Task<bool> CanConnectAsync(PlacementBrokerDbContext db, CancellationToken ct)
    {
        if (await db.Database.CanConnectAsync(ct))
        {
            return true;
        }
        DatabaseOutage.ForgetPooledConnections(db);
        return false;
    }

    public static string ResolveConnectionString(WebApplicationBuilder builder, PlacementBrokerOptions options)
    {
        var configured = builder.Configuration.GetConnectionString("PlacementBroker");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (options.Database.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:PlacementBroker is required when PlacementBroker:Database:Provider is {options.Database.Provider}.");
        }
        var folder = DataFolder(builder.Environment, options);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "placementbroker.db") }.ToString();
    }

    public static string DataFolder(IHostEnvironment environment, PlacementBrokerOptions options)
    {
        var folder = Path.IsPathRooted(options.DataFolder)
            ? options.DataFolder
            : Path.Combine(environment.ContentRootPath, options.DataFolder);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static string SeedFolder(PlacementBrokerOptions options) =>
        options.SeedFolder ?? Path.Combine(AppContext.BaseDirectory, "seed");
}
