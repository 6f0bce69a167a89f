using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.Extensions.Options;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Contracts;
using PlacementBroker.Core.Uplifts;
using PlacementBroker.Core.Seeding;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Payments;
using PlacementBroker.Core.Sufficiency;
using PlacementBroker.Core.DataProtection;
using PlacementBroker.Web.Hubs;
using PlacementBroker.Web.Documents;
using StackExchange.Redis;

namespace PlacementBroker.Web.Hosting;

public static class HostingExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        UnsafeConfigurationCheck.ThrowIfUnsafe(builder);
        var services = builder.Services;
        services.AddOptions<PlacementBrokerOptions>()
            .Bind(builder.Configuration.GetSection(PlacementBrokerOptions.Section))
            .ValidateDataAnnotations()
            .Validate(PlacementBrokerOptions.NestedSettingsAreValid, "PlacementBroker settings are out of range: see docs/operations.md")
            .Validate(o => o.Jwt.SigningKey is null || o.Jwt.SigningKey.Length >= 32, "PlacementBroker:Jwt:SigningKey must be at least 32 characters")
            .Validate(o => PlacementBroker.Web.Auth.SecondFactor.IsValidSecret(o.Admin.TotpSecret), "PlacementBroker:Admin:TotpSecret must be base32 of at least 16 bytes (26 or more characters)")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlacementBrokerOptions>, PublicBaseUrlValidator>();
        services.AddSingleton<PublicUrls>();
        var options = builder.Configuration.GetSection(PlacementBrokerOptions.Section).Get<PlacementBrokerOptions>() ?? new PlacementBrokerOptions();
        services.AddSingleton(options);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => WorkingDayCalendar.FromFile(
            Path.Combine(DatabaseExtensions.SeedFolder(options), "bank-holidays-england-and-wales.json")));
        services.AddHostedService<BankHolidayDataWarning>();
        services.AddHealthChecks().AddCheck<BankHolidayDataHealthCheck>(BankHolidayDataHealthCheck.Name, HealthStatus.Degraded, tags: ["ready"]);

        builder.AddPlacementBrokerDatabase(options);
        builder.AddPlacementBrokerAuth(options);
        builder.AddAbuseLimits();
        builder.AddPlacementBrokerJobs(options, DatabaseExtensions.ResolveConnectionString(builder, options));
        builder.AddDocuments(options);
        builder.AddDemoMarket(options);

        services.AddPlacementBrokerCore(builder.Configuration)
            .AddSingleton<PlacementBroker.Core.Referrals.IMarketplaceNotifier, HubMarketplaceNotifier>();

        // The key ring protecting cookies and antiforgery tokens: in Redis when the deployment has it (every node reads the
        // same ring with nothing else shared), otherwise in the data folder.
        var dataProtection = services.AddDataProtection().SetApplicationName("PlacementBroker");
        var keyStore = builder.Configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(keyStore))
        {
            var redisOptions = ConfigurationOptions.Parse(keyStore);
            redisOptions.AbortOnConnectFail = false;
            dataProtection.PersistKeysToStackExchangeRedis(ConnectionMultiplexer.Connect(redisOptions), "PlacementBroker:DataProtection-Keys");
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DatabaseExtensions.DataFolder(builder.Environment, options), "keys")));
        }

        // Behind a load balancer every request comes from its address: trusted proxies' X-Forwarded-For gives the
        // client's instead, for the sign-in limiter and the audit trail. Nothing is trusted unless configured.
        // The environment variable reaches configuration both with its prefix and, as ASP.NET Core reads it, without.
        if (new[] { "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "FORWARDEDHEADERS_ENABLED" }
            .Any(key => string.Equals(builder.Configuration[key], "true", StringComparison.OrdinalIgnoreCase)))
        {
            // That switch makes ASP.NET Core believe X-Forwarded-For from any sender: anyone could pose as any address.
            throw new InvalidOperationException(
                "ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts forwarded headers from anyone. Remove it and list the load balancers in PlacementBroker:ForwardedHeaders:KnownProxies or KnownNetworks instead.");
        }
        var knownProxies = builder.Configuration.GetSection("PlacementBroker:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var knownNetworks = builder.Configuration.GetSection("PlacementBroker:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in knownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"PlacementBroker:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address"));
            }
            foreach (var network in knownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"PlacementBroker:ForwardedHeaders:KnownNetworks: '{network}' is not a network like 10.0.0.0/8"));
            }
        });

        // Outside Development the service is only reached over https: cookies are never sent in clear, and browsers are told
        // (HSTS) never to try http. Development keeps plain http://localhost:5080 working.
        var secureTransport = !builder.Environment.IsDevelopment();
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = secureTransport ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
            o.Cookie.SecurePolicy = secureTransport ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<ConcurrencyExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        services.AddOpenApi(o => o.AddPagingToOpenApi());

        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Admin", Policies.PlatformAdmin);
            pages.Conventions.AuthorizeFolder("/Provider", Policies.ProviderUser);
            // Until the organisation is verified, its users set it up but see no referrals, lots or councils' data.
            foreach (var folder in Pages.Provider.VerifiedProviderPageFilter.Folders)
            {
                pages.Conventions.AddFolderApplicationModelConvention(folder, model => model.Filters.Add(new Pages.Provider.VerifiedProviderPageFilter()));
            }
            pages.Conventions.AuthorizePage("/Index");
            pages.Conventions.AuthorizeFolder("/Commissioning", Policies.Commissioner);
            pages.Conventions.AuthorizeFolder("/Contracts", Policies.ContractAuthorities);
            // QA officers read contract management; reviews and plans are the commissioners'.
            pages.Conventions.AuthorizePage("/Contracts/NewReview", Policies.Commissioner);
            pages.Conventions.AuthorizePage("/Contracts/NewPlan", Policies.Commissioner);
            pages.Conventions.AuthorizePage("/Contracts/RecordReview", Policies.Commissioner);
            pages.Conventions.AuthorizeFolder("/Emails");
            pages.Conventions.AuthorizeFolder("/Audit", Policies.DataProtectionLead);
            pages.Conventions.AuthorizeFolder("/SubjectAccess", Policies.SubjectAccess);
            pages.Conventions.AuthorizeFolder("/Referrals", ReferralEndpoints.ReferralReaders);
            // Placement managers read referrals; only placing officers write, send, withdraw and re-send them, and accept offers.
            foreach (var page in new[] { "/Referrals/New", "/Referrals/DeleteUnfinished", "/Referrals/Edit", "/Referrals/Draft", "/Referrals/Check", "/Referrals/Withdraw", "/Referrals/Rebroadcast", "/Referrals/Accept" })
            {
                pages.Conventions.AuthorizePage(page, Policies.PlacingOfficer);
            }
        });

        // Every hub call re-checks the account; disabling one closes its live connections (AccountConnections).
        services.AddSingleton<AccountConnections>();
        services.AddHostedService<AccountConnectionSweep>();
        var signalR = services.AddSignalR(o => Microsoft.AspNetCore.SignalR.HubOptionsExtensions.AddFilter<AccountHubFilter>(o)).AddJsonProtocol(o =>
            o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("PlacementBroker"));
        }
        return builder;
    }

    public static WebApplication UseApplication(this WebApplication app)
    {
        var forwarded = app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>>().Value;
        if (forwarded.KnownProxies.Count > 0 || forwarded.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseWhen(IsMachineRequest, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsMachineRequest(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error/500",
                // The database being unavailable is "try again later" (503), not a fault in the service (500).
                StatusCodeSelector = e => DatabaseOutage.IsUnavailable(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseSecondFactorEnrolment();
        app.UseNoStoreWhenSignedIn();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "api-docs";
            ui.DocumentTitle = "PlacementBroker API";
            ui.SwaggerEndpoint("/openapi/v1.json", "PlacementBroker API v1");
        });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

        app.MapIdentityEndpoints();
        app.MapProviderEndpoints();
        app.MapVerificationEndpoints();
        app.MapDpsEndpoints();
        app.MapVacancyEndpoints();
        app.MapReferralEndpoints();
        app.MapPlacementEndpoints();
        app.MapQualityEndpoints();
        app.MapContractEndpoints();
        app.MapUpliftEndpoints();
        app.MapSharingEndpoints();
        app.MapSufficiencyEndpoints();
        app.MapBillingEndpoints();
        app.MapDataProtectionEndpoints();
        // A connection ends when the token it opened with expires, not only when the client leaves.
        app.MapHub<MarketplaceHub>(MarketplaceHub.Path, o => o.CloseOnAuthenticationExpiration = true);
        app.MapJobsDashboard();
        app.MapRazorPages();
        return app;
    }

    /// <summary>API and hub requests, answered in JSON problem details rather than pages.</summary>
    public static bool IsMachineRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs");
}
