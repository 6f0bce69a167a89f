using Microsoft.AspNetCore.SignalR;

namespace PlacementBroker.Web.Hubs;

/// <summary>
/// Sends the contract's events through the hub. Delivery is best effort and at least once: a client watching a
/// referral it created may hear an offer event twice, so clients treat events as "refresh this offer".
/// </summary>
public class HubMarketplaceNotifier(IHubContext<MarketplaceHub> hub, ILogger<HubMarketplaceNotifier> logger) : IMarketplaceNotifier
{
    public Task ReferralReceivedAsync(IReadOnlyCollection<Guid> providerIds, ReferralReceivedEvent payload) =>
        SendAsync(providerIds.Select(MarketplaceHub.ProviderGroup), "referralReceived", payload);

    public Task ReferralClosedAsync(IReadOnlyCollection<Guid> providerIds, ReferralClosedEvent payload) =>
        SendAsync(providerIds.Select(MarketplaceHub.ProviderGroup), "referralClosed", payload);

    public Task OfferReceivedAsync(Guid creatorUserId, OfferReceivedEvent payload) =>
        SendAsync([MarketplaceHub.UserGroup(creatorUserId), MarketplaceHub.ReferralGroup(payload.ReferralId)], "offerReceived", payload);

    public Task OfferUpdatedAsync(Guid creatorUserId, OfferUpdatedEvent payload) =>
        SendAsync([MarketplaceHub.UserGroup(creatorUserId), MarketplaceHub.ReferralGroup(payload.ReferralId)], "offerUpdated", payload);

    public Task PlacementConfirmedAsync(Guid providerId, PlacementConfirmedEvent payload) =>
        SendAsync([MarketplaceHub.ProviderGroup(providerId)], "placementConfirmed", payload);

    public Task ApprovalRequestedAsync(IReadOnlyCollection<Guid> managerUserIds, ApprovalRequestedEvent payload) =>
        SendAsync(managerUserIds.Select(MarketplaceHub.UserGroup), "approvalRequested", payload);

    public Task QuestionAskedAsync(Guid creatorUserId, Core.Sharing.QuestionAskedEvent payload) =>
        SendAsync([MarketplaceHub.UserGroup(creatorUserId), MarketplaceHub.ReferralGroup(payload.ReferralId)], "questionAsked", payload);

    public Task QuestionAnsweredAsync(IReadOnlyCollection<Guid> providerIds, Core.Sharing.QuestionAnsweredEvent payload) =>
        SendAsync(providerIds.Select(MarketplaceHub.ProviderGroup), "questionAnswered", payload);

    private async Task SendAsync(IEnumerable<string> groups, string name, object payload)
    {
        var list = groups.ToList();
        if (list.Count == 0)
        {
            return;
        }
        try
        {
            await hub.Clients.Groups(list).SendAsync(name, payload);
        }
        catch (Exception e)
        {
            // The change is saved; clients catch up through the API. A dropped notice must not fail the request.
            logger.LogWarning(e, "Could not send {Event} to {Groups} groups", name, list.Count);
        }
    }
}
