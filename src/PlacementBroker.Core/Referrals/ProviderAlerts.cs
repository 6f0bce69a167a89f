namespace PlacementBroker.Core.Referrals;

/// <summary>A provider chooses to be alerted live for every referral, or only for those that fit its vacancies.</summary>
public class ProviderAlerts(PlacementBrokerDbContext db, AuditTrail audit)
{
    /// <summary>Whether the caller's provider is alerted live for every referral (false: only for those that fit).</summary>
    public async Task<bool> GetAsync(Actor actor, CancellationToken ct = default) =>
        actor.ProviderId is { } providerId
        && await db.Providers.Where(p => p.Id == providerId).Select(p => p.AlertForEveryReferral).SingleOrDefaultAsync(ct);

    public async Task<bool> SetAsync(Actor actor, bool alertForEveryReferral, CancellationToken ct = default)
    {
        var provider = await db.Providers.SingleAsync(p => p.Id == actor.ProviderId, ct);
        provider.AlertForEveryReferral = alertForEveryReferral;
        audit.Record(actor, "ReferralAlertsChanged", "Provider", provider.Id, alertForEveryReferral ? "every referral" : "referrals that fit");
        await db.SaveChangesAsync(ct);
        return provider.AlertForEveryReferral;
    }
}
