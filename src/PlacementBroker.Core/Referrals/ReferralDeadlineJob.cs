using Microsoft.Extensions.Options;

namespace PlacementBroker.Core.Referrals;

/// <summary>
/// A sweep, every few minutes: closes referrals to new offers at their deadline (unfilled when nothing acceptable
/// arrived) and alerts the officer; escalates emergencies with no offer to the placement managers. Each referral
/// is alerted and escalated once, however often the sweep runs.
/// </summary>
public class ReferralDeadlineJob(
    PlacementBrokerDbContext db, MatchService matching, ReferralService referrals, Placements.PlaceLedger places, EmailOutbox emails,
    IOptions<ReferralOptions> options, TimeProvider clock)
{
    public const string RecurringId = "referral-deadlines";
    public const string Cron = "*/5 * * * *";

    public async Task RunAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var notices = new List<Func<Task>>();

        var due = await db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Open && r.OfferDeadline <= now && r.DeadlineAlertedAt == null)
            .OrderBy(r => r.OfferDeadline).ThenBy(r => r.Id).Select(r => r.Id).Take(200).ToListAsync();
        foreach (var referralId in due)
        {
            db.ChangeTracker.Clear();
            var referral = await db.Referrals.SingleAsync(r => r.Id == referralId);
            if (referral.Status != ReferralStatus.Open || referral.DeadlineAlertedAt is not null)
            {
                continue;
            }
            Func<Task>? notice = null;
            // Only offers still on the table count: a rejected, withdrawn or not-selected offer is no answer.
            var live = (await db.Offers.AsNoTracking()
                .Where(o => o.ReferralId == referral.Id && (o.Status == OfferStatus.Submitted || o.Status == OfferStatus.PendingApproval))
                .Select(o => o.Id).ToListAsync()).ToHashSet();
            var ranked = (await matching.RankOffersAsync(referral)).Where(m => live.Contains(m.Candidate.Id)).ToList();
            var acceptable = ranked.Count(m => m.Eligible && !m.RequiresApproval);
            var needingApproval = ranked.Count(m => m.Eligible && m.RequiresApproval);
            var officer = await db.Users.Where(u => u.Id == referral.CreatedByUserId).Select(u => u.Email).SingleAsync();
            referral.DeadlineAlertedAt = now;
            if (acceptable == 0 && needingApproval == 0)
            {
                notice = await referrals.CloseAsync(referral, ReferralStatus.Unfilled, "No acceptable offer arrived by the deadline", CancellationToken.None);
                await emails.QueueAsync(officer!, "A referral had no acceptable offer by the deadline",
                    $"The deadline for offers on your referral sent {Words.DateTime(referral.PublishedAt ?? referral.CreatedAt)} (/referrals/{referral.Id}) has passed with no acceptable offer ({ranked.Count} offer(s) received). "
                    + "The referral is marked unfilled. You can send it again with a wider radius, a higher budget or another lot.",
                    reference: $"referral-deadline:{referral.Id}");
            }
            else
            {
                await emails.QueueAsync(officer!, "A referral's offers are ready to compare",
                    $"The deadline for offers on your referral sent {Words.DateTime(referral.PublishedAt ?? referral.CreatedAt)} (/referrals/{referral.Id}) has passed. {acceptable} offer(s) can be accepted now"
                    + (needingApproval > 0 ? $" and {needingApproval} would need a placement manager's approval." : "."),
                    reference: $"referral-deadline:{referral.Id}");
            }
            // Each referral on its own, conditional on the state it was read in: an officer accepting an offer at this
            // moment wins, and this referral is left as placed. Another run that alerted it first (its email's unique
            // reference) has done the work: this run moves on rather than failing.
            try
            {
                await places.SaveUnderReferralLockAsync(referral.Id, now, CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                continue;
            }
            if (notice is not null)
            {
                notices.Add(notice);
            }
        }
        db.ChangeTracker.Clear();

        var escalateBefore = now.AddHours(-options.Value.EmergencyEscalationHours);
        var emergencies = await db.Referrals
            .Where(r => r.Status == ReferralStatus.Open && r.Urgency == Urgency.Emergency && r.EscalatedAt == null && r.PublishedAt <= escalateBefore
                && !db.Offers.Any(o => o.ReferralId == r.Id && o.Status != OfferStatus.Withdrawn))
            .Take(200).ToListAsync();
        foreach (var referral in emergencies)
        {
            if (db.Entry(referral).State == EntityState.Detached)
            {
                db.Attach(referral);
            }
            referral.EscalatedAt = now;
            var managers = await db.Users.Where(u => u.LocalAuthorityId == referral.LocalAuthorityId && u.Role == Role.PlacementManager)
                .Select(u => new { u.Id, u.Email }).ToListAsync();
            foreach (var manager in managers)
            {
                await emails.QueueAsync(manager.Email!, "An emergency referral has no offer",
                    $"The emergency referral /referrals/{referral.Id}, sent {Words.DateTime(referral.PublishedAt!.Value)}, has had no offer for "
                    + $"{options.Value.EmergencyEscalationHours:0.#} hours. It may need you to call providers directly.",
                    reference: $"referral-escalated:{referral.Id}:{manager.Id}");
            }
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Placed or closed at this moment (no longer an emergency without an offer), or escalated by another run.
                db.ChangeTracker.Clear();
            }
        }
        foreach (var notice in notices)
        {
            await notice();
        }
    }
}
