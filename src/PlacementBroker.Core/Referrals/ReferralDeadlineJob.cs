using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Notifications;

namespace PlacementBroker.Core.Referrals;

public class ReferralOptions
{
    public const string Section = "PlacementBroker:Referrals";

    /// <summary>An emergency referral with no offer after this long goes to the authority's placement managers.</summary>
    public double EmergencyEscalationHours { get; set; } = 2;
}

/// <summary>
/// A sweep, every few minutes: closes referrals to new offers at their deadline (unfilled when nothing acceptable
/// arrived) and alerts the officer; escalates emergencies with no offer to the placement managers. Each referral
/// is alerted and escalated once, however often the sweep runs.
/// </summary>
public class ReferralDeadlineJob(
    PlacementBrokerDbContext db, MatchService matching, ReferralService referrals, EmailOutbox emails, IOptions<ReferralOptions> options,
    TimeProvider clock)
{
    public const string RecurringId = "referral-deadlines";
    public const string Cron = "*/5 * * * *";

    public async Task RunAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var notices = new List<Func<Task>>();

        var due = await db.Referrals.Where(r => r.Status == ReferralStatus.Open && r.OfferDeadline <= now && r.DeadlineAlertedAt == null)
            .OrderBy(r => r.OfferDeadline).Take(200).ToListAsync();
        foreach (var referral in due)
        {
            var ranked = await matching.RankOffersAsync(referral);
            var acceptable = ranked.Count(m => m.Eligible && !m.RequiresApproval);
            var needingApproval = ranked.Count(m => m.Eligible && m.RequiresApproval);
            var officer = await db.Users.Where(u => u.Id == referral.CreatedByUserId).Select(u => u.Email).SingleAsync();
            referral.DeadlineAlertedAt = now;
            if (acceptable == 0 && needingApproval == 0)
            {
                notices.Add(await referrals.CloseAsync(referral, ReferralStatus.Unfilled, "No acceptable offer arrived by the deadline", CancellationToken.None));
                await emails.QueueAsync(officer!, "A referral had no acceptable offer by the deadline",
                    $"The deadline for offers on your referral sent {UkTime.Describe(referral.PublishedAt ?? referral.CreatedAt)} (/referrals/{referral.Id}) has passed with no acceptable offer ({ranked.Count} offer(s) received). "
                    + "The referral is marked unfilled. You can send it again with a wider radius, a higher budget or another lot.",
                    reference: $"referral-deadline:{referral.Id}");
            }
            else
            {
                await emails.QueueAsync(officer!, "A referral's offers are ready to compare",
                    $"The deadline for offers on your referral sent {UkTime.Describe(referral.PublishedAt ?? referral.CreatedAt)} (/referrals/{referral.Id}) has passed. {acceptable} offer(s) can be accepted now"
                    + (needingApproval > 0 ? $" and {needingApproval} would need a placement manager's approval." : "."),
                    reference: $"referral-deadline:{referral.Id}");
            }
        }

        var escalateBefore = now.AddHours(-options.Value.EmergencyEscalationHours);
        var emergencies = await db.Referrals
            .Where(r => r.Status == ReferralStatus.Open && r.Urgency == Urgency.Emergency && r.EscalatedAt == null && r.PublishedAt <= escalateBefore
                && !db.Offers.Any(o => o.ReferralId == r.Id && o.Status != OfferStatus.Withdrawn))
            .Take(200).ToListAsync();
        foreach (var referral in emergencies)
        {
            referral.EscalatedAt = now;
            var managers = await db.Users.Where(u => u.LocalAuthorityId == referral.LocalAuthorityId && u.Role == Role.PlacementManager)
                .Select(u => new { u.Id, u.Email }).ToListAsync();
            foreach (var manager in managers)
            {
                await emails.QueueAsync(manager.Email!, "An emergency referral has no offer",
                    $"The emergency referral /referrals/{referral.Id}, sent {UkTime.Describe(referral.PublishedAt!.Value)}, has had no offer for "
                    + $"{options.Value.EmergencyEscalationHours:0.#} hours. It may need you to call providers directly.",
                    reference: $"referral-escalated:{referral.Id}:{manager.Id}");
            }
        }
        await db.SaveChangesAsync();
        foreach (var notice in notices)
        {
            await notice();
        }
    }
}
