namespace PlacementBroker.Web.Pages.Provider.Referrals;

/// <summary>A page on one referral sent to the provider, as the provider sees it (anonymised); any other id is the not-found page.</summary>
public abstract class ProviderReferralPageModel(OfferService offers) : ProviderPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public ProviderReferralView Referral { get; private set; } = null!;

    protected OfferService Offers => offers;

    /// <summary>The referral, and what else the page shows with it; false when it was not sent to the provider.</summary>
    protected virtual async Task<bool> LoadAsync()
    {
        if ((await offers.InboxAsync(Actor, Id, Aborted)).SingleOrDefault() is not { } referral)
        {
            return false;
        }
        Referral = referral;
        return true;
    }
}
