namespace PlacementBroker.Core.Sufficiency;

/// <summary>Each provider's scorecard: how it answers referrals, how its offers fare, how its placements last, and its QA history.</summary>
public class ProviderPerformanceService(PlacementBrokerDbContext db)
{
    /// <summary>The providers on the lots of the commissioner's DPSs (led or shared), or, for a provider, its own scorecard.</summary>
    public async Task<Outcome<List<ProviderPerformance>>> ScorecardsAsync(Actor actor, Guid? providerId, CancellationToken ct = default)
    {
        List<Guid> ids;
        if (actor.Role == Role.ProviderUser)
        {
            if (providerId is { } asked && asked != actor.ProviderId)
            {
                return Outcome<List<ProviderPerformance>>.NotFound("No such provider.");
            }
            ids = [actor.ProviderId!.Value];
        }
        else if (actor.Role == Role.Commissioner && actor.LocalAuthorityId is { } la)
        {
            var lots = db.Lots.VisibleTo(la).Select(l => l.Id);
            var members = db.LotMemberships.Where(m => lots.Contains(m.LotId)).Select(m => m.ProviderId).Distinct();
            ids = providerId is { } one
                ? await members.Where(id => id == one).ToListAsync(ct)
                : await members.ToListAsync(ct);
            if (providerId is not null && ids.Count == 0)
            {
                return Outcome<List<ProviderPerformance>>.NotFound("No such provider on your DPSs.");
            }
        }
        else
        {
            return Outcome<List<ProviderPerformance>>.Forbidden("Provider performance is for commissioners and the provider itself.");
        }

        var names = await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var received = await db.ReferralRecipients.AsNoTracking().Where(r => ids.Contains(r.ProviderId))
            .Select(r => new
            {
                r.ProviderId, r.NotifiedAt, r.DeclinedAt,
                FirstOffer = db.Offers.Where(o => o.ReferralId == r.ReferralId && o.ProviderId == r.ProviderId).Min(o => (DateTime?)o.CreatedAt),
            })
            .ToListAsync(ct);
        var offers = await db.Offers.AsNoTracking().Where(o => ids.Contains(o.ProviderId) && o.Status != OfferStatus.Withdrawn)
            .GroupBy(o => o.ProviderId).Select(g => new { ProviderId = g.Key, Count = g.Count(), Accepted = g.Count(o => o.Status == OfferStatus.Accepted) })
            .ToListAsync(ct);
        var placements = await db.Placements.AsNoTracking().Where(p => ids.Contains(p.ProviderId))
            .Select(p => new { p.ProviderId, p.Status, p.StartDate, p.EndDate, p.EndReason }).ToListAsync(ct);
        var flags = await db.QaFlags.AsNoTracking().Where(f => ids.Contains(f.ProviderId))
            .GroupBy(f => f.ProviderId).Select(g => new { ProviderId = g.Key, Open = g.Count(f => f.Status == FlagStatus.Open), Raised = g.Count() }).ToListAsync(ct);
        var visits = await db.QaVisits.AsNoTracking().Where(v => ids.Contains(v.ProviderId))
            .GroupBy(v => v.ProviderId).Select(g => new { ProviderId = g.Key, Count = g.Count(), Last = g.Max(v => v.VisitDate) }).ToListAsync(ct);

        // One pass over each result: a DPS's providers times their referrals is too many rows to scan per provider.
        var receivedBy = received.ToLookup(r => r.ProviderId);
        var placementsBy = placements.ToLookup(p => p.ProviderId);
        var offersBy = offers.ToDictionary(o => o.ProviderId);
        var flagsBy = flags.ToDictionary(f => f.ProviderId);
        var visitsBy = visits.ToDictionary(v => v.ProviderId);
        return Outcome<List<ProviderPerformance>>.Success([.. ids.Select(id =>
        {
            var mine = receivedBy[id].ToList();
            var responses = mine.Select(r => new[] { r.FirstOffer, r.DeclinedAt }.Where(t => t is not null).Min() is { } at ? (decimal?)(decimal)(at - r.NotifiedAt).TotalHours : null)
                .Where(h => h is not null).Select(h => h!.Value).ToList();
            var offered = offersBy.GetValueOrDefault(id);
            var placed = placementsBy[id].ToList();
            var ended = placed.Where(p => p.Status == PlacementStatus.Ended && p.EndDate is not null).ToList();
            var flag = flagsBy.GetValueOrDefault(id);
            var visit = visitsBy.GetValueOrDefault(id);
            return new ProviderPerformance(id, names.GetValueOrDefault(id, ""), mine.Count, responses.Count, Statistics.Percent(responses.Count, mine.Count),
                Statistics.Median(responses), offered?.Count ?? 0, offered?.Accepted ?? 0, Statistics.Percent(offered?.Accepted ?? 0, offered?.Count ?? 0),
                placed.Count, ended.Count, ended.Count(p => PlacementRules.DisruptedEarly(p.EndReason, p.StartDate, p.EndDate!.Value)),
                flag?.Open ?? 0, flag?.Raised ?? 0, visit?.Count ?? 0, visit?.Last);
        }).OrderBy(p => p.ProviderName).ThenBy(p => p.ProviderId)]);
    }
}
