namespace PlacementBroker.Core.Seeding;

/// <summary>
/// A year of the demo market's history, so sufficiency, provider scorecards and price benchmarks have something to
/// show on first start: referrals from each authority of a DPS to each lot, the providers' offers and declines, and
/// the placements made, some since ended (a few in disruption). Every figure comes from a fixed seed, so two demo
/// databases hold the same history (relative to the day they were loaded). Nothing here is sent or alerted.
/// </summary>
public sealed class DemoMarketHistory(Random random, DateTime now)
{
    /// <summary>Each setting's placements across every lot, so no setting holds more children than it has room for.</summary>
    private readonly Dictionary<Guid, List<(DateOnly Start, DateOnly? End)>> occupied = [];

    /// <summary>Where the children of each demo authority live: the authority's main town, a postcode there.</summary>
    private static readonly Dictionary<string, (double Latitude, double Longitude, string Postcode)> Homes = new()
    {
        ["leeds"] = (53.8008, -1.5491, "LS6 3QN"),
        ["bradford"] = (53.7960, -1.7594, "BD7 1DP"),
        ["wakefield"] = (53.6833, -1.4977, "WF1 2EB"),
        ["kirklees"] = (53.6458, -1.7850, "HD1 2TA"),
    };

    private static readonly string[] FirstNames =
        ["Amelia", "Oliver", "Isla", "Noah", "Ava", "Leo", "Mia", "Jack", "Freya", "Harry", "Ruby", "Charlie", "Aisha", "Mohammed", "Zara", "Kai", "Poppy", "Tyler", "Maya", "Reece"];

    private static readonly string[] LastNames =
        ["Hartley", "Shaw", "Akhtar", "Walsh", "Kowalski", "Brennan", "Okafor", "Lister", "Hussain", "Firth", "Ndlovu", "Sutcliffe", "Popescu", "Metcalfe", "Begum", "Holroyd"];

    /// <summary>Referrals a month from one authority to one lot, by placement type: fostering is most of the demand.</summary>
    private static int MonthlyReferrals(PlacementType type) => type switch
    {
        PlacementType.StandardFostering => 3,
        PlacementType.ResidentialCare => 2,
        PlacementType.SupportedAccommodation => 2,
        _ => 1,
    };

    public sealed record Result(List<Referral> Referrals, List<ReferralRecipient> Recipients, List<Offer> Offers, List<Vacancy> Vacancies, List<Placement> Placements);

    /// <param name="authorities">The DPS's authorities by demo key (lead first), each with the placing officer who refers for it.</param>
    /// <param name="members">Each lot's admitted providers, with their settings and the user who answers referrals.</param>
    public Result Build(DpsLot lot, IReadOnlyList<(string Key, LocalAuthority Authority, User Officer)> authorities,
        IReadOnlyList<(Provider Provider, User Responder)> members)
    {
        var result = new Result([], [], [], [], []);
        var bookable = members.Where(m => m.Provider.Settings.Count > 0).ToList();
        if (bookable.Count == 0 || authorities.Count == 0)
        {
            return result;
        }
        var benchmark = lot.BenchmarkWeeklyPrice ?? 3000m;
        var lower = lot.PriceBandLower ?? benchmark * 0.9m;
        var upper = lot.PriceBandUpper ?? benchmark * 1.1m;
        // Each provider answers at its own rate and prices at its own level; each authority pays its own premium.
        var responsiveness = bookable.ToDictionary(m => m.Provider.Id, _ => 0.35 + random.NextDouble() * 0.6);
        var level = bookable.ToDictionary(m => m.Provider.Id, _ => 0.92 + random.NextDouble() * 0.16);
        var premium = authorities.ToDictionary(a => a.Authority.Id, _ => 0.97 + random.NextDouble() * 0.08);
        var historicVacancies = new Dictionary<Guid, Vacancy>();

        foreach (var (key, authority, officer) in authorities)
        {
            var home = Homes.GetValueOrDefault(key, Homes["leeds"]);
            for (var month = 12; month >= 1; month--)
            {
                var count = random.Next(MonthlyReferrals(lot.PlacementType) + 1) + (random.NextDouble() < 0.5 ? 1 : 0);
                for (var i = 0; i < count; i++)
                {
                    // Between a year and a fortnight ago: everything in the history has run its course.
                    var publishedAt = now.AddDays(-(month - 1) * 30 - 14 - random.Next(30)).Date.AddHours(9 + random.Next(8)).AddMinutes(random.Next(60));
                    AddReferral(result, lot, authority, officer, home, publishedAt, bookable, responsiveness, level, premium[authority.Id],
                        lower, upper, historicVacancies);
                }
            }
        }
        result.Vacancies.AddRange(historicVacancies.Values);
        return result;
    }

    private void AddReferral(Result result, DpsLot lot, LocalAuthority authority, User officer, (double Latitude, double Longitude, string Postcode) home,
        DateTime publishedAt, List<(Provider Provider, User Responder)> members, Dictionary<Guid, double> responsiveness, Dictionary<Guid, double> level,
        double premium, decimal lower, decimal upper, Dictionary<Guid, Vacancy> historicVacancies)
    {
        var urgency = random.NextDouble() switch { < 0.15 => Urgency.Emergency, < 0.45 => Urgency.Urgent, _ => Urgency.Planned };
        var startDate = DateOnly.FromDateTime(publishedAt).AddDays(urgency switch { Urgency.Emergency => 0, Urgency.Urgent => 3, _ => 14 });
        var age = lot.PlacementType == PlacementType.SupportedAccommodation ? 16 + random.Next(2) : 6 + random.Next(11);
        var needs = Enum.GetValues<Need>().OrderBy(_ => random.Next()).Take(1 + random.Next(4)).Order().ToList();
        var referral = new Referral
        {
            LocalAuthorityId = authority.Id,
            CreatedByUserId = officer.Id,
            LotId = lot.Id,
            Urgency = urgency,
            StartDate = startDate,
            Duration = random.NextDouble() < 0.7 ? PlacementDuration.LongTerm : PlacementDuration.ShortTerm,
            Status = ReferralStatus.Open,
            ChildReference = $"{authority.Code}-{random.Next(100000, 999999)}",
            ChildFirstName = FirstNames[random.Next(FirstNames.Length)],
            ChildLastName = LastNames[random.Next(LastNames.Length)],
            ChildDateOfBirth = startDate.AddYears(-age).AddDays(-random.Next(360)),
            ChildGender = random.NextDouble() < 0.55 ? Gender.Male : Gender.Female,
            Needs = needs,
            MustHaveNeeds = [needs[0]],
            HomePostcode = home.Postcode,
            HomeLatitude = home.Latitude + (random.NextDouble() - 0.5) * 0.08,
            HomeLongitude = home.Longitude + (random.NextDouble() - 0.5) * 0.12,
            MaxDistanceMiles = 20,
            WeeklyBudget = Tens(upper * 1.1m),
            OfferDeadline = publishedAt.AddHours(urgency switch { Urgency.Emergency => 6, Urgency.Urgent => 48, _ => 120 }),
            CreatedAt = publishedAt.AddMinutes(-40),
            UpdatedAt = publishedAt,
            PublishedAt = publishedAt,
        };
        result.Referrals.Add(referral);

        var offers = new List<(Offer Offer, Provider Provider, Setting Setting)>();
        foreach (var (provider, responder) in members)
        {
            var recipient = new ReferralRecipient { ReferralId = referral.Id, ProviderId = provider.Id, NotifiedAt = publishedAt, Fits = random.NextDouble() < 0.4 };
            result.Recipients.Add(recipient);
            if (random.NextDouble() >= responsiveness[provider.Id])
            {
                continue;
            }
            var answeredAt = publishedAt.AddMinutes(20 + random.Next(urgency == Urgency.Emergency ? 300 : 2880));
            if (!recipient.Fits || random.NextDouble() < 0.55)
            {
                recipient.DeclinedAt = answeredAt;
                recipient.DeclineReason = random.NextDouble() switch
                {
                    < 0.4 => DeclineReason.NoSuitableVacancy,
                    < 0.6 => DeclineReason.CannotMeetNeeds,
                    < 0.72 => DeclineReason.ImpactOnOtherChildren,
                    < 0.82 => DeclineReason.RiskTooHigh,
                    < 0.9 => DeclineReason.LocationUnsuitable,
                    _ => DeclineReason.StartDateNotPossible,
                };
                continue;
            }
            var setting = provider.Settings[random.Next(provider.Settings.Count)];
            var price = Tens((lower + (decimal)random.NextDouble() * (upper - lower) * 1.05m) * (decimal)level[provider.Id] * (decimal)premium);
            offers.Add((new Offer
            {
                ReferralId = referral.Id,
                ProviderId = provider.Id,
                VacancyId = HistoricVacancy(historicVacancies, lot, provider, setting, price).Id,
                SettingId = setting.Id,
                WeeklyPrice = price,
                StartDate = startDate,
                Status = OfferStatus.Submitted,
                CreatedByUserId = responder.Id,
                CreatedAt = answeredAt,
                UpdatedAt = answeredAt,
            }, provider, setting));
        }
        result.Offers.AddRange(offers.Select(o => o.Offer));

        var closedAt = referral.OfferDeadline.AddHours(2);
        // The officer takes the cheapest offer from a setting with room on the start date; most referrals with offers end in a placement.
        var chosen = offers.Count == 0 || random.NextDouble() < 0.12 ? default
            : offers.OrderBy(o => o.Offer.WeeklyPrice).FirstOrDefault(o => HasRoom(o.Setting, startDate));
        if (chosen.Offer is null)
        {
            referral.Status = offers.Count == 0 || random.NextDouble() < 0.7 ? ReferralStatus.Unfilled : ReferralStatus.Withdrawn;
            referral.ClosedAt = closedAt;
            referral.ClosedReason = referral.Status == ReferralStatus.Unfilled ? "No placement found by the deadline" : "The child's plan changed";
            foreach (var (offer, _, _) in offers)
            {
                offer.Status = OfferStatus.NotSelected;
                offer.UpdatedAt = closedAt;
            }
            return;
        }
        var acceptedAt = chosen.Offer.CreatedAt.AddHours(1 + random.Next(20));
        foreach (var (offer, _, _) in offers)
        {
            offer.Status = offer == chosen.Offer ? OfferStatus.Accepted : OfferStatus.NotSelected;
            offer.UpdatedAt = acceptedAt;
        }
        referral.Status = ReferralStatus.Placed;
        referral.ClosedAt = acceptedAt;
        referral.UpdatedAt = acceptedAt;

        var placement = new Placement
        {
            ReferralId = referral.Id,
            OfferId = chosen.Offer.Id,
            LocalAuthorityId = authority.Id,
            ProviderId = chosen.Provider.Id,
            SettingId = chosen.Setting.Id,
            VacancyId = chosen.Offer.VacancyId,
            Kind = PlacementKind.Spot,
            Status = PlacementStatus.Active,
            WeeklyPrice = chosen.Offer.WeeklyPrice,
            StartDate = startDate,
            CreatedByUserId = officer.Id,
            CreatedAt = acceptedAt,
        };
        var today = DateOnly.FromDateTime(now);
        var weeksSoFar = (today.DayNumber - startDate.DayNumber) / 7;
        // About one in six ends within 12 weeks in disruption; others end in planned ways over the months.
        var roll = random.NextDouble();
        DateOnly? end = null;
        PlacementEndReason? reason = null;
        if (roll < 0.16 && weeksSoFar > 2)
        {
            end = startDate.AddDays(7 * (1 + random.Next(Math.Min(11, weeksSoFar - 1))));
            reason = PlacementEndReason.Disruption;
        }
        else if (roll < 0.45 && weeksSoFar > 8)
        {
            end = startDate.AddDays(7 * (4 + random.Next(weeksSoFar - 4)));
            reason = random.NextDouble() switch
            {
                < 0.4 => PlacementEndReason.PlannedMove,
                < 0.7 => PlacementEndReason.ReturnedHome,
                < 0.85 => PlacementEndReason.TurnedEighteen,
                _ => PlacementEndReason.Other,
            };
        }
        if (end is { } ended && ended < today)
        {
            placement.Status = PlacementStatus.Ended;
            placement.EndDate = ended;
            placement.EndReason = reason;
            placement.EndedAt = ended.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);
            placement.EndedByUserId = officer.Id;
        }
        occupied.TryAdd(chosen.Setting.Id, []);
        occupied[chosen.Setting.Id].Add((startDate, placement.EndDate));
        result.Placements.Add(placement);
    }

    private static decimal Tens(decimal pounds) => Math.Round(pounds / 10m, MidpointRounding.AwayFromZero) * 10m;

    /// <summary>A setting has room when fewer of its placements overlap the start date than it has registered places (at most half, leaving room for today's vacancies).</summary>
    private bool HasRoom(Setting setting, DateOnly start) =>
        !occupied.TryGetValue(setting.Id, out var stays) || stays.Count(s => s.Start <= start && (s.End is null || s.End > start)) < Math.Max(1, setting.RegisteredPlaces / 2);

    /// <summary>The offers of the past were made on vacancies long since filled: one per provider's setting and lot.</summary>
    private Vacancy HistoricVacancy(Dictionary<Guid, Vacancy> vacancies, DpsLot lot, Provider provider, Setting setting, decimal price)
    {
        if (!vacancies.TryGetValue(setting.Id, out var vacancy))
        {
            vacancy = new Vacancy
            {
                SettingId = setting.Id,
                ProviderId = provider.Id,
                LotId = lot.Id,
                Places = 0,
                AgeMin = lot.PlacementType == PlacementType.SupportedAccommodation ? 16 : 0,
                AgeMax = 17,
                Genders = [Gender.Female, Gender.Male],
                NeedsMet = [.. Enum.GetValues<Need>()],
                WeeklyPrice = price,
                AvailableFrom = DateOnly.FromDateTime(now).AddDays(-380),
                Status = VacancyStatus.Filled,
                CreatedAt = now.AddDays(-380),
                UpdatedAt = now.AddDays(-14),
            };
            vacancies[setting.Id] = vacancy;
        }
        return vacancy;
    }
}
