using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Pages;

/// <summary>
/// How pages link. A link to a page names the page, never its address: <c>asp-page="/Referrals/Show" asp-route-id="@r.Id"</c>
/// on an anchor, form or button, <c>Url.Page(...)</c> where a string is needed, <c>RedirectToPage(...)</c> from a handler;
/// the address comes from the page's <c>@page "..."</c> route. Only the few addresses that are not Razor pages are written
/// here, once.
/// </summary>
public static class Links
{
    /// <summary>The API reference (Swagger UI).</summary>
    public const string ApiDocs = "/api-docs";

    /// <summary>The background jobs dashboard (Hangfire), for platform admins.</summary>
    public const string Jobs = JobsExtensions.DashboardPath;

    /// <summary>The addresses pages link to that are not Razor pages (besides static files).</summary>
    public static IReadOnlyList<string> NotPages { get; } = [ApiDocs, Jobs];
}
