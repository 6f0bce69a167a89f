using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Referrals;

namespace PlacementBroker.Core.Matching;

/// <summary>
/// Gathers candidates for the engine from the database. The database does the coarse, indexed filtering (the
/// lot, open vacancies, admitted providers, a bounding box round home); the engine decides the exact rules
/// and the order on what is left, so nothing loads every vacancy of the country.
/// </summary>
public class MatchService(PlacementBrokerDbContext db, IQaStatusSource qa, IPriceBenchmarks prices)
{
    public const int MaxMatches = 200;

    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > on ? age - 1 : age;
    }

    public static ReferralCriteria Criteria(Referral r)
    {
        var needs = r.Needs.Union(r.MustHaveNeeds).ToHashSet();
        var mustHave = r.MustHaveNeeds.ToHashSet();
        return new ReferralCriteria(r.LotId, AgeOn(r.ChildDateOfBirth, r.StartDate), r.ChildGender, r.SiblingGroupSize, mustHave,
            needs.Except(mustHave).ToHashSet(), r.HomeLatitude, r.HomeLongitude, r.MaxDistanceMiles, r.OutOfAreaRequired, r.WeeklyBudget, r.StartDate);
    }

    /// <summary>The open vacancies of the referral's lot near enough to matter, ranked; eligible ones first.</summary>
    public async Task<IReadOnlyList<MatchResult>> MatchVacanciesAsync(Referral referral, CancellationToken ct = default)
    {
        var candidates = await VacancyCandidatesAsync(referral, providerIds: null, ct);
        var ranked = MatchingEngine.Rank(Criteria(referral), candidates, await prices.ForReferralAsync(referral.LotId, referral.NeedsBand, ct), await WeightsAsync(referral.LotId, ct));
        return [.. ranked.Take(MaxMatches)];
    }

    /// <summary>For each provider, its vacancies that are eligible for the referral: which referrals "fit" a provider.</summary>
    public async Task<Dictionary<Guid, List<Guid>>> EligibleVacanciesByProviderAsync(Referral referral, IReadOnlyCollection<Guid>? providerIds = null, CancellationToken ct = default)
    {
        var candidates = await VacancyCandidatesAsync(referral, providerIds, ct);
        var benchmarks = await prices.ForReferralAsync(referral.LotId, referral.NeedsBand, ct);
        var criteria = Criteria(referral);
        return candidates.Select(c => MatchingEngine.Evaluate(criteria, c, benchmarks.For(c.Region)))
            .Where(m => m.Eligible)
            .GroupBy(m => m.Candidate.ProviderId)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Candidate.Id).ToList());
    }

    /// <summary>The referral's live offers ranked. Distance beyond the maximum asks for approval rather than hiding the offer.</summary>
    public async Task<IReadOnlyList<MatchResult>> RankOffersAsync(Referral referral, CancellationToken ct = default)
    {
        var offers = await db.Offers.AsNoTracking()
            .Where(o => o.ReferralId == referral.Id && o.Status != OfferStatus.Withdrawn)
            .Join(db.Vacancies, o => o.VacancyId, v => v.Id, (o, v) => new { Offer = o, Vacancy = v })
            .Join(db.Settings, x => x.Offer.SettingId, s => s.Id, (x, s) => new { x.Offer, x.Vacancy, Setting = s })
            .ToListAsync(ct);
        var providerIds = offers.Select(o => o.Offer.ProviderId).Distinct().ToList();
        var admitted = await AdmittedProvidersAsync(referral.LotId, providerIds, ct);
        var statuses = await qa.ForProvidersAsync(providerIds, ct);
        var rates = await ResponseRatesAsync(providerIds, ct);
        var stability = await StabilityAsync(providerIds, ct);
        var candidates = offers.Select(o => new MatchCandidate(
            o.Offer.Id, o.Offer.ProviderId, o.Setting.Id, o.Vacancy.LotId, admitted.Contains(o.Offer.ProviderId), statuses.GetValueOrDefault(o.Offer.ProviderId),
            // Places held for other decisions are not free; those held for this very offer still count.
            o.Vacancy.Places - o.Vacancy.PlacesHeld + (o.Offer.Status == OfferStatus.PendingApproval ? referral.SiblingGroupSize : 0), o.Setting.RegisteredPlaces, o.Vacancy.AgeMin, o.Vacancy.AgeMax, o.Vacancy.Genders, o.Vacancy.NeedsMet,
            o.Setting.OfstedGrade, o.Setting.Latitude, o.Setting.Longitude, o.Offer.WeeklyPrice, o.Offer.StartDate, rates.GetValueOrDefault(o.Offer.ProviderId),
            stability.GetValueOrDefault(o.Offer.ProviderId), o.Setting.Region));
        return MatchingEngine.Rank(Criteria(referral), candidates, await prices.ForReferralAsync(referral.LotId, referral.NeedsBand, ct), await WeightsAsync(referral.LotId, ct),
            distanceIsHardRule: false);
    }

    private async Task<List<MatchCandidate>> VacancyCandidatesAsync(Referral referral, IReadOnlyCollection<Guid>? providerIds, CancellationToken ct)
    {
        var lotId = referral.LotId;
        var query = db.Vacancies.AsNoTracking()
            .Where(v => v.LotId == lotId && v.Status == VacancyStatus.Open && v.Setting!.ClosedAt == null)
            .Where(v => db.LotMemberships.Any(m => m.LotId == lotId && m.ProviderId == v.ProviderId && m.Status == MembershipStatus.Admitted));
        if (providerIds is not null)
        {
            query = query.Where(v => providerIds.Contains(v.ProviderId));
        }
        if (!referral.OutOfAreaRequired && referral.HomeLatitude is { } lat && referral.HomeLongitude is { } lon)
        {
            // Half as far again as the maximum: near misses stay visible to the officer, with the reason.
            var (minLat, maxLat, minLon, maxLon) = Distance.BoundingBox(lat, lon, referral.MaxDistanceMiles * 1.5);
            query = query.Where(v => v.Setting!.Latitude >= minLat && v.Setting.Latitude <= maxLat
                && v.Setting.Longitude >= minLon && v.Setting.Longitude <= maxLon);
        }
        var rows = await query
            .Select(v => new
            {
                v.Id, v.ProviderId, v.SettingId, v.LotId, Places = v.Places - v.PlacesHeld, v.Setting!.RegisteredPlaces, v.AgeMin, v.AgeMax, v.Genders, v.NeedsMet,
                v.Setting.OfstedGrade, v.Setting.Latitude, v.Setting.Longitude, v.WeeklyPrice, v.AvailableFrom, v.Setting.Region,
            })
            .Take(5000)
            .ToListAsync(ct);
        var ids = rows.Select(r => r.ProviderId).Distinct().ToList();
        var statuses = await qa.ForProvidersAsync(ids, ct);
        var rates = await ResponseRatesAsync(ids, ct);
        var stability = await StabilityAsync(ids, ct);
        return [.. rows.Select(v => new MatchCandidate(v.Id, v.ProviderId, v.SettingId, v.LotId, true, statuses.GetValueOrDefault(v.ProviderId),
            v.Places, v.RegisteredPlaces, v.AgeMin, v.AgeMax, v.Genders, v.NeedsMet, v.OfstedGrade, v.Latitude, v.Longitude, v.WeeklyPrice,
            v.AvailableFrom, rates.GetValueOrDefault(v.ProviderId), stability.GetValueOrDefault(v.ProviderId), v.Region))];
    }

    private async Task<HashSet<Guid>> AdmittedProvidersAsync(Guid lotId, IReadOnlyCollection<Guid> providerIds, CancellationToken ct) =>
        [.. await db.LotMemberships.AsNoTracking()
            .Where(m => m.LotId == lotId && m.Status == MembershipStatus.Admitted && providerIds.Contains(m.ProviderId))
            .Select(m => m.ProviderId).ToListAsync(ct)];

    /// <summary>The share of referrals received that a provider answered (offered or declined), once it has had five.</summary>
    private async Task<Dictionary<Guid, double?>> ResponseRatesAsync(IReadOnlyCollection<Guid> providerIds, CancellationToken ct)
    {
        var received = await db.ReferralRecipients.AsNoTracking()
            .Where(r => providerIds.Contains(r.ProviderId))
            .GroupBy(r => r.ProviderId)
            .Select(g => new
            {
                ProviderId = g.Key,
                Received = g.Count(),
                Declined = g.Count(r => r.DeclinedAt != null),
                Offered = g.Count(r => db.Offers.Any(o => o.ReferralId == r.ReferralId && o.ProviderId == r.ProviderId)),
            })
            .ToListAsync(ct);
        return received.Where(r => r.Received >= 5)
            .ToDictionary(r => r.ProviderId, r => (double?)Math.Min(1.0, (r.Declined + r.Offered) / (double)r.Received));
    }

    /// <summary>The share of a provider's ended placements that did not end in disruption within 12 weeks, once it has three.</summary>
    private async Task<Dictionary<Guid, double?>> StabilityAsync(IReadOnlyCollection<Guid> providerIds, CancellationToken ct)
    {
        var ended = await db.Placements.AsNoTracking()
            .Where(p => providerIds.Contains(p.ProviderId) && p.Status == Placements.PlacementStatus.Ended && p.EndDate != null)
            .Select(p => new { p.ProviderId, p.StartDate, EndDate = p.EndDate!.Value, p.EndReason })
            .ToListAsync(ct);
        return ended.GroupBy(p => p.ProviderId).Where(g => g.Count() >= 3)
            .ToDictionary(g => g.Key, g => (double?)(1.0 - (double)g.Count(p => Placements.PlacementRules.DisruptedEarly(p.EndReason, p.StartDate, p.EndDate)) / g.Count()));
    }

    private async Task<RankingWeights> WeightsAsync(Guid lotId, CancellationToken ct)
    {
        var weights = await db.Lots.AsNoTracking().Where(l => l.Id == lotId).Select(l => l.Dps!.Weights).SingleOrDefaultAsync(ct);
        return weights?.ToWeights() ?? RankingWeights.Default;
    }
}
