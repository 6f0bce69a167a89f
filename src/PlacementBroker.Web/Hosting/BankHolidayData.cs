using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PlacementBroker.Web.Hosting;

/// <summary>
/// The bank holiday data the legal decision clock counts working days with must reach at least a year ahead. When it
/// does not, the node warns at start-up and the named check <c>bank-holidays</c> reports degraded (not unhealthy: the
/// service still works, but deadlines past the data's end would count bank holidays as working days).
/// See docs/operations.md, "Bank holidays", for how to update the file.
/// </summary>
public sealed class BankHolidayDataHealthCheck(WorkingDayCalendar calendar, TimeProvider clock) : IHealthCheck
{
    public const string Name = "bank-holidays";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check(calendar, UkTime.Today(clock)));

    public static HealthCheckResult Check(WorkingDayCalendar calendar, DateOnly today)
    {
        var data = new Dictionary<string, object> { ["coveredUntil"] = calendar.CoveredUntil?.ToString("yyyy-MM-dd") ?? "none" };
        return calendar.RunsOutWithinAYear(today)
            ? HealthCheckResult.Degraded(Describe(calendar), data: data)
            : HealthCheckResult.Healthy($"Bank holidays are known until {calendar.CoveredUntil:yyyy-MM-dd}", data);
    }

    public static string Describe(WorkingDayCalendar calendar) => calendar.CoveredUntil is { } until
        ? $"The bank holiday data runs out on {until:yyyy-MM-dd}, less than a year ahead: add the next years to seed/bank-holidays-england-and-wales.json"
        : "The bank holiday data lists no bank holidays: working days count every weekday";
}

/// <summary>Warns in the log at start-up when the bank holiday data has less than a year left.</summary>
public sealed class BankHolidayDataWarning(WorkingDayCalendar calendar, TimeProvider clock, ILogger<BankHolidayDataWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (calendar.RunsOutWithinAYear(UkTime.Today(clock)))
        {
            logger.LogWarning("{Warning}", BankHolidayDataHealthCheck.Describe(calendar));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
