using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using PlacementBroker.Core;
using PlacementBroker.Core.Jobs;

namespace PlacementBroker.Web.Hosting;

public static class JobsExtensions
{
    public const string DashboardPath = "/jobs";

    /// <summary>Hangfire storage follows the database: SQL Server and PostgreSQL share jobs across nodes; SQLite keeps them in memory.</summary>
    public static WebApplicationBuilder AddPlacementBrokerJobs(this WebApplicationBuilder builder, PlacementBrokerOptions options, string connectionString)
    {
        var services = builder.Services;
        // The storage is a DI singleton, never JobStorage.Current, so several hosts in one process stay apart.
        services.AddSingleton<JobStorage>(_ => options.Database.Provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerStorage(connectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true }),
            DatabaseProvider.PostgreSql => new PostgreSqlStorage(
                new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, SchemaName = "hangfire" }),
            _ => new InMemoryStorage(),
        });
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (options.Jobs.RunServer)
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = options.Jobs.WorkerCount;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }
        services.AddSingleton<IJobScheduler, HangfireJobScheduler>();
        return builder;
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new PlatformAdminDashboardFilter()],
            DashboardTitle = "PlacementBroker jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }

    private sealed class PlatformAdminDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            return http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(nameof(Role.PlatformAdmin));
        }
    }
}
