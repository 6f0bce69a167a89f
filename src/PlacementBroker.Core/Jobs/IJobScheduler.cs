using System.Linq.Expressions;

namespace PlacementBroker.Core.Jobs;

/// <summary>
/// Schedules background work. Every job is an idempotent sweep over database state, so a job store that is
/// lost on restart (the in-memory store used with SQLite) loses nothing: the next run finds the same work.
/// </summary>
public interface IJobScheduler
{
    Task EnqueueAsync<TJob>(Expression<Func<TJob, Task>> call) where TJob : notnull;

    void ScheduleRecurring<TJob>(string jobId, Expression<Func<TJob, Task>> call, string cronExpression) where TJob : notnull;
}
