namespace PlacementBroker.Web.Pages.Shared;

/// <summary>
/// What a commissioner weighs when deciding an application: the provider's settings with their Ofsted grades, and its QA
/// status with the reasons. It is about the provider only (the QA profile every council may read), never about a child.
/// </summary>
public class ProviderStandingViewComponent(QualityService quality) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid providerId) =>
        await quality.ProfileAsync(providerId, HttpContext.RequestAborted) is { } profile ? View(profile) : Content("");
}
