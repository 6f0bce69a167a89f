namespace PlacementBroker.Core.Referrals;

// The live events of the contract's hub. Payloads carry exactly the contract's fields: nothing identifying.
public sealed record ReferralReceivedEvent(
    Guid ReferralId, Guid LotId, Urgency Urgency, DateOnly StartDate, int AgeYears, Gender Gender, IReadOnlyList<Need> Needs, string Area,
    DateTime OfferDeadline);

public sealed record ReferralClosedEvent(Guid ReferralId, ReferralStatus Status);

public sealed record OfferReceivedEvent(Guid ReferralId, Guid OfferId, string ProviderName, decimal WeeklyPrice, int Rank, int Score);

public sealed record OfferUpdatedEvent(Guid ReferralId, Guid OfferId, OfferStatus Status, int Rank);

public sealed record PlacementConfirmedEvent(Guid ReferralId, Guid OfferId, Guid PlacementId);

public sealed record ApprovalRequestedEvent(Guid ApprovalId, Guid ReferralId, IReadOnlyList<string> Reasons);

/// <summary>Tells connected people what changed. Called after the change is saved; delivery is best effort, the API is the record.</summary>
public interface IMarketplaceNotifier
{
    Task ReferralReceivedAsync(IReadOnlyCollection<Guid> providerIds, ReferralReceivedEvent payload);

    Task ReferralClosedAsync(IReadOnlyCollection<Guid> providerIds, ReferralClosedEvent payload);

    /// <summary>To the referral's creator and everyone of the authority watching it.</summary>
    Task OfferReceivedAsync(Guid creatorUserId, OfferReceivedEvent payload);

    Task OfferUpdatedAsync(Guid creatorUserId, OfferUpdatedEvent payload);

    /// <summary>To the users of the placed provider.</summary>
    Task PlacementConfirmedAsync(Guid providerId, PlacementConfirmedEvent payload);

    /// <summary>To the authority's placement managers: an offer waits for their approval.</summary>
    Task ApprovalRequestedAsync(IReadOnlyCollection<Guid> managerUserIds, ApprovalRequestedEvent payload);

    /// <summary>To the referral's creator and everyone of the authority watching it: a provider asked a question.</summary>
    Task QuestionAskedAsync(Guid creatorUserId, Sharing.QuestionAskedEvent payload);

    /// <summary>To the users of the providers the answer goes to: the one that asked, or every recipient.</summary>
    Task QuestionAnsweredAsync(IReadOnlyCollection<Guid> providerIds, Sharing.QuestionAnsweredEvent payload);
}
