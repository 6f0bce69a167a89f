using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Pages;

/// <summary>
/// How pages link. A link to a page names the page, never its address: <c>asp-page="/Referrals/Show" asp-route-id="@r.Id"</c>
/// on an anchor, form or button, <c>Url.Page(...)</c> where a string is needed, <c>RedirectToPage(...)</c> from a handler or
/// a filter; the address comes from the page's <c>@page "..."</c> route. Only the few addresses that are not Razor pages are
/// written here, once.
/// <para>
/// Three addresses of pages stay written as strings, each because no request's URL helper can build it:
/// the absolute links in emails and the payout return address given to Stripe (<c>PublicUrls.For("/account/reset-password")</c>
/// in Account/ForgotPassword, <c>PublicUrls.For("/provider/invoices")</c> in Provider/Invoices) are built on the configured
/// public address, not on the request's; and <see cref="SignInCodeModel.EnrolPath"/> is read by the sign-in cookie's check
/// in Auth/, which runs before any page. PageLinkTests fails on any other address written in Pages/ and checks that these
/// lead to the page they name.
/// </para>
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
