using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;

namespace PlacementBroker.Core.Referrals;

/// <summary>A provider chooses to be alerted live for every referral, or only for those that fit its vacancies.</summary>
public class ProviderAlerts(PlacementBrokerDbContext db, AuditTrail audit)
{
    public async Task<bool> SetAsync(Actor actor, bool alertForEveryReferral, CancellationToken ct = default)
    {
        var provider = await db.Providers.SingleAsync(p => p.Id == actor.ProviderId, ct);
        provider.AlertForEveryReferral = alertForEveryReferral;
        audit.Record(actor, "ReferralAlertsChanged", "Provider", provider.Id, alertForEveryReferral ? "every referral" : "referrals that fit");
        await db.SaveChangesAsync(ct);
        return provider.AlertForEveryReferral;
    }
}
