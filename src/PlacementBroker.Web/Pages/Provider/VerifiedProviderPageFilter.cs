using Microsoft.AspNetCore.Mvc.Filters;

namespace PlacementBroker.Web.Pages.Provider;

/// <summary>
/// The provider pages that show referrals, lots and councils' data: an unverified organisation's users are sent to their
/// organisation page, whose banner says why and offers a new confirmation link.
/// </summary>
public sealed class VerifiedProviderPageFilter : IAsyncPageFilter
{
    public static readonly string[] Folders = ["/Provider/Referrals", "/Provider/Applications", "/Provider/Dps", "/Provider/Memberships", "/Provider/Performance", "/Provider/Contracts", "/Provider/Uplifts"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true
            && await http.RequestServices.GetRequiredService<ProviderVerification>().RefusalAsync(http.ToActor(), http.RequestAborted) is not null)
        {
            context.Result = new RedirectToPageResult("/Provider/Organisation/Index");
            return;
        }
        await next();
    }
}
