namespace PlacementBroker.Core.Notifications;

/// <summary>
/// A morning reminder sweep: it runs on working days only, and each person gets at most one of its emails a day however
/// often it runs (the reference names the person and the day, and the outbox keeps one email a reference).
/// </summary>
public abstract class WorkingDayReminderJob(WorkingDayCalendar calendar, EmailOutbox emails, TimeProvider clock)
{
    protected WorkingDayCalendar Calendar { get; } = calendar;

    public async Task RunAsync()
    {
        var today = UkTime.Today(clock);
        if (Calendar.IsWorkingDay(today))
        {
            await RemindAsync(today);
        }
    }

    /// <summary>The working day's reminders, each sent with <see cref="SendAsync"/>.</summary>
    protected abstract Task RemindAsync(DateOnly today);

    /// <summary>One person's reminder of the day: <paramref name="kind"/> starts the reference that keeps it to one a day.</summary>
    protected Task SendAsync(string kind, Guid userId, string email, string subject, string body, DateOnly today) =>
        emails.QueueAndSaveAsync(email, subject, body, reference: $"{kind}:{userId}:{today:yyyy-MM-dd}");
}
