using System.Linq.Expressions;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Jobs;

namespace PlacementBroker.TestCommon;

/// <summary>Runs an enqueued job at once in its own scope; records recurring schedules so tests can run them on demand.</summary>
public class ImmediateJobScheduler(IServiceScopeFactory scopes) : IJobScheduler
{
    private readonly Dictionary<string, Func<Task>> _recurring = new();

    public IReadOnlyCollection<string> RecurringJobIds => _recurring.Keys;

    public async Task EnqueueAsync<TJob>(Expression<Func<TJob, Task>> call) where TJob : notnull => await RunAsync(call);

    public void ScheduleRecurring<TJob>(string jobId, Expression<Func<TJob, Task>> call, string cronExpression) where TJob : notnull =>
        _recurring[jobId] = () => RunAsync(call);

    public Task RunRecurringAsync(string jobId) => _recurring[jobId]();

    private async Task RunAsync<TJob>(Expression<Func<TJob, Task>> call) where TJob : notnull
    {
        using var scope = scopes.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<TJob>();
        await call.Compile()(job);
    }
}
