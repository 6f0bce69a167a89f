using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Referrals;

namespace PlacementBroker.Benchmarks;

/// <summary>
/// The naive ways the harness compares the services with, on the same data in the same run: load the rows
/// (<c>AsNoTracking().ToList()</c>) and do the work in memory.
/// </summary>
public static class Baselines
{
    /// <summary>
    /// A referral's ranked offers and potential matches the naive way: load every vacancy of its lot with its setting,
    /// the lot's memberships, the providers, the open QA flags and the referral's offers, then filter and rank in memory
    /// with the same engine (<see cref="MatchingEngine.Rank"/>: the same eligibility rules and scores). Simplified: the
    /// QA status is red for an open critical flag, amber for another open flag; the price reference is the lot's
    /// benchmark; no response rates or stability.
    /// </summary>
    public static async Task<(int Offers, int Matches)> MatchAsync(PlacementBrokerDbContext db, Guid referralId, TimeProvider clock, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referralId, ct);
        var lot = await db.Lots.AsNoTracking().SingleAsync(l => l.Id == referral.LotId, ct);
        var vacancies = await db.Vacancies.AsNoTracking().Include(v => v.Setting).Where(v => v.LotId == lot.Id).ToListAsync(ct);
        var memberships = await db.LotMemberships.AsNoTracking().Where(m => m.LotId == lot.Id).ToListAsync(ct);
        var providers = await db.Providers.AsNoTracking().ToListAsync(ct);
        var flags = await db.QaFlags.AsNoTracking().Where(f => f.Status == FlagStatus.Open).ToListAsync(ct);
        var offers = await db.Offers.AsNoTracking().Where(o => o.ReferralId == referralId).ToListAsync(ct);

        var verified = providers.Where(p => p.VerifiedAt != null).Select(p => p.Id).ToHashSet();
        var admitted = memberships.Where(m => m.Status == MembershipStatus.Admitted && verified.Contains(m.ProviderId)).Select(m => m.ProviderId).ToHashSet();
        var qa = flags.GroupBy(f => f.ProviderId).ToDictionary(g => g.Key, g => g.Any(f => f.Severity == FlagSeverity.Critical) ? QaStatus.Red : QaStatus.Amber);
        var criteria = MatchService.Criteria(referral, lot.PlacementType);
        var benchmark = new PriceBenchmark(lot.BenchmarkWeeklyPrice, null, "the lot's benchmark");
        MatchCandidate Candidate(Guid id, Vacancy v, decimal price, DateOnly from, int places) => new(
            id, v.ProviderId, v.SettingId, v.LotId, admitted.Contains(v.ProviderId), qa.GetValueOrDefault(v.ProviderId, QaStatus.Green), places,
            v.Setting!.RegisteredPlaces, v.AgeMin, v.AgeMax, v.Genders, v.NeedsMet, v.Setting.OfstedGrade, v.Setting.Latitude, v.Setting.Longitude,
            price, from, null, null, v.Setting.Region);

        var potential = vacancies
            .Where(v => v.Status == VacancyStatus.Open && v.Setting!.ClosedAt == null && v.Setting.ReviewStatus == SettingReviewStatus.Approved && admitted.Contains(v.ProviderId))
            .Select(v => Candidate(v.Id, v, v.WeeklyPrice, v.AvailableFrom, v.Places - v.PlacesHeld));
        var matches = MatchingEngine.Rank(criteria, potential, benchmark).Take(MatchService.MaxMatches).ToList();

        var byId = vacancies.ToDictionary(v => v.Id);
        var offered = offers.Where(o => o.Status != OfferStatus.Withdrawn && byId.ContainsKey(o.VacancyId))
            .Select(o => Candidate(o.Id, byId[o.VacancyId], o.WeeklyPrice, o.StartDate, byId[o.VacancyId].Places - byId[o.VacancyId].PlacesHeld));
        var ranked = MatchingEngine.Rank(criteria, offered, benchmark, distanceIsHardRule: false);
        GC.KeepAlive(clock);
        return (ranked.Count, matches.Count);
    }

    /// <summary>The figures of the whole-DPS sufficiency report the naive way: load the period's rows and aggregate in C#.</summary>
    public sealed record NaiveSufficiency(
        int Referrals, int Placed, int Unfilled, double? MedianHoursToFirstOffer, decimal? P25, decimal? Median, decimal? P75,
        double GoodOrOutstandingPercent, double Within20MilesPercent, int OpenVacancies, Dictionary<Need, (int Referrals, int Placed)> UnmetNeeds);

    public static async Task<NaiveSufficiency> SufficiencyAsync(PlacementBrokerDbContext db, Guid leadAuthorityId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var dpsIds = await db.DynamicPurchasingSystems.AsNoTracking().Where(d => d.LeadLocalAuthorityId == leadAuthorityId).Select(d => d.Id).ToListAsync(ct);
        var participants = await db.DpsParticipants.AsNoTracking().ToListAsync(ct);
        var authorities = participants.Where(p => dpsIds.Contains(p.DpsId)).Select(p => p.LocalAuthorityId).Append(leadAuthorityId).ToHashSet();
        var lots = (await db.Lots.AsNoTracking().ToListAsync(ct)).Where(l => dpsIds.Contains(l.DpsId)).ToList();
        var lotIds = lots.Select(l => l.Id).ToHashSet();
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var referrals = (await db.Referrals.AsNoTracking().Where(r => r.PublishedAt >= start && r.PublishedAt < end).ToListAsync(ct))
            .Where(r => authorities.Contains(r.LocalAuthorityId) && lotIds.Contains(r.LotId)).ToList();
        var referralIds = referrals.Select(r => r.Id).ToHashSet();
        var offers = (await db.Offers.AsNoTracking().Where(o => o.CreatedAt >= start).ToListAsync(ct)).Where(o => referralIds.Contains(o.ReferralId)).ToList();
        var placements = (await db.Placements.AsNoTracking().ToListAsync(ct)).Where(p => referralIds.Contains(p.ReferralId)).ToList();
        var settings = (await db.Settings.AsNoTracking().ToListAsync(ct)).ToDictionary(s => s.Id);
        var openVacancies = (await db.Vacancies.AsNoTracking().Where(v => v.Status == VacancyStatus.Open).ToListAsync(ct)).Count(v => lotIds.Contains(v.LotId));

        var firstOffer = offers.GroupBy(o => o.ReferralId).ToDictionary(g => g.Key, g => g.Min(o => o.CreatedAt));
        var hours = referrals.Where(r => firstOffer.ContainsKey(r.Id)).Select(r => (firstOffer[r.Id] - r.PublishedAt!.Value).TotalHours).Order().ToList();
        var placedIds = placements.Select(p => p.ReferralId).ToHashSet();
        var prices = placements.Select(p => p.WeeklyPrice).Order().ToList();
        decimal? Quantile(double q) => prices.Count == 0 ? null : prices[(int)Math.Min(prices.Count - 1, Math.Floor(q * prices.Count))];
        var placedSettings = placements.Select(p => settings.GetValueOrDefault(p.SettingId)).Where(s => s is not null).ToList();
        var good = placedSettings.Count == 0 ? 0 : 100.0 * placedSettings.Count(s => s!.OfstedGrade is OfstedGrade.Good or OfstedGrade.Outstanding) / placedSettings.Count;
        var byReferral = referrals.ToDictionary(r => r.Id);
        var distances = placements
            .Select(p => (Referral: byReferral[p.ReferralId], Setting: settings.GetValueOrDefault(p.SettingId)))
            .Where(x => x.Referral.HomeLatitude is not null && x.Setting?.Latitude is not null)
            .Select(x => Distance.Miles(x.Referral.HomeLatitude!.Value, x.Referral.HomeLongitude!.Value, x.Setting!.Latitude!.Value, x.Setting.Longitude!.Value))
            .ToList();
        var within = distances.Count == 0 ? 0 : 100.0 * distances.Count(d => d <= 20) / distances.Count;
        var unmet = referrals.SelectMany(r => r.Needs.Select(n => (Need: n, Placed: placedIds.Contains(r.Id))))
            .GroupBy(x => x.Need).ToDictionary(g => g.Key, g => (g.Count(), g.Count(x => x.Placed)));
        return new NaiveSufficiency(referrals.Count, placedIds.Count, referrals.Count(r => r.Status is ReferralStatus.Unfilled),
            hours.Count == 0 ? null : hours[hours.Count / 2], Quantile(0.25), Quantile(0.5), Quantile(0.75), good, within, openVacancies, unmet);
    }
}
