namespace PlacementBroker.Web.Pages.Provider;

/// <summary>A provider's page: the signed-in user's provider.</summary>
public abstract class ProviderPageModel : PlacementBrokerPageModel
{
    /// <summary>Every page in /Provider requires the ProviderUser policy, which requires the provider claim.</summary>
    protected Guid ProviderId => User.GetProviderId() ?? throw new InvalidOperationException("The signed-in user has no provider.");
}
