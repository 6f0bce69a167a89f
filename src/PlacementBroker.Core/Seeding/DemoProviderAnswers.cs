using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using PlacementBroker.Core.Sharing;

namespace PlacementBroker.Core.Seeding;

public enum DemoAnswerKind
{
    Offer,
    Decline,
    Silent,
}

/// <summary>
/// What one simulated provider does with one referral, and how long after it was sent. Decided from the two ids alone,
/// so a restarted host makes the same decisions and never answers twice.
/// </summary>
public sealed record DemoAnswer(DemoAnswerKind Kind, TimeSpan After, DeclineReason? Reason = null, string? Detail = null, decimal PriceFactor = 1m,
    string? Notes = null, string? Question = null, TimeSpan QuestionAfter = default);

/// <summary>
/// The demo providers answering referrals as real ones would (issue: the first run shows the live market): each provider
/// with a fitting vacancy answers within the answer window — most with an offer near their vacancy's price, some with a
/// decline and a reason, now and then with a question first — and about a third of those without one decline. Everything goes through
/// <see cref="OfferService"/> and <see cref="SharingService"/> as the provider's own account, so the hub events,
/// ranking, approvals and sufficiency see ordinary data. Only referrals sent after the demo market opened are answered.
/// </summary>
public class DemoProviderAnswers(PlacementBrokerDbContext db, OfferService offers, SharingService sharing, TimeProvider clock, ILogger<DemoProviderAnswers> logger)
{
    /// <summary>Referrals older than this are left alone, whatever the simulator missed while the host was stopped.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(1);

    internal static readonly string[] OfferNotes =
    [
        "An experienced carer household with one other child placed, aged 15; the carers have completed trauma-informed training.",
        "Our carers live ten minutes from the child's school and can keep the school run going from the first day.",
        "A single carer who works from home, with 24-hour support from our out-of-hours team and monthly supervision.",
        "We can start on the date asked for; a matching meeting can be held this week.",
        "The home has one other young person of a similar age; staff ratio 2:1 during the day and a waking night worker.",
        "Our education lead will link with the virtual school head so education carries on without a gap.",
    ];

    private static readonly (DeclineReason Reason, string Detail)[] FittingDeclines =
    [
        (DeclineReason.ImpactOnOtherChildren, "The children already in the home are younger; we do not think the match would work for them."),
        (DeclineReason.RiskTooHigh, "Our carers are not trained for the level of risk described."),
        (DeclineReason.StartDateNotPossible, "Our carers are away until later in the month."),
        (DeclineReason.CannotMeetNeeds, "We cannot offer the one-to-one support the child needs at present."),
    ];

    private static readonly (DeclineReason Reason, string Detail)[] OtherDeclines =
    [
        (DeclineReason.NoSuitableVacancy, "No vacancy that fits the age and needs at the moment."),
        (DeclineReason.LocationUnsuitable, "Our nearest setting is too far from the child's school."),
        (DeclineReason.OutsideRegistration, "The child's needs are outside what our Ofsted registration allows."),
    ];

    internal static readonly string[] Questions =
    [
        "Does the child have family time arranged that our carers would need to support with transport?",
        "Is there an education plan in place, and would the child stay at the current school?",
        "Has the child had any missing episodes in the last three months?",
        "Are there any health appointments in the next few weeks that we should plan around?",
    ];

    /// <summary>The first two fitting providers, in the order of their ids' hash, always offer: the market always answers.</summary>
    public const int CertainOffers = 2;

    public static DemoAnswer Plan(Guid referralId, Guid providerId, bool fits, bool certain, TimeSpan window)
    {
        var random = RandomFor(referralId, providerId);
        TimeSpan Within(double from, double to) => window * (from + random.NextDouble() * (to - from));
        DemoAnswer WithQuestion(DemoAnswer answer) => random.NextDouble() < 0.15
            ? answer with { Question = Questions[random.Next(Questions.Length)], QuestionAfter = answer.After * 0.5 }
            : answer;
        DemoAnswer Offer(double from, double to) => WithQuestion(new DemoAnswer(DemoAnswerKind.Offer, Within(from, to),
            PriceFactor: 0.97m + (decimal)random.Next(10) / 100m, Notes: OfferNotes[random.Next(OfferNotes.Length)]));

        if (fits && certain)
        {
            return Offer(0.08, 0.4);
        }
        var roll = random.NextDouble();
        if (fits)
        {
            // Every provider with a fitting vacancy answers: most offer, some say why not.
            if (roll < 0.78)
            {
                return Offer(0.15, 0.9);
            }
            var (reason, detail) = FittingDeclines[random.Next(FittingDeclines.Length)];
            return new DemoAnswer(DemoAnswerKind.Decline, Within(0.3, 1), reason, detail);
        }
        if (roll < 0.35)
        {
            var (reason, detail) = OtherDeclines[random.Next(OtherDeclines.Length)];
            return new DemoAnswer(DemoAnswerKind.Decline, Within(0.4, 1), reason, detail);
        }
        return new DemoAnswer(DemoAnswerKind.Silent, TimeSpan.Zero);
    }

    /// <summary>
    /// The same numbers for the same referral and provider, in every process (a seeded <see cref="Random"/> is stable);
    /// <paramref name="purpose"/> keeps the numbers for one choice independent of those for another.
    /// </summary>
    private static Random RandomFor(Guid referralId, Guid providerId, byte purpose = 0)
    {
        Span<byte> bytes = stackalloc byte[33];
        referralId.TryWriteBytes(bytes);
        providerId.TryWriteBytes(bytes[16..]);
        bytes[32] = purpose;
        return new Random(BitConverter.ToInt32(SHA256.HashData(bytes), 0) & int.MaxValue);
    }

    /// <summary>The order in which fitting providers are the certain ones: drawn apart from what each does.</summary>
    private static int Order(Guid referralId, Guid providerId) => RandomFor(referralId, providerId, purpose: 1).Next();

    /// <summary>
    /// Makes every answer that has fallen due: offers, declines and questions of the simulated providers on open
    /// referrals sent after <paramref name="openedAt"/>. Answers already given are seen in the data and not repeated;
    /// an answer the services refuse or that fails (the vacancy was taken, the deadline passed) puts the referral and
    /// provider in <paramref name="refused"/>, not tried again by this process.
    /// </summary>
    /// <returns>How many answers were made.</returns>
    public async Task<int> AnswerDueAsync(IReadOnlySet<Guid> simulated, DateTime openedAt, TimeSpan window, ISet<(Guid Referral, Guid Provider)> refused,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - LookBack > openedAt ? now - LookBack : openedAt;
        var open = await db.Referrals.AsNoTracking()
            .Where(r => r.Status == ReferralStatus.Open && r.PublishedAt > since && r.OfferDeadline > now)
            .OrderBy(r => r.PublishedAt).Select(r => new { r.Id, PublishedAt = r.PublishedAt!.Value }).ToListAsync(ct);
        var made = 0;
        foreach (var referral in open)
        {
            var recipients = (await db.ReferralRecipients.AsNoTracking().Where(r => r.ReferralId == referral.Id)
                .Select(r => new { r.ProviderId, r.Fits, Declined = r.DeclinedAt != null }).ToListAsync(ct)).Where(r => simulated.Contains(r.ProviderId)).ToList();
            var offered = (await db.Offers.AsNoTracking().Where(o => o.ReferralId == referral.Id).Select(o => o.ProviderId).ToListAsync(ct)).ToHashSet();
            var asked = (await db.ReferralQuestions.AsNoTracking().Where(q => q.ReferralId == referral.Id).Select(q => q.ProviderId).ToListAsync(ct)).ToHashSet();
            // Chosen among every fitting recipient, declined or not, so one provider's answer never changes another's.
            var certain = recipients.Where(r => r.Fits).OrderBy(r => Order(referral.Id, r.ProviderId)).ThenBy(r => r.ProviderId)
                .Take(CertainOffers).Select(r => r.ProviderId).ToHashSet();
            foreach (var recipient in recipients)
            {
                if (recipient.Declined || offered.Contains(recipient.ProviderId) || refused.Contains((referral.Id, recipient.ProviderId)))
                {
                    continue;
                }
                var plan = Plan(referral.Id, recipient.ProviderId, recipient.Fits, certain.Contains(recipient.ProviderId), window);
                var askNow = plan.Question is not null && !asked.Contains(recipient.ProviderId) && referral.PublishedAt + plan.QuestionAfter <= now;
                var answerNow = plan.Kind != DemoAnswerKind.Silent && referral.PublishedAt + plan.After <= now;
                if (!askNow && !answerNow)
                {
                    continue;
                }
                try
                {
                    made += await ActAsync(referral.Id, recipient.ProviderId, plan, askNow, answerNow, ct);
                }
                catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
                {
                    // One provider's failure (a vacancy gone between reading and offering, a save that lost a race) is
                    // that provider's alone: it is not tried again, and the others still answer.
                    db.ChangeTracker.Clear();
                    refused.Add((referral.Id, recipient.ProviderId));
                    logger.LogInformation(e, "Demo provider {Provider} could not answer referral {Referral}", recipient.ProviderId, referral.Id);
                }
            }
        }
        return made;
    }

    private async Task<int> ActAsync(Guid referralId, Guid providerId, DemoAnswer plan, bool askNow, bool answerNow, CancellationToken ct)
    {
        if (await DemoMarketToday.ProviderActorAsync(db, providerId, ct) is not { } provider)
        {
            throw new InvalidOperationException("The provider has no enabled account to answer through.");
        }
        var made = 0;
        if (askNow)
        {
            var question = await sharing.AskAsync(provider, referralId, new QuestionRequest(plan.Question), ct);
            Log(provider, referralId, "question", question.Succeeded, question.Message);
            made += question.Succeeded ? 1 : 0;
        }
        if (answerNow)
        {
            if (!await AnswerAsync(provider, referralId, plan, ct))
            {
                throw new InvalidOperationException("The answer was refused.");
            }
            made++;
        }
        return made;
    }

    private async Task<bool> AnswerAsync(Actor provider, Guid referralId, DemoAnswer plan, CancellationToken ct)
    {
        if (plan.Kind == DemoAnswerKind.Offer
            && await OfferCheapestFittingAsync(db, offers, provider, referralId, price => price * plan.PriceFactor, plan.Notes, false, ct) is { } offer)
        {
            Log(provider, referralId, "offer", offer.Succeeded, offer.Message);
            return offer.Succeeded;
        }
        // A provider whose vacancy went in the meantime says so.
        var reason = plan.Kind == DemoAnswerKind.Offer ? DeclineReason.NoSuitableVacancy : plan.Reason!.Value;
        var detail = plan.Kind == DemoAnswerKind.Offer ? "The vacancy we would have offered has just been filled." : plan.Detail;
        var declined = await offers.DeclineAsync(provider, referralId, new DeclineRequest(reason, detail), ct);
        Log(provider, referralId, "decline", declined.Succeeded, declined.Message);
        return declined.Succeeded;
    }

    /// <summary>
    /// The provider's offer from its cheapest vacancy that fits the referral (as its own inbox shows it), priced from the
    /// vacancy's weekly price; null when none fits. The demo's idempotency key makes a second try the same offer.
    /// </summary>
    internal static async Task<Outcome<OfferCreated>?> OfferCheapestFittingAsync(PlacementBrokerDbContext db, OfferService offers, Actor provider,
        Guid referralId, Func<decimal, decimal> price, string? notes, bool includesTherapy, CancellationToken ct)
    {
        if ((await offers.InboxAsync(provider, referralId, ct)).SingleOrDefault() is not { MatchingVacancyIds.Count: > 0 } view
            || await db.Vacancies.AsNoTracking().Where(v => view.MatchingVacancyIds.Contains(v.Id)).OrderBy(v => v.WeeklyPrice).ThenBy(v => v.Id)
                .FirstOrDefaultAsync(ct) is not { } vacancy)
        {
            return null;
        }
        return await offers.SubmitAsync(provider, referralId,
            new SubmitOfferRequest(vacancy.Id, decimal.Round(price(vacancy.WeeklyPrice), 0), null, notes, IncludesTherapy: includesTherapy),
            $"demo:{referralId}:{provider.ProviderId}", ct);
    }

    private void Log(Actor provider, Guid referralId, string what, bool succeeded, string? refusal)
    {
        if (succeeded)
        {
            logger.LogInformation("Demo provider {Provider} answered referral {Referral} with an {What}", provider.ProviderId, referralId, what);
        }
        else
        {
            logger.LogInformation("Demo provider {Provider}'s {What} on referral {Referral} was refused: {Refusal}", provider.ProviderId, what, referralId, refusal);
        }
    }
}
