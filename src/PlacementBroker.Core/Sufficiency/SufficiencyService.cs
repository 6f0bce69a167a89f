using System.Globalization;
using System.Text;

namespace PlacementBroker.Core.Sufficiency;

/// <summary>
/// The commissioner's market sufficiency for a period, lot and scope (the authority, or the whole DPS it leads).
/// Counts and sums run in the database; medians and quartiles are taken over one projected number per referral
/// or placement. Distance is great-circle miles from the child's home, with DfE's 20-mile line.
/// </summary>
public class SufficiencyService(PlacementBrokerDbContext db)
{
    public async Task<Outcome<SufficiencyReport>> ReportAsync(Actor actor, SufficiencyQuery query, CancellationToken ct = default)
    {
        if (actor.Role != Role.Commissioner || actor.LocalAuthorityId is not { } authorityId)
        {
            return Outcome<SufficiencyReport>.Forbidden("Market sufficiency is for commissioners.");
        }
        if (query.To < query.From)
        {
            return Outcome<SufficiencyReport>.Invalid("to", "The end of the period must be on or after its start");
        }
        var led = await db.DynamicPurchasingSystems.Where(d => d.LeadLocalAuthorityId == authorityId).Select(d => d.Id).ToListAsync(ct);
        List<Guid> authorities;
        List<Guid> dpsIds;
        if (query.Scope == SufficiencyScope.Dps)
        {
            if (led.Count == 0)
            {
                return Outcome<SufficiencyReport>.BusinessRule("Only a lead authority can see its whole DPS: your authority leads none.");
            }
            dpsIds = led;
            authorities = [authorityId, .. await db.DpsParticipants.Where(p => led.Contains(p.DpsId)).Select(p => p.LocalAuthorityId).Distinct().ToListAsync(ct)];
        }
        else
        {
            authorities = [authorityId];
            dpsIds = await db.DynamicPurchasingSystems
                .VisibleTo(authorityId).Select(d => d.Id).ToListAsync(ct);
        }
        var lots = await db.Lots.AsNoTracking().Where(l => dpsIds.Contains(l.DpsId)).Select(l => new { l.Id, l.Name, l.BenchmarkWeeklyPrice }).ToListAsync(ct);
        if (query.LotId is { } lotFilter && lots.All(l => l.Id != lotFilter))
        {
            return Outcome<SufficiencyReport>.Invalid("lotId", "Select a lot of a DPS your authority uses");
        }
        var lotIds = query.LotId is { } only ? [only] : lots.Select(l => l.Id).ToList();
        var lotNames = lots.ToDictionary(l => l.Id, l => l.Name);
        var from = query.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = query.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        // Demand: referrals published in the period.
        // The same filter feeds the placement and decline queries as a subquery, so the database joins rather than
        // receiving tens of thousands of referral ids as a parameter.
        var inPeriod = db.Referrals.AsNoTracking()
            .Where(r => authorities.Contains(r.LocalAuthorityId) && lotIds.Contains(r.LotId) && r.PublishedAt >= from && r.PublishedAt < to);
        var referrals = await inPeriod
            .Select(r => new
            {
                r.Id, r.LotId, r.Status, r.Urgency, r.Needs, r.ChildDateOfBirth, r.StartDate, PublishedAt = r.PublishedAt!.Value, r.HomeLatitude, r.HomeLongitude,
                FirstOffer = db.Offers.Where(o => o.ReferralId == r.Id).Min(o => (DateTime?)o.CreatedAt),
                Offers = db.Offers.Count(o => o.ReferralId == r.Id),
            })
            .ToListAsync(ct);
        var demand = new Demand(
            referrals.Count,
            [.. referrals.GroupBy(r => r.LotId).Select(g => new Count(g.Key.ToString(), lotNames.GetValueOrDefault(g.Key, ""), g.Count())).OrderByDescending(c => c.Value)],
            [.. referrals.SelectMany(r => r.Needs).GroupBy(n => n).Select(g => new Count(g.Key.ToString(), Words.Name(g.Key), g.Count())).OrderByDescending(c => c.Value)],
            [.. referrals.GroupBy(r => AgeBand(MatchService.AgeOn(r.ChildDateOfBirth, r.StartDate))).OrderBy(g => g.Key).Select(g => new Count(g.Key, g.Key, g.Count()))],
            [.. referrals.GroupBy(r => r.Urgency).OrderBy(g => g.Key).Select(g => new Count(g.Key.ToString(), g.Key.ToString(), g.Count()))],
            [.. referrals.GroupBy(r => r.PublishedAt.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key)
                .Select(g => new Count(g.Key, DateTime.ParseExact(g.Key, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), g.Count()))]);

        // Supply now: admitted providers and open vacancies on the lots in scope.
        var admitted = await db.LotMemberships.CountAsync(m => lotIds.Contains(m.LotId) && m.Status == MembershipStatus.Admitted, ct) == 0
            ? 0
            : await db.LotMemberships.Where(m => lotIds.Contains(m.LotId) && m.Status == MembershipStatus.Admitted).Select(m => m.ProviderId).Distinct().CountAsync(ct);
        var openVacancies = await db.Vacancies.AsNoTracking().Where(v => lotIds.Contains(v.LotId) && v.Status == VacancyStatus.Open)
            .Select(v => new { v.LotId, v.Places, v.Setting!.Postcode }).ToListAsync(ct);
        var supply = new Supply(admitted, openVacancies.Count, openVacancies.Sum(v => v.Places),
            [.. openVacancies.GroupBy(v => v.LotId).Select(g => new Count(g.Key.ToString(), lotNames.GetValueOrDefault(g.Key, ""), g.Count())).OrderByDescending(c => c.Value)],
            [.. openVacancies.GroupBy(v => Postcode.District(v.Postcode) ?? "").Select(g => new Count(g.Key, g.Key, g.Count())).OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(30)]);

        // Outcomes of the period's referrals.
        var placements = await db.Placements.AsNoTracking().Where(p => inPeriod.Any(r => r.Id == p.ReferralId))
            .Join(db.Settings, p => p.SettingId, s => s.Id, (p, s) => new { p.ReferralId, p.Kind, p.WeeklyPrice, p.CreatedAt, p.SettingId, Grade = s.OfstedGrade, Lat = s.Latitude, Lon = s.Longitude })
            .ToListAsync(ct);
        // From the period's referrals to their declines (a partial index holds only the declined), not a pass over every recipient.
        var declines = await inPeriod.Join(db.ReferralRecipients.Where(x => x.DeclineReason != null), r => r.Id, x => x.ReferralId, (r, x) => x.DeclineReason)
            .GroupBy(reason => reason).Select(g => new { Reason = g.Key!.Value, Count = g.Count() }).ToListAsync(ct);
        var byReferral = referrals.ToDictionary(r => r.Id);
        var outcomes = new Outcomes(
            referrals.Count(r => r.Status == ReferralStatus.Placed), referrals.Count(r => r.Status == ReferralStatus.Unfilled),
            referrals.Count(r => r.Status == ReferralStatus.Withdrawn), referrals.Count(r => r.Status == ReferralStatus.Open),
            Statistics.Percent(referrals.Count(r => r.Status == ReferralStatus.Placed), referrals.Count) ?? 0,
            Statistics.Percent(referrals.Count(r => r.Status == ReferralStatus.Unfilled), referrals.Count) ?? 0,
            Statistics.Median(referrals.Where(r => r.FirstOffer is not null).Select(r => (decimal)(r.FirstOffer!.Value - r.PublishedAt).TotalHours)),
            Statistics.Median(placements.Select(p => (decimal)(p.CreatedAt - byReferral[p.ReferralId].PublishedAt).TotalHours)),
            referrals.Count == 0 ? 0 : Math.Round((decimal)referrals.Sum(r => r.Offers) / referrals.Count, 2),
            referrals.Count(r => r.Offers == 0),
            [.. declines.OrderByDescending(d => d.Count).Select(d => new Count(d.Reason.ToString(), Words.Name(d.Reason), d.Count))]);

        var spot = placements.Where(p => p.Kind == PlacementKind.Spot).Select(p => p.WeeklyPrice).ToList();
        var today = DateOnly.FromDateTime(to.AddDays(-1));
        var activeSpend = await db.Placements.AsNoTracking()
            .Where(p => authorities.Contains(p.LocalAuthorityId) && p.Status == PlacementStatus.Active && db.Referrals.Any(r => r.Id == p.ReferralId && lotIds.Contains(r.LotId)))
            .GroupBy(p => p.Kind).Select(g => new { Kind = g.Key, Weekly = g.Sum(p => p.WeeklyPrice * p.Places) }).ToListAsync(ct);
        var contracts = await db.BlockContracts.AsNoTracking()
            .Where(b => authorities.Contains(b.LocalAuthorityId) && lotIds.Contains(b.LotId) && b.StartDate <= today && b.EndDate >= today)
            .Select(b => new { b.Places, b.PlacesTaken, b.WeeklyPricePerPlace }).ToListAsync(ct);
        var price = new Price(Statistics.Quartiles(spot),
            query.LotId is { } l ? lots.Single(x => x.Id == l).BenchmarkWeeklyPrice : null,
            activeSpend.Where(s => s.Kind == PlacementKind.Spot).Sum(s => s.Weekly),
            contracts.Sum(c => c.Places * c.WeeklyPricePerPlace));

        var quality = new Quality(placements.Count,
            Statistics.Percent(placements.Count(p => p.Grade is OfstedGrade.Good or OfstedGrade.Outstanding), placements.Count));
        var distances = placements
            .Select(p => (Referral: byReferral[p.ReferralId], p.Lat, p.Lon))
            .Where(x => x.Referral.HomeLatitude is not null && x.Referral.HomeLongitude is not null && x.Lat is not null && x.Lon is not null)
            .Select(x => (decimal)Distance.Miles(x.Referral.HomeLatitude!.Value, x.Referral.HomeLongitude!.Value, x.Lat!.Value, x.Lon!.Value))
            .ToList();
        var locality = new Locality(distances.Count, Statistics.Percent(distances.Count(d => d <= 20), distances.Count), Statistics.Median(distances));
        var places = contracts.Sum(c => c.Places);
        var occupied = contracts.Sum(c => c.PlacesTaken);
        var blocks = new BlockContracts(contracts.Count, places, occupied, Statistics.Percent(occupied, places), places - occupied,
            contracts.Sum(c => (c.Places - c.PlacesTaken) * c.WeeklyPricePerPlace));

        var placedIds = placements.Select(p => p.ReferralId).ToHashSet();
        var unmet = referrals.SelectMany(r => r.Needs.Select(n => (Need: n, Placed: placedIds.Contains(r.Id))))
            .GroupBy(x => x.Need)
            .Select(g => new UnmetNeed(g.Key.ToString(), Words.Name(g.Key), g.Count(), g.Count(x => x.Placed), Statistics.Percent(g.Count(x => x.Placed), g.Count())))
            .OrderBy(u => u.FillRatePercent).ThenByDescending(u => u.Referrals).ToList();

        return Outcome<SufficiencyReport>.Success(new SufficiencyReport(query.From, query.To, query.LotId, query.Scope, demand, supply, outcomes, price, quality,
            locality, blocks, unmet, await DisparitiesAsync(dpsIds, lotIds, lotNames, from, to, ct)));
    }

    /// <summary>
    /// Spot prices accepted in the period on the DPSs' lots, by provider, lot and placing authority: where one provider's
    /// median differs between authorities, councils are paying it different prices for the same care. Widest spread first.
    /// </summary>
    private async Task<List<PriceDisparity>> DisparitiesAsync(List<Guid> dpsIds, List<Guid> lotIds, Dictionary<Guid, string> lotNames, DateTime from, DateTime to, CancellationToken ct)
    {
        var authorities = await db.DynamicPurchasingSystems.Where(d => dpsIds.Contains(d.Id)).Select(d => d.LeadLocalAuthorityId)
            .Union(db.DpsParticipants.Where(p => dpsIds.Contains(p.DpsId)).Select(p => p.LocalAuthorityId)).ToListAsync(ct);
        var prices = await db.Placements.AsNoTracking()
            .Where(p => p.Kind == PlacementKind.Spot && authorities.Contains(p.LocalAuthorityId) && p.CreatedAt >= from && p.CreatedAt < to)
            .Join(db.Referrals, p => p.ReferralId, r => r.Id, (p, r) => new { p.ProviderId, r.LotId, p.LocalAuthorityId, p.WeeklyPrice })
            .Where(x => lotIds.Contains(x.LotId))
            .ToListAsync(ct);
        var names = await db.LocalAuthorities.AsNoTracking().Where(a => authorities.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var providerIds = prices.Select(p => p.ProviderId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. prices.GroupBy(p => (p.ProviderId, p.LotId))
            .Select(g => g.GroupBy(p => p.LocalAuthorityId)
                .Select(a => new AuthorityPrice(a.Key, names.GetValueOrDefault(a.Key, ""), Statistics.Median(a.Select(x => x.WeeklyPrice))!.Value, a.Count()))
                .OrderBy(a => a.MedianWeeklyPrice).ToList() is var byAuthority && byAuthority.Count > 1 && byAuthority[^1].MedianWeeklyPrice > byAuthority[0].MedianWeeklyPrice
                    ? new PriceDisparity(g.Key.ProviderId, providers.GetValueOrDefault(g.Key.ProviderId, ""), g.Key.LotId, lotNames.GetValueOrDefault(g.Key.LotId, ""),
                        byAuthority[0].MedianWeeklyPrice, byAuthority[^1].MedianWeeklyPrice,
                        Math.Round(100m * (byAuthority[^1].MedianWeeklyPrice - byAuthority[0].MedianWeeklyPrice) / byAuthority[0].MedianWeeklyPrice, 1), byAuthority)
                    : null)
            .Where(d => d is not null).Select(d => d!)
            .OrderByDescending(d => d.SpreadPercent)];
    }

    public static string AgeBand(int age) => age switch
    {
        < 5 => "0 to 4",
        < 11 => "5 to 10",
        < 16 => "11 to 15",
        < 18 => "16 to 17",
        _ => "18 and over",
    };

    /// <summary>Every figure of the report as CSV rows: section, measure, label, value.</summary>
    public static string ToCsv(SufficiencyReport r)
    {
        var csv = new StringBuilder("section,measure,label,value\n");
        void Row(string section, string measure, string label, object? value) =>
            csv.Append(CsvField.Of(section)).Append(',').Append(CsvField.Of(measure)).Append(',').Append(CsvField.Of(label)).Append(',')
                .Append(CsvField.Of(value is decimal d
                    // The same figure reads the same whatever database it came from: no trailing zeros of a column's scale.
                    ? d.ToString("0.##########", CultureInfo.InvariantCulture)
                    : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")).Append('\n');
        Row("period", "from", "From", r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("period", "to", "To", r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("demand", "referrals", "Referrals", r.Demand.Referrals);
        foreach (var (name, counts) in new[] { ("demand.byLot", r.Demand.ByLot), ("demand.byNeed", r.Demand.ByNeed), ("demand.byAgeBand", r.Demand.ByAgeBand),
                     ("demand.byUrgency", r.Demand.ByUrgency), ("demand.byMonth", r.Demand.ByMonth), ("supply.vacanciesByLot", r.Supply.VacanciesByLot),
                     ("supply.vacanciesByArea", r.Supply.VacanciesByArea), ("outcomes.declinesByReason", r.Outcomes.DeclinesByReason) })
        {
            foreach (var c in counts)
            {
                Row(name, c.Key, c.Label, c.Value);
            }
        }
        Row("supply", "admittedProviders", "Admitted providers", r.Supply.AdmittedProviders);
        Row("supply", "openVacancies", "Open vacancies", r.Supply.OpenVacancies);
        Row("supply", "openPlaces", "Open places", r.Supply.OpenPlaces);
        Row("outcomes", "placed", "Placed", r.Outcomes.Placed);
        Row("outcomes", "unfilled", "Unfilled", r.Outcomes.Unfilled);
        Row("outcomes", "withdrawn", "Withdrawn", r.Outcomes.Withdrawn);
        Row("outcomes", "stillOpen", "Still open", r.Outcomes.StillOpen);
        Row("outcomes", "placedPercent", "Placed %", r.Outcomes.PlacedPercent);
        Row("outcomes", "unfilledPercent", "Unfilled %", r.Outcomes.UnfilledPercent);
        Row("outcomes", "medianHoursToFirstOffer", "Median hours to first offer", r.Outcomes.MedianHoursToFirstOffer);
        Row("outcomes", "medianHoursToPlacement", "Median hours to placement", r.Outcomes.MedianHoursToPlacement);
        Row("outcomes", "offersPerReferral", "Offers per referral", r.Outcomes.OffersPerReferral);
        Row("outcomes", "referralsWithNoOffer", "Referrals with no offer", r.Outcomes.ReferralsWithNoOffer);
        Row("price", "acceptedWeeklyPrice.p25", "Accepted weekly price, lower quartile", r.Price.AcceptedWeeklyPrice.P25);
        Row("price", "acceptedWeeklyPrice.median", "Accepted weekly price, median", r.Price.AcceptedWeeklyPrice.Median);
        Row("price", "acceptedWeeklyPrice.p75", "Accepted weekly price, upper quartile", r.Price.AcceptedWeeklyPrice.P75);
        Row("price", "benchmark", "Lot benchmark", r.Price.Benchmark);
        Row("price", "weeklySpendSpot", "Weekly spend, spot", r.Price.WeeklySpendSpot);
        Row("price", "weeklySpendBlock", "Weekly spend, block", r.Price.WeeklySpendBlock);
        Row("quality", "goodOrOutstandingPercent", "Placed in Good or Outstanding settings %", r.Quality.GoodOrOutstandingPercent);
        Row("locality", "within20MilesPercent", "Placed within 20 miles of home %", r.Locality.Within20MilesPercent);
        Row("locality", "medianDistanceMiles", "Median distance from home (miles)", r.Locality.MedianDistanceMiles);
        Row("blockContracts", "occupancyPercent", "Block occupancy %", r.BlockContracts.OccupancyPercent);
        Row("blockContracts", "voidPlaces", "Void places", r.BlockContracts.VoidPlaces);
        Row("blockContracts", "weeklyVoidCost", "Weekly cost of void places", r.BlockContracts.WeeklyVoidCost);
        foreach (var u in r.UnmetNeeds)
        {
            Row("unmetNeeds", u.Need, u.Label, $"{u.Placed}/{u.Referrals}");
        }
        foreach (var d in r.PriceDisparities)
        {
            foreach (var a in d.Authorities)
            {
                Row("priceDisparities", $"{d.Provider} / {d.Lot}", a.LocalAuthority, a.MedianWeeklyPrice);
            }
        }
        return csv.ToString();
    }
}
