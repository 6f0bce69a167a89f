namespace PlacementBroker.Web.Pages.Shared;

/// <summary>On every page a provider user sees until their organisation is verified: what it cannot do yet, and a new link.</summary>
public class VerificationBannerViewComponent(ProviderVerification verification) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            // An error page (perhaps for a database that is down) asks nothing more of the database.
            return Content("");
        }
        var status = await verification.StatusAsync(HttpContext.ToActor(), HttpContext.RequestAborted);
        return status is null || status.Verified ? Content("") : View(status);
    }
}
