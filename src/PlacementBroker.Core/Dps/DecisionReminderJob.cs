using System.Text;

namespace PlacementBroker.Core.Dps;

/// <summary>
/// Each morning, tells every commissioner of a lead authority which admission decisions are overdue and which
/// fall due by the next working day. A sweep: run twice on a day, it sends each commissioner one email.
/// </summary>
public class DecisionReminderJob(PlacementBrokerDbContext db, WorkingDayCalendar calendar, EmailOutbox emails, TimeProvider clock)
    : WorkingDayReminderJob(calendar, emails, clock)
{
    public const string RecurringId = "dps-decision-reminders";
    public const string Cron = "0 7 * * *";

    protected override async Task RemindAsync(DateOnly today)
    {
        var nextWorkingDay = Calendar.AddWorkingDays(today, 1);
        var waiting = await db.LotApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Submitted && a.DecisionDueBy <= nextWorkingDay)
            .Select(a => new { a.Id, a.DecisionDueBy, Provider = a.Provider!.Name, Lot = a.Lot!.Name, Lead = a.Lot.Dps!.LeadLocalAuthorityId })
            .ToListAsync();
        foreach (var authority in waiting.GroupBy(a => a.Lead))
        {
            var overdue = authority.Where(a => a.DecisionDueBy < today).OrderBy(a => a.DecisionDueBy).ToList();
            var dueSoon = authority.Where(a => a.DecisionDueBy >= today).OrderBy(a => a.DecisionDueBy).ToList();
            var body = new StringBuilder();
            if (overdue.Count > 0)
            {
                body.AppendLine($"Overdue ({overdue.Count}): the legal decision period has passed.");
                overdue.ForEach(a => body.AppendLine($"- {a.Provider}, {a.Lot}: was due {Words.Date(a.DecisionDueBy!.Value)}"));
                body.AppendLine();
            }
            if (dueSoon.Count > 0)
            {
                body.AppendLine($"Due by {Words.Date(nextWorkingDay)} ({dueSoon.Count}):");
                dueSoon.ForEach(a => body.AppendLine($"- {a.Provider}, {a.Lot}: due {Words.Date(a.DecisionDueBy!.Value)}"));
            }
            var commissioners = await db.Users.AsNoTracking()
                .Where(u => u.LocalAuthorityId == authority.Key && u.Role == Role.Commissioner)
                .Select(u => new { u.Id, u.Email }).ToListAsync();
            foreach (var commissioner in commissioners.Where(c => c.Email is not null))
            {
                await SendAsync("dps-decisions", commissioner.Id, commissioner.Email!,
                    $"DPS admission decisions: {overdue.Count} overdue, {dueSoon.Count} due by {Words.Date(nextWorkingDay)}", body.ToString(), today);
            }
        }
    }
}
