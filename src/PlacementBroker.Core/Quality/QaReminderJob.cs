using System.Text;

namespace PlacementBroker.Core.Quality;

/// <summary>Each working morning, tells every QA officer what on their queue is overdue or due within a week. Once a day, however often it runs.</summary>
public class QaReminderJob(PlacementBrokerDbContext db, QualityService quality, WorkingDayCalendar calendar, EmailOutbox emails, TimeProvider clock)
    : WorkingDayReminderJob(calendar, emails, clock)
{
    public const string RecurringId = "qa-reminders";
    public const string Cron = "15 7 * * *";

    protected override async Task RemindAsync(DateOnly today)
    {
        var officers = await db.Users.AsNoTracking().Where(u => u.Role == Role.QaOfficer && u.LocalAuthorityId != null)
            .Select(u => new { u.Id, u.Email, u.LocalAuthorityId }).ToListAsync();
        foreach (var team in officers.GroupBy(o => o.LocalAuthorityId))
        {
            var actor = new Actor(team.First().Id, team.First().Email!, Role.QaOfficer, team.Key, null);
            var items = (await quality.WorkQueueAsync(actor)).Where(i => i.DueBy <= today.AddDays(7)).ToList();
            if (items.Count == 0)
            {
                continue;
            }
            var body = new StringBuilder();
            foreach (var item in items)
            {
                body.AppendLine($"- {(item.Overdue ? "OVERDUE" : "Due")} {Words.Date(item.DueBy)}: {item.ProviderName}, {item.SettingName}. {item.Description}");
            }
            foreach (var officer in team)
            {
                await SendAsync("qa-reminder", officer.Id, officer.Email!,
                    $"QA work queue: {items.Count(i => i.Overdue)} overdue, {items.Count(i => !i.Overdue)} due this week", body.ToString(), today);
            }
        }
    }
}
