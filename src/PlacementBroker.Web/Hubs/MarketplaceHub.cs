using Microsoft.AspNetCore.SignalR;

namespace PlacementBroker.Web.Hubs;

/// <summary>
/// The live marketplace. A connection joins groups derived from its authenticated user only: the provider it
/// works for, the authority it works for, and itself. Nothing the client sends changes its groups.
/// </summary>
[Authorize]
public class MarketplaceHub(ReferralService referrals) : Hub
{
    public const string Path = "/hubs/marketplace";
    public const string ConnectedEvent = "connected";

    public static string ProviderGroup(Guid providerId) => $"provider:{providerId}";
    public static string AuthorityGroup(Guid localAuthorityId) => $"authority:{localAuthorityId}";
    public static string UserGroup(Guid userId) => $"user:{userId}";
    public static string ReferralGroup(Guid referralId) => $"referral:{referralId}";

    /// <summary>Follow a referral's offers live. Only the owning authority's officers and managers may.</summary>
    public async Task WatchReferral(Guid referralId)
    {
        var actor = Context.GetHttpContext()!.ToActor();
        if (!await referrals.IsOwnAsync(actor, referralId))
        {
            throw new HubException("You cannot watch that referral.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, ReferralGroup(referralId));
    }

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        if (user.GetUserId() is { } userId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(userId));
        }
        if (user.GetProviderId() is { } providerId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ProviderGroup(providerId));
        }
        if (user.GetLocalAuthorityId() is { } authorityId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AuthorityGroup(authorityId));
        }
        await base.OnConnectedAsync();
        // Tells the client its subscriptions are in place: events raised from now on will reach it.
        await Clients.Caller.SendAsync(ConnectedEvent, new { connected = true });
    }
}
