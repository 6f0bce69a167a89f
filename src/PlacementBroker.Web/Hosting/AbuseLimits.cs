using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

namespace PlacementBroker.Web.Hosting;

/// <summary>
/// Abuse limits under <c>PlacementBroker:RateLimits</c>: how often one address may register or invite, one provider
/// may submit offers, and one address may ask for tokens. Raise them for load tests.
/// </summary>
public class RateLimitOptions
{
    [Range(1, 100_000_000)]
    public int RegistrationsPerHourPerAddress { get; set; } = 20;
    [Range(1, 100_000_000)]
    public int InvitationsPerHourPerAddress { get; set; } = 20;
    [Range(1, 100_000_000)]
    public int OffersPerMinutePerProvider { get; set; } = 600;
    /// <summary>Never below 1,000: a whole council office signs in from one public address.</summary>
    [Range(1_000, 100_000_000)]
    public int TokensPerMinutePerAddress { get; set; } = 1_000;
    /// <summary>Prefix of the counters in Redis, so deployments sharing one Redis count apart.</summary>
    [Required]
    public string RedisKeyPrefix { get; set; } = "PlacementBroker:RateLimits";
}

/// <summary>
/// ASP.NET Core's rate limiting with one policy per abuse limit. With <c>ConnectionStrings:Redis</c> every node counts in
/// Redis (fixed windows of RedisRateLimiting); without it each node counts in memory. Only requests that change
/// something (not GET or HEAD) count. Rejections are 429 with Retry-After: problem details for the API, the GOV.UK
/// error page for pages.
/// </summary>
public static class AbuseLimits
{
    public const string Registration = "registration";
    public const string Invitations = "invitations";
    public const string Offers = "offers";
    public const string Tokens = "tokens";

    public static WebApplicationBuilder AddAbuseLimits(this WebApplicationBuilder builder)
    {
        var redisConfiguration = builder.Configuration.GetConnectionString("Redis");
        Lazy<IConnectionMultiplexer>? redis = null;
        if (!string.IsNullOrWhiteSpace(redisConfiguration))
        {
            var redisOptions = ConfigurationOptions.Parse(redisConfiguration);
            redisOptions.AbortOnConnectFail = false;
            redis = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redisOptions));
        }

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.AddPolicy(Registration, http => Partition(http, redis, Registration, ClientAddress(http),
                l => l.RegistrationsPerHourPerAddress, TimeSpan.FromHours(1)));
            o.AddPolicy(Invitations, http => Partition(http, redis, Invitations, ClientAddress(http),
                l => l.InvitationsPerHourPerAddress, TimeSpan.FromHours(1)));
            o.AddPolicy(Offers, http => Partition(http, redis, Offers,
                http.User.FindFirst(PlacementBrokerClaims.Provider)?.Value ?? "address:" + ClientAddress(http),
                l => l.OffersPerMinutePerProvider, TimeSpan.FromMinutes(1)));
            o.AddPolicy(Tokens, http => Partition(http, redis, Tokens, ClientAddress(http),
                l => l.TokensPerMinutePerAddress, TimeSpan.FromMinutes(1)));
        });
        return builder;
    }

    /// <summary>The client's address: the connection's, or the one a trusted proxy forwarded (see ForwardedHeaders).</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> Partition(
        HttpContext http, Lazy<IConnectionMultiplexer>? redis, string policy, string subject,
        Func<RateLimitOptions, int> limit, TimeSpan window)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var settings = http.RequestServices.GetRequiredService<IOptions<PlacementBrokerOptions>>().Value.RateLimits;
        var permits = limit(settings);
        var key = $"{settings.RedisKeyPrefix}:{policy}:{subject}";
        var local = new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 };
        if (redis is null)
        {
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => local);
        }
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AbuseLimits));
        return RateLimitPartition.Get(key, k => new SharedOrLocalLimiter(
            new RedisFixedWindowRateLimiter<string>(k, new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis.Value,
                PermitLimit = permits,
                Window = window,
            }),
            new FixedWindowRateLimiter(local), () => redis.Value.IsConnected, logger));
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = RetryAfterSeconds(context.Lease);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (HostingExtensions.IsMachineRequest(http))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"Too many of these requests in a short time. Try again in {seconds} seconds.",
                },
            });
        }
        // Pages: an empty 429 is re-executed as the GOV.UK error page (/error/429).
    }

    /// <summary>The in-memory limiters give a TimeSpan; RedisRateLimiting gives whole seconds.</summary>
    private static int RetryAfterSeconds(RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter.Name, out var value))
        {
            var seconds = value switch
            {
                TimeSpan span => (int)Math.Ceiling(span.TotalSeconds),
                int whole => whole,
                long whole => (int)whole,
                _ => 60,
            };
            return Math.Max(1, seconds);
        }
        return 60;
    }

    /// <summary>
    /// Counts in Redis, shared by every node; while Redis cannot be reached, counts on this node instead, so an outage
    /// of Redis neither fails requests nor lifts the limits.
    /// </summary>
    private sealed class SharedOrLocalLimiter(RateLimiter shared, RateLimiter local, Func<bool> redisConnected, ILogger logger) : RateLimiter
    {
        public override TimeSpan? IdleDuration => local.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

        /// <summary>Redis cannot be asked synchronously: the middleware then asks again through <see cref="AcquireAsyncCore"/>.</summary>
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => NotYet.Instance;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            if (!redisConnected())
            {
                // Without waiting for a command to time out while Redis is away.
                logger.LogWarning("Redis is not connected: abuse limits count on this node only");
                return await local.AcquireAsync(permitCount, cancellationToken);
            }
            try
            {
                return await shared.AcquireAsync(permitCount, cancellationToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
            {
                logger.LogWarning(e, "Redis is unavailable: abuse limits count on this node only");
                return await local.AcquireAsync(permitCount, cancellationToken);
            }
        }

        private sealed class NotYet : RateLimitLease
        {
            public static readonly NotYet Instance = new();
            public override bool IsAcquired => false;
            public override IEnumerable<string> MetadataNames => [];
            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = null;
                return false;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                shared.Dispose();
                local.Dispose();
            }
            base.Dispose(disposing);
        }

        protected override async ValueTask DisposeAsyncCore()
        {
            await shared.DisposeAsync();
            await local.DisposeAsync();
        }
    }
}
