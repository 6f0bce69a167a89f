using Microsoft.Extensions.Options;

namespace PlacementBroker.Core.Matching;

/// <summary>
/// Gathers candidates for the engine from the database. The database does the coarse, indexed filtering (the
/// lot, open vacancies, admitted providers, a bounding box round home); the engine decides the exact rules
/// and the order on what is left, so nothing loads every vacancy of the country.
/// </summary>
/// <param name="trackRecords">Where providers' track records are kept a short while (<see cref="TrackRecordCache"/>); without it they are read every time.</param>
public class MatchService(PlacementBrokerDbContext db, IQaStatusSource qa, IPriceBenchmarks prices, IOptions<MatchingOptions>? options = null,
    TrackRecordCache? trackRecords = null)
{
    public const int MaxMatches = 200;

    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>The most vacancies considered for one referral's potential matches: the nearest first.</summary>
    private readonly int _candidateLimit = Math.Max(1, options?.Value.CandidateLimit ?? MatchingOptions.DefaultCandidateLimit);

    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > on ? age - 1 : age;
    }

    public static ReferralCriteria Criteria(Referral r, PlacementType? placementType = null)
    {
        var needs = r.Needs.Union(r.MustHaveNeeds).ToHashSet();
        var mustHave = r.MustHaveNeeds.ToHashSet();
        return new ReferralCriteria(r.LotId, AgeOn(r.ChildDateOfBirth, r.StartDate), r.ChildGender, r.SiblingGroupSize, mustHave,
            needs.Except(mustHave).ToHashSet(), r.HomeLatitude, r.HomeLongitude, r.MaxDistanceMiles, r.OutOfAreaRequired, r.WeeklyBudget, r.StartDate,
            placementType);
    }

    /// <summary>The referral's criteria with its lot's placement type, so the law on age is applied.</summary>
    public async Task<ReferralCriteria> CriteriaAsync(Referral referral, CancellationToken ct = default) =>
        (await CriteriaAndWeightsAsync(referral, ct)).Criteria;

    /// <summary>The open vacancies of the referral's lot near enough to matter, ranked; eligible ones first.</summary>
    public async Task<IReadOnlyList<MatchResult>> MatchVacanciesAsync(Referral referral, CancellationToken ct = default) =>
        (await PotentialMatchesAsync(referral, ct)).Matches;

    /// <summary>
    /// The potential matches and how many vacancies they were chosen from. When more vacancies qualify than the limit,
    /// the nearest to the child's home are considered (then by id, so the cut is the same every time), and the answer
    /// says how many there were in all.
    /// </summary>
    public async Task<PotentialMatches> PotentialMatchesAsync(Referral referral, CancellationToken ct = default)
    {
        var query = VacancyQuery(referral, providerIds: null);
        var rows = await Nearest(query, referral).Take(_candidateLimit + 1).ToListAsync(ct);
        var found = rows.Count;
        if (rows.Count > _candidateLimit)
        {
            rows.RemoveAt(rows.Count - 1);
            found = await query.CountAsync(ct);
        }
        var candidates = await CandidatesAsync(rows, ct);
        var (criteria, weights) = await CriteriaAndWeightsAsync(referral, ct);
        var ranked = MatchingEngine.Rank(criteria, candidates, await BenchmarksAsync(referral, ct), weights,
            limit: MaxMatches);
        return new PotentialMatches(ranked, rows.Count, found);
    }

    /// <summary>
    /// For each provider, its vacancies that are eligible for the referral: which referrals "fit" a provider. Every
    /// candidate is judged, in batches, so no provider's vacancy is left out by a cut.
    /// </summary>
    public async Task<Dictionary<Guid, List<Guid>>> EligibleVacanciesByProviderAsync(Referral referral, IReadOnlyCollection<Guid>? providerIds = null, CancellationToken ct = default)
    {
        var criteria = await CriteriaAsync(referral, ct);
        var ordered = Nearest(VacancyQuery(referral, providerIds), referral);
        var eligible = new List<MatchCandidate>();
        for (var skip = 0; ; skip += _candidateLimit)
        {
            var rows = await ordered.Skip(skip).Take(_candidateLimit).ToListAsync(ct);
            eligible.AddRange((await CandidatesAsync(rows, ct))
                .Where(c => MatchingEngine.IsEligible(criteria, c)));
            if (rows.Count < _candidateLimit)
            {
                break;
            }
        }
        return eligible.GroupBy(c => c.ProviderId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList());
    }

    /// <summary>The referral's live offers ranked. Distance beyond the maximum asks for approval rather than hiding the offer.</summary>
    public async Task<IReadOnlyList<MatchResult>> RankOffersAsync(Referral referral, CancellationToken ct = default)
    {
        // Only the columns ranking reads, not the three whole rows.
        var offers = await db.Offers.AsNoTracking()
            .Where(o => o.ReferralId == referral.Id && o.Status != OfferStatus.Withdrawn)
            .Join(db.Vacancies, o => o.VacancyId, v => v.Id, (o, v) => new { o.Id, o.ProviderId, o.SettingId, o.Status, o.WeeklyPrice, o.StartDate,
                v.LotId, v.Places, v.PlacesHeld, v.AgeMin, v.AgeMax, v.Genders, v.NeedsMet })
            .Join(db.Settings, x => x.SettingId, s => s.Id, (x, s) => new { Offer = x, s.RegisteredPlaces, s.OfstedGrade, s.Latitude, s.Longitude, s.Region })
            .ToListAsync(ct);
        var providerIds = offers.Select(o => o.Offer.ProviderId).Distinct().ToList();
        var admitted = await AdmittedProvidersAsync(referral.LotId, providerIds, ct);
        var statuses = await qa.ForProvidersAsync(providerIds, ct);
        var records = await TrackRecordsAsync(providerIds, ct);
        var candidates = offers.Select(o => new MatchCandidate(
            o.Offer.Id, o.Offer.ProviderId, o.Offer.SettingId, o.Offer.LotId, admitted.Contains(o.Offer.ProviderId), statuses.GetValueOrDefault(o.Offer.ProviderId),
            // Places held for other decisions are not free; those held for this very offer, or taken by its placement, still count.
            o.Offer.Places - o.Offer.PlacesHeld + (o.Offer.Status is OfferStatus.PendingApproval or OfferStatus.Accepted ? referral.SiblingGroupSize : 0), o.RegisteredPlaces, o.Offer.AgeMin, o.Offer.AgeMax, o.Offer.Genders, o.Offer.NeedsMet,
            o.OfstedGrade, o.Latitude, o.Longitude, o.Offer.WeeklyPrice, o.Offer.StartDate, records.GetValueOrDefault(o.Offer.ProviderId).ResponseRate,
            records.GetValueOrDefault(o.Offer.ProviderId).Stability, o.Region));
        var (criteria, weights) = await CriteriaAndWeightsAsync(referral, ct);
        return MatchingEngine.Rank(criteria, candidates, await BenchmarksAsync(referral, ct), weights,
            distanceIsHardRule: false);
    }

    /// <summary>
    /// Each of the provider's open vacancies in the referral's lot judged against the referral, wherever it is: what a
    /// provider is shown before it offers one, so it sees which must-have needs (or other rules) a vacancy does not meet.
    /// </summary>
    public async Task<Dictionary<Guid, MatchResult>> JudgeProviderVacanciesAsync(Referral referral, Guid providerId, CancellationToken ct = default)
    {
        var rows = await VacancyQuery(referral, [providerId], withinArea: false).OrderBy(v => v.Id).Take(_candidateLimit).ToListAsync(ct);
        var benchmarks = await BenchmarksAsync(referral, ct);
        var criteria = await CriteriaAsync(referral, ct);
        return (await CandidatesAsync(rows, ct)).ToDictionary(c => c.Id, c => MatchingEngine.Evaluate(criteria, c, benchmarks.For(c.Region)));
    }

    /// <summary>
    /// The price references the referral's offers are judged against, one per region (<see cref="PriceBenchmarkTable.For"/>).
    /// Read once per request (this service is scoped): ranking the offers and showing their benchmarks, or the offers
    /// and the potential matches of one page, judge by the same figures.
    /// </summary>
    public async Task<PriceBenchmarkTable> BenchmarksAsync(Referral referral, CancellationToken ct = default)
    {
        var key = (referral.LotId, referral.NeedsBand);
        if (!_benchmarks.TryGetValue(key, out var table))
        {
            _benchmarks[key] = table = await prices.ForReferralAsync(referral.LotId, referral.NeedsBand, ct);
        }
        return table;
    }

    private readonly Dictionary<(Guid LotId, NeedsBand Band), PriceBenchmarkTable> _benchmarks = [];
    private readonly Dictionary<Guid, (PlacementType? PlacementType, RankingWeights Weights)> _lotTerms = [];

    private IQueryable<VacancyRow> VacancyQuery(Referral referral, IReadOnlyCollection<Guid>? providerIds, bool withinArea = true)
    {
        var lotId = referral.LotId;
        var query = db.Vacancies.AsNoTracking()
            .Where(v => v.LotId == lotId && v.Status == VacancyStatus.Open && v.Setting!.ClosedAt == null
                && v.Setting.ReviewStatus == SettingReviewStatus.Approved)
            // The lot's admitted, verified providers as one set, not a look-up for each vacancy.
            .Where(v => db.LotMemberships.Where(m => m.LotId == lotId && m.Status == MembershipStatus.Admitted && m.Provider!.VerifiedAt != null)
                .Select(m => m.ProviderId).Contains(v.ProviderId));
        if (providerIds is not null)
        {
            query = query.Where(v => providerIds.Contains(v.ProviderId));
        }
        if (withinArea && !referral.OutOfAreaRequired && referral.HomeLatitude is { } lat && referral.HomeLongitude is { } lon)
        {
            // Half as far again as the maximum: near misses stay visible to the officer, with the reason.
            var (minLat, maxLat, minLon, maxLon) = Distance.BoundingBox(lat, lon, referral.MaxDistanceMiles * 1.5);
            // On SQLite, tested on the lot's vacancies (the lot's index leads): "+ 0" keeps its planner, which has no
            // statistics, off the settings' latitude index, which for a wide box (100 miles, half of England) visited every
            // vacancy of every lot of the settings in the band: 25 ms at the median but over 110 ms for the widest boxes
            // on the national data. PostgreSQL plans from its statistics, and the same "+ 0" there misled its estimate
            // into a per-setting index scan of the lot (84 ms against 3.6 ms), so it gets the plain comparison.
            query = db.Database.ProviderName == SqliteProvider
                ? query.Where(v => v.Setting!.Latitude + 0 >= minLat && v.Setting.Latitude + 0 <= maxLat
                    && v.Setting.Longitude >= minLon && v.Setting.Longitude <= maxLon)
                : query.Where(v => v.Setting!.Latitude >= minLat && v.Setting.Latitude <= maxLat
                    && v.Setting.Longitude >= minLon && v.Setting.Longitude <= maxLon);
        }
        // A member-initialised row, so the order and the cut compose onto it in SQL.
        return query.Select(v => new VacancyRow
        {
            Id = v.Id, ProviderId = v.ProviderId, SettingId = v.SettingId, LotId = v.LotId, Places = v.Places - v.PlacesHeld, RegisteredPlaces = v.Setting!.RegisteredPlaces,
            AgeMin = v.AgeMin, AgeMax = v.AgeMax, Genders = v.Genders, NeedsMet = v.NeedsMet, OfstedGrade = v.Setting.OfstedGrade,
            Latitude = v.Setting.Latitude, Longitude = v.Setting.Longitude, WeeklyPrice = v.WeeklyPrice, AvailableFrom = v.AvailableFrom, Region = v.Setting.Region,
        });
    }

    /// <summary>
    /// Nearest to the child's home first where it is known (settings without a location last), then by id: a stated,
    /// repeatable order for any cut. Distance is ranked on a flat map scaled at the home's latitude, which orders
    /// English distances as the great circle does, and runs in the database on every provider.
    /// </summary>
    private static IQueryable<VacancyRow> Nearest(IQueryable<VacancyRow> query, Referral referral)
    {
        if (referral.HomeLatitude is not { } lat || referral.HomeLongitude is not { } lon)
        {
            return query.OrderBy(v => v.Id);
        }
        var scale = Math.Cos(lat * Math.PI / 180);
        var squared = scale * scale;
        return query
            .OrderBy(v => v.Latitude == null || v.Longitude == null ? 1 : 0)
            .ThenBy(v => (v.Latitude - lat) * (v.Latitude - lat) + (v.Longitude - lon) * (v.Longitude - lon) * squared)
            .ThenBy(v => v.Id);
    }

    private async Task<List<MatchCandidate>> CandidatesAsync(List<VacancyRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.ProviderId).Distinct().ToList();
        var statuses = await qa.ForProvidersAsync(ids, ct);
        var records = await TrackRecordsAsync(ids, ct);
        return [.. rows.Select(v => new MatchCandidate(v.Id, v.ProviderId, v.SettingId, v.LotId, true, statuses.GetValueOrDefault(v.ProviderId),
            v.Places, v.RegisteredPlaces, v.AgeMin, v.AgeMax, v.Genders, v.NeedsMet, v.OfstedGrade, v.Latitude, v.Longitude, v.WeeklyPrice,
            v.AvailableFrom, records.GetValueOrDefault(v.ProviderId).ResponseRate, records.GetValueOrDefault(v.ProviderId).Stability, v.Region))];
    }

    private sealed class VacancyRow
    {
        public Guid Id { get; init; }
        public Guid ProviderId { get; init; }
        public Guid SettingId { get; init; }
        public Guid LotId { get; init; }
        public int Places { get; init; }
        public int RegisteredPlaces { get; init; }
        public int AgeMin { get; init; }
        public int AgeMax { get; init; }
        public List<Gender> Genders { get; init; } = [];
        public List<Need> NeedsMet { get; init; } = [];
        public OfstedGrade OfstedGrade { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public decimal WeeklyPrice { get; init; }
        public DateOnly AvailableFrom { get; init; }
        public EnglishRegion? Region { get; init; }
    }

    private async Task<HashSet<Guid>> AdmittedProvidersAsync(Guid lotId, IReadOnlyCollection<Guid> providerIds, CancellationToken ct) =>
        [.. await db.LotMemberships.AsNoTracking()
            .Where(m => m.LotId == lotId && m.Status == MembershipStatus.Admitted && m.Provider!.VerifiedAt != null && providerIds.Contains(m.ProviderId))
            .Select(m => m.ProviderId).ToListAsync(ct)];

    private async Task<Dictionary<Guid, TrackRecord>> TrackRecordsAsync(IReadOnlyCollection<Guid> providerIds, CancellationToken ct) =>
        trackRecords is null ? await ReadTrackRecordsAsync(providerIds, ct) : await trackRecords.GetAsync(providerIds, ReadTrackRecordsAsync, ct);

    /// <summary>Every provider's track record that has any history (<see cref="TrackRecordCache"/> reads them in the background).</summary>
    public Task<Dictionary<Guid, TrackRecord>> ReadEveryTrackRecordAsync(CancellationToken ct = default) => ReadTrackRecordsAsync(null, ct);

    /// <summary>The track records of <paramref name="providerIds"/>, or of every provider with any history when null.</summary>
    private async Task<Dictionary<Guid, TrackRecord>> ReadTrackRecordsAsync(IReadOnlyCollection<Guid>? providerIds, CancellationToken ct)
    {
        var rates = await ResponseRatesAsync(providerIds, ct);
        var stability = await StabilityAsync(providerIds, ct);
        return (providerIds ?? [.. rates.Keys.Union(stability.Keys)]).Distinct()
            .ToDictionary(id => id, id => new TrackRecord(rates.GetValueOrDefault(id), stability.GetValueOrDefault(id)));
    }

    /// <summary>The share of referrals received that a provider answered (offered or declined), once it has had five (null before).</summary>
    private async Task<Dictionary<Guid, double?>> ResponseRatesAsync(IReadOnlyCollection<Guid>? providerIds, CancellationToken ct)
    {
        var recipients = db.ReferralRecipients.AsNoTracking();
        var offers = db.Offers.AsNoTracking();
        if (providerIds is not null)
        {
            recipients = recipients.Where(r => providerIds.Contains(r.ProviderId));
            offers = offers.Where(o => providerIds.Contains(o.ProviderId));
        }
        // Counted from the provider's index entries alone (received, declined), and the referrals it offered on from its
        // offers (a few hundred) rather than a look-up in the offers for each of the thousands of referrals it received.
        var received = await recipients
            .GroupBy(r => r.ProviderId)
            .Select(g => new { ProviderId = g.Key, Received = g.Count(), Declined = g.Count(r => r.DeclinedAt != null) })
            .ToListAsync(ct);
        var offered = (await offers
                .Where(o => db.ReferralRecipients.Any(r => r.ReferralId == o.ReferralId && r.ProviderId == o.ProviderId))
                .Select(o => new { o.ProviderId, o.ReferralId }).Distinct()
                .GroupBy(o => o.ProviderId).Select(g => new { ProviderId = g.Key, Offered = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(o => o.ProviderId, o => o.Offered);
        // Every provider that has received a referral is named, with no rate until it has had five.
        return received.ToDictionary(r => r.ProviderId,
            r => r.Received >= 5 ? (double?)Math.Min(1.0, (r.Declined + offered.GetValueOrDefault(r.ProviderId)) / (double)r.Received) : null);
    }

    /// <summary>The share of a provider's ended placements that did not end in disruption within 12 weeks, once it has three (null before).</summary>
    private async Task<Dictionary<Guid, double?>> StabilityAsync(IReadOnlyCollection<Guid>? providerIds, CancellationToken ct)
    {
        var placements = db.Placements.AsNoTracking();
        if (providerIds is not null)
        {
            placements = placements.Where(p => providerIds.Contains(p.ProviderId));
        }
        var ended = await placements
            .Where(p => p.Status == Placements.PlacementStatus.Ended && p.EndDate != null)
            .Select(p => new { p.ProviderId, p.StartDate, EndDate = p.EndDate!.Value, p.EndReason })
            .ToListAsync(ct);
        return ended.GroupBy(p => p.ProviderId)
            .ToDictionary(g => g.Key, g => g.Count() >= 3
                ? (double?)(1.0 - (double)g.Count(p => Placements.PlacementRules.DisruptedEarly(p.EndReason, p.StartDate, p.EndDate)) / g.Count())
                : null);
    }

    /// <summary>The referral's criteria (with its lot's placement type) and its DPS's weights, in one read of the lot per request.</summary>
    private async Task<(ReferralCriteria Criteria, RankingWeights Weights)> CriteriaAndWeightsAsync(Referral referral, CancellationToken ct)
    {
        if (!_lotTerms.TryGetValue(referral.LotId, out var terms))
        {
            var lot = await db.Lots.AsNoTracking().Where(l => l.Id == referral.LotId)
                .Select(l => new { PlacementType = (PlacementType?)l.PlacementType, l.Dps!.Weights }).SingleOrDefaultAsync(ct);
            _lotTerms[referral.LotId] = terms = (lot?.PlacementType, lot?.Weights?.ToWeights() ?? RankingWeights.Default);
        }
        return (Criteria(referral, terms.PlacementType), terms.Weights);
    }
}
