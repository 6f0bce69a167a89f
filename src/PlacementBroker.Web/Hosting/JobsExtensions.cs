using Microsoft.Extensions.DependencyInjection.Extensions;
using Hangfire.AspNetCore;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
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
        services.AddSingleton<JobStorage>(sp =>
        {
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()));
            return CreateStorage(options, connectionString);
        });
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        // Jobs are built from this host's services. Hangfire's default reads the process-wide JobActivator.Current, which
        // the last host to start in the process sets: with several hosts in one process (a test farm) a server could take
        // another host's activator and fail every job once that host stopped ("Cannot access a disposed object").
        services.Replace(ServiceDescriptor.Singleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>())));
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

    private static JobStorage CreateStorage(PlacementBrokerOptions options, string connectionString) => options.Database.Provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerStorage(connectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true }),
            DatabaseProvider.PostgreSql => new PostgreSqlStorage(
                new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions
                {
                    PrepareSchemaIfNecessary = true, SchemaName = "hangfire", QueuePollInterval = TimeSpan.FromSeconds(options.Jobs.PollIntervalSeconds),
                }),
            _ => new InMemoryStorage(),
        };

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        // Someone not signed in is sent to sign in, as on every other page; Hangfire alone would answer 401.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DashboardPath), dashboard => dashboard.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }
            await next();
        }));
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
