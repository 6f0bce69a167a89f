using System.Linq.Expressions;
using Hangfire;

namespace PlacementBroker.Core.Jobs;

public class HangfireJobScheduler(IBackgroundJobClient jobs, IRecurringJobManager recurringJobs) : IJobScheduler
{
    public Task EnqueueAsync<TJob>(Expression<Func<TJob, Task>> call) where TJob : notnull
    {
        jobs.Enqueue(call);
        return Task.CompletedTask;
    }

    public void ScheduleRecurring<TJob>(string jobId, Expression<Func<TJob, Task>> call, string cronExpression) where TJob : notnull =>
        recurringJobs.AddOrUpdate(jobId, call, cronExpression, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
}
