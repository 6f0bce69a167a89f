namespace PlacementBroker.Web.Hosting;

public static class SecurityHeaders
{
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    // The jobs dashboard and the API reference are third-party pages that use inline scripts and styles.
    private const string ToolPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = path.StartsWithSegments(JobsExtensions.DashboardPath) || path.StartsWithSegments("/api-docs")
            ? ToolPolicy
            : StrictPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await next();
    });
}

public static class NoStoreWhenSignedIn
{
    /// <summary>
    /// Every answer to a signed-in request (page or API, cookie or token) is <c>Cache-Control: no-store</c>: such answers
    /// may carry a child's identity (referrals, placements, agreements), and neither a shared cache nor the browser's
    /// history may keep them. Marking all of them, rather than the pages known to hold personal data, cannot miss a new one.
    /// </summary>
    public static IApplicationBuilder UseNoStoreWhenSignedIn(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        }
        await next();
    });
}
