using Microsoft.Extensions.Logging;
using PlacementBroker.Core.Sharing;

namespace PlacementBroker.Core.Seeding;

/// <summary>
/// The demo market as it stands on the day the demo data is loaded, made through the same services people use so
/// every record is ordinary: two open referrals of Leeds with offers already ranked, an emergency with none yet, an
/// offer accepted by the officer and waiting for the placement manager's approval, and the referral prepared for the
/// guided first run. Applications due for decision, the QA work overdue and the billing month come from the data set
/// and its history (<see cref="DemoDataSeeder"/>).
/// </summary>
public class DemoMarketToday(
    PlacementBrokerDbContext db, ReferralService referrals, OfferService offers, PlacementService placements, AuditTrail audit, TimeProvider clock,
    ILogger<DemoMarketToday> logger)
{
    /// <summary>Child references of the referrals prepared for the guided first run start with this.</summary>
    public const string TryItPrefix = "TRY-";

    /// <summary>The audit entry whose time marks the demo market open: the simulated providers answer referrals sent after it.</summary>
    public const string OpenedAction = "DemoMarketOpened";

    private const string LeedsOfficer = "placing.officer@leeds.demo.placementbroker.uk";

    /// <summary>Where the Leeds children of the demo live (Headingley).</summary>
    private const string HomePostcode = "LS6 3QN";
    private const double HomeLatitude = 53.8199;
    private const double HomeLongitude = -1.5760;

    public async Task OpenAsync(IReadOnlySet<Guid> simulated, CancellationToken ct = default)
    {
        var officer = await ActorAsync(LeedsOfficer, ct);
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;

        var fostering = await PublishAsync(officer, PlacementType.StandardFostering, new ChildInput("LDS-204117", "Maya", "Okafor",
            today.AddYears(-10).AddDays(-75), Gender.Female, 1, [Need.EmotionalBehavioural, Need.EducationOutOfSchool], [Need.EmotionalBehavioural],
            "Maya wants to stay at her school and keep seeing her grandmother on Saturdays."),
            Urgency.Planned, today.AddDays(12), 1150m, now.AddDays(3),
            "A ten-year-old girl who has lived with her grandmother; she is anxious in new places and needs help to return to full-time school.", ct);
        await OfferFromFittingAsync(fostering, simulated, 4, ct);

        var residential = await PublishAsync(officer, PlacementType.ResidentialCare, new ChildInput("LDS-198552", "Tyler", "Brennan",
            today.AddYears(-14).AddDays(-200), Gender.Male, 1, [Need.EmotionalBehavioural, Need.ChildCriminalExploitation, Need.Offending],
            [Need.EmotionalBehavioural], "Tyler would like to live somewhere he can keep playing football."),
            Urgency.Urgent, today.AddDays(3), 7200m, now.AddDays(2),
            "A fourteen-year-old boy at risk of criminal exploitation; his current home has given notice after two missing episodes.", ct);
        await OfferFromFittingAsync(residential, simulated, 3, ct);

        await PublishAsync(officer, PlacementType.SupportedAccommodation, new ChildInput("LDS-210934", "Zara", "Hussain",
            today.AddYears(-16).AddDays(-120), Gender.Female, 1, [Need.MentalHealth, Need.MissingEpisodes], [Need.MentalHealth],
            "Zara wants her own flat near college."),
            Urgency.Emergency, today, 1900m, now.AddHours(6),
            "A sixteen-year-old young woman whose family home has broken down today; she sees a mental health worker weekly.", ct);

        await AwaitingApprovalAsync(officer, simulated, today, now, ct);
        await PrepareTryItAsync(officer, ct);

        audit.Record(null, OpenedAction, "DemoDataSet", "demo.json", "today's referrals, offers and approval made; simulated providers answer what is sent from now on");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A complete draft referral for the guided first run, ready to send from its check-answers page: a nine-year-old
    /// in Leeds needing a fostering family, which several demo providers' vacancies fit. Null when the officer's
    /// council has no DPS lot for fostering.
    /// </summary>
    public async Task<Guid?> PrepareTryItAsync(Actor officer, CancellationToken ct = default)
    {
        var lotId = await LotAsync(officer, PlacementType.StandardFostering, ct);
        if (lotId is null)
        {
            return null;
        }
        var today = UkTime.Today(clock);
        var number = await db.Referrals.CountAsync(r => r.LocalAuthorityId == officer.LocalAuthorityId && r.ChildReference.StartsWith(TryItPrefix), ct) + 1;
        var created = await referrals.CreateAsync(officer, new CreateReferralRequest(lotId, Urgency.Planned, today.AddDays(7), PlacementDuration.LongTerm,
            new ChildInput($"{TryItPrefix}{number:0000}", "Lily", "Marsden", today.AddYears(-9).AddDays(-40), Gender.Female, 1,
                [Need.EmotionalBehavioural], [Need.EmotionalBehavioural], "Lily would like to live with a family who has a dog, and to stay at her school."),
            HomePostcode, HomeLatitude, HomeLongitude, 40, 1150m, clock.GetUtcNow().UtcDateTime.AddDays(3), Draft: true,
            ProviderSummary: "A nine-year-old girl coming into care for the first time. She is settled at school, finds change hard and is "
                + "reassured by routine. No known risks to other children."), ct);
        if (!created.Succeeded)
        {
            logger.LogWarning("The guided first run's referral could not be prepared: {Reason}", created.Message);
            return null;
        }
        return created.Value!.Id;
    }

    private async Task<Guid> PublishAsync(Actor officer, PlacementType type, ChildInput child, Urgency urgency, DateOnly start, decimal budget,
        DateTime deadline, string summary, CancellationToken ct)
    {
        var lotId = await LotAsync(officer, type, ct) ?? throw new InvalidOperationException($"The demo data has no {type} lot for Leeds.");
        var created = await referrals.CreateAsync(officer, new CreateReferralRequest(lotId, urgency, start,
            urgency == Urgency.Emergency ? PlacementDuration.Emergency : PlacementDuration.LongTerm, child, HomePostcode, HomeLatitude, HomeLongitude,
            40, budget, deadline, Draft: false, ProviderSummary: summary), ct);
        return created.Succeeded
            ? created.Value!.Id
            : throw new InvalidOperationException($"The demo referral {child.Reference} was refused: {created.Message} {string.Join("; ", created.Errors.SelectMany(e => e.Value))}");
    }

    /// <summary>Offers from up to <paramref name="count"/> simulated providers whose vacancies fit, each a little above or below its vacancy's price.</summary>
    private async Task<int> OfferFromFittingAsync(Guid referralId, IReadOnlySet<Guid> simulated, int count, CancellationToken ct)
    {
        var made = 0;
        foreach (var provider in await FittingSimulatedAsync(referralId, simulated, ct))
        {
            if (made == count)
            {
                break;
            }
            var factor = 0.96m + made * 0.03m;
            var offer = await DemoProviderAnswers.OfferCheapestFittingAsync(db, offers, provider, referralId, price => price * factor,
                DemoProviderAnswers.OfferNotes[made % DemoProviderAnswers.OfferNotes.Length], false, ct);
            made += offer is { Succeeded: true } ? 1 : 0;
        }
        return made;
    }

    /// <summary>The accounts of the simulated providers the referral fits, in a fixed order.</summary>
    private async Task<List<Actor>> FittingSimulatedAsync(Guid referralId, IReadOnlySet<Guid> simulated, CancellationToken ct)
    {
        var recipients = await db.ReferralRecipients.AsNoTracking().Where(r => r.ReferralId == referralId && r.Fits)
            .OrderBy(r => r.ProviderId).Select(r => r.ProviderId).ToListAsync(ct);
        var actors = new List<Actor>();
        foreach (var providerId in recipients.Where(simulated.Contains))
        {
            if (await ProviderActorAsync(providerId, ct) is { } provider)
            {
                actors.Add(provider);
            }
        }
        return actors;
    }

    /// <summary>
    /// A specialist fostering referral whose offer is priced above the lot's band: the officer has accepted it, and it
    /// waits for the Leeds placement manager's decision with the place held.
    /// </summary>
    private async Task AwaitingApprovalAsync(Actor officer, IReadOnlySet<Guid> simulated, DateOnly today, DateTime now, CancellationToken ct)
    {
        var referralId = await PublishAsync(officer, PlacementType.SpecialistFostering, new ChildInput("LDS-187340", "Kai", "Walsh",
            today.AddYears(-12).AddDays(-30), Gender.Male, 1, [Need.EmotionalBehavioural, Need.SelfHarm], [Need.EmotionalBehavioural],
            "Kai wants to stay in touch with his younger sister."),
            Urgency.Urgent, today.AddDays(4), 2100m, now.AddDays(2),
            "A twelve-year-old boy who self-harms when anxious; he needs carers trained in therapeutic parenting.", ct);
        var lot = await db.Referrals.Where(r => r.Id == referralId).Select(r => db.Lots.First(l => l.Id == r.LotId)).SingleAsync(ct);
        // Priced above the lot's band: an exception a manager must approve (spec 5.4).
        var price = decimal.Round((lot.PriceBandUpper ?? lot.BenchmarkWeeklyPrice ?? 1600m) * 1.15m, 0);
        foreach (var provider in await FittingSimulatedAsync(referralId, simulated, ct))
        {
            var offer = await DemoProviderAnswers.OfferCheapestFittingAsync(db, offers, provider, referralId, _ => price,
                "Therapeutic carers with a vacancy now; the price includes weekly sessions with our clinical psychologist.", true, ct);
            if (offer is not { Succeeded: true })
            {
                continue;
            }
            var accepted = await placements.AcceptAsync(officer, offer.Value!.Id, new AcceptRequest(PlacementKind.Spot, null,
                "The only offer from carers trained in therapeutic parenting; worth the price above the band."), ct);
            if (accepted.Succeeded && accepted.Value!.ApprovalId is not null)
            {
                return;
            }
            logger.LogWarning("The demo approval was not made: the accepted offer {Outcome}", accepted.Succeeded ? "became a placement" : accepted.Message);
            return;
        }
    }

    private async Task<Guid?> LotAsync(Actor officer, PlacementType type, CancellationToken ct) =>
        await Lots(db, officer.LocalAuthorityId!.Value, type).OrderBy(l => l.Name).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);

    /// <summary>The open lots of a placement type the authority may refer to: the guided first run needs a standard fostering one.</summary>
    public static IQueryable<DpsLot> Lots(PlacementBrokerDbContext db, Guid authorityId, PlacementType type = PlacementType.StandardFostering) =>
        db.Lots.VisibleTo(authorityId).Where(l => l.PlacementType == type && l.Dps!.Status == DpsStatus.Open);

    private async Task<Actor> ActorAsync(string email, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct);
        return new Actor(user.Id, user.Email!, user.Role, user.LocalAuthorityId, user.ProviderId);
    }

    /// <summary>The account a simulated provider answers referrals through: its first enabled provider user.</summary>
    internal static async Task<Actor?> ProviderActorAsync(PlacementBrokerDbContext db, Guid providerId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.ProviderId == providerId && u.Role == Role.ProviderUser && u.DisabledAt == null)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => new Actor(u.Id, u.Email!, u.Role, null, u.ProviderId)).FirstOrDefaultAsync(ct);

    private Task<Actor?> ProviderActorAsync(Guid providerId, CancellationToken ct) => ProviderActorAsync(db, providerId, ct);

    /// <summary>
    /// The providers the simulator answers for: every provider of the demo data set except the four whose accounts are
    /// in the README, which are left for people to try the provider's side with.
    /// </summary>
    public static async Task<HashSet<Guid>> SimulatedProvidersAsync(PlacementBrokerDbContext db, DemoDataSet data, CancellationToken ct = default)
    {
        var forPeople = data.Users.Where(u => u.Provider is not null).Select(u => u.Provider!).ToHashSet();
        var numbers = data.Providers.Where(p => !forPeople.Contains(p.Key)).Select(p => p.RegistrationNumber).ToList();
        return [.. await db.Providers.AsNoTracking().Where(p => numbers.Contains(p.RegistrationNumber)).Select(p => p.Id).ToListAsync(ct)];
    }
}
