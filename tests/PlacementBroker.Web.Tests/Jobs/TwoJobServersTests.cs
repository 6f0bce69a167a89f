using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Xunit.Abstractions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Jobs;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Jobs;

/// <summary>
/// Two job servers on one PostgreSQL database, both triggering every recurring job at the same moment: each reminder
/// is queued once and each email sent once.
/// </summary>
public sealed class TwoJobServersTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private static readonly string[] Sweeps =
        [DecisionReminderJob.RecurringId, ReferralDeadlineJob.RecurringId, QaReminderJob.RecurringId, BillingJob.RecurringId];

    private readonly RecordingDelivery _delivery = new();
    private TestDatabase _database = null!;
    private JobServerNode _first = null!;
    private JobServerNode _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        // One after the other: two nodes installing Hangfire's schema at the same instant can race.
        _first = new JobServerNode(_database, _delivery);
        await _first.InitializeAsync();
        _second = new JobServerNode(_database, _delivery);
        await _second.InitializeAsync();
        // The test says when the sweeps run: their schedules by the real clock would add runs at a minute's turn.
        var scheduler = _first.Services.GetRequiredService<IJobScheduler>();
        scheduler.ScheduleRecurring<EmailDeliveryJob>(EmailDeliveryJob.RecurringId, job => job.RunAsync(), Cron.Never());
        scheduler.ScheduleRecurring<DecisionReminderJob>(DecisionReminderJob.RecurringId, job => job.RunAsync(), Cron.Never());
        scheduler.ScheduleRecurring<ReferralDeadlineJob>(ReferralDeadlineJob.RecurringId, job => job.RunAsync(), Cron.Never());
        scheduler.ScheduleRecurring<QaReminderJob>(QaReminderJob.RecurringId, job => job.RunAsync(), Cron.Never());
        scheduler.ScheduleRecurring<BillingJob>(BillingJob.RecurringId, job => job.RunAsync(), Cron.Never());
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _database.DisposeAsync();
    }

    private void AdvanceBoth(TimeSpan by)
    {
        _first.Clock.Advance(by);
        _second.Clock.Advance(by);
    }

    /// <summary>Both nodes trigger the jobs at the same moment.</summary>
    private async Task TriggerOnBothAsync(params string[] jobIds)
    {
        using var start = new ManualResetEventSlim();
        var triggers = new[] { _first, _second }.Select(node => Task.Run(() =>
        {
            var manager = node.Services.GetRequiredService<IRecurringJobManager>();
            start.Wait(Bound);
            foreach (var id in jobIds)
            {
                manager.Trigger(id);
            }
        })).ToList();
        start.Set();
        await Task.WhenAll(triggers).WaitAsync(Bound);
    }

    /// <summary>Waits, bounded, until the farm has nothing enqueued or running and the condition holds.</summary>
    private async Task WaitUntilAsync(Func<PlacementBrokerDbContext, Task<bool>> condition, string what)
    {
        var monitor = _first.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            using var scope = _first.Services.CreateScope();
            var idle = monitor.ProcessingCount() == 0 && monitor.EnqueuedCount("default") == 0;
            if (idle && await condition(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>()))
            {
                var retrying = monitor.ScheduledJobs(0, 10).Select(j => $"{j.Value.Job?.Type.Name} ("
                    + string.Join(" | ", monitor.JobDetails(j.Key).History.Where(h => h.StateName == "Failed")
                        .Select(h => h.Data.TryGetValue("ExceptionMessage", out var message) ? message[..Math.Min(300, message.Length)] : "")) + ")");
                output.WriteLine($"{what}: {(DateTime.UtcNow - (deadline - Bound)).TotalSeconds:0.0} s; retrying: {string.Join(", ", retrying)}");
                return;
            }
            if (DateTime.UtcNow >= deadline)
            {
                var failed = monitor.FailedJobs(0, 10).Select(j => $"{j.Value.Job?.Type.Name}: {j.Value.ExceptionMessage}");
                static string Get(IDictionary<string, string> data, string key) => data.TryGetValue(key, out var value) ? value[..Math.Min(1500, value.Length)] : "";
                var retrying = monitor.ScheduledJobs(0, 10).Select(j => $"{j.Value.Job?.Type.Name} ("
                    + string.Join(" | ", monitor.JobDetails(j.Key).History.Where(h => h.StateName == "Failed")
                        .Select(h => $"{Get(h.Data, "ExceptionType")}: {Get(h.Data, "ExceptionMessage")} {Get(h.Data, "ExceptionDetails")}")) + ")");
                var references = await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails.Select(e => e.Reference).ToListAsync();
                Assert.Fail($"Timed out waiting until {what}. Processing {monitor.ProcessingCount()}, enqueued {monitor.EnqueuedCount("default")}, "
                    + $"servers {monitor.Servers().Count}, succeeded {monitor.SucceededListCount()}; failed: {string.Join("; ", failed)}; retrying: {string.Join(", ", retrying)}; "
                    + $"outbox: {string.Join(", ", references)}");
            }
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task RecurringJobs_TriggeredOnTwoJobServersAtOnce_QueueEachReminderOnceAndSendEachEmailOnce()
    {
        var data = _first.Data;
        // A DPS application waiting for a decision, a high concern waiting for a QA visit, a referral whose deadline passes.
        var dps = await data.CreateDpsAsync();
        var waiting = await data.CreateProviderAsync();
        await data.ApplyAsync(waiting, dps, admit: false);
        var qa = await data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId);
        var member = await data.CreateProviderAsync();
        await data.ApplyAsync(member, dps);
        await data.CreateSettingAsync(member);
        using (var qaClient = await data.ClientForAsync(qa))
        {
            (await qaClient.PostAsJsonAsync("/api/qa/flags", new { providerId = member.Id, category = "Complaint", severity = "High", description = "Complaint from a parent" }))
                .EnsureSuccessStatusCode();
        }
        var officer = await data.OfficerForAsync(dps);
        string referralId;
        using (var officerClient = await data.ClientForAsync(officer))
        {
            var body = data.ReferralBody(dps.LotId);
            body["offerDeadline"] = _first.Clock.GetUtcNow().UtcDateTime.AddHours(1).ToString("O");
            referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        }
        // Friday 4 December: the decision is due on Monday (the next working day), the concern's visit is overdue,
        // the referral's deadline has passed.
        AdvanceBoth(TimeSpan.FromDays(11));
        var day = UkTime.Today(_first.Clock).ToString("yyyy-MM-dd");
        string[] reminders = [$"dps-decisions:{dps.Commissioner.Id}:{day}", $"qa-reminder:{qa.Id}:{day}", $"referral-deadline:{referralId}"];

        await TriggerOnBothAsync(Sweeps);
        await WaitUntilAsync(async db => await db.OutboxEmails.CountAsync(e => reminders.Contains(e.Reference!)) == reminders.Length
            && await db.Referrals.AnyAsync(r => r.Id == Guid.Parse(referralId) && r.DeadlineAlertedAt != null), "every reminder is queued");
        await TriggerOnBothAsync(Sweeps);
        _delivery.Arm();
        await TriggerOnBothAsync(EmailDeliveryJob.RecurringId);
        await WaitUntilAsync(async db => !await db.OutboxEmails.AnyAsync(e => e.DeliveredAt == null), "every email is delivered");

        using var scope = _first.Services.CreateScope();
        var emails = await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails.AsNoTracking().ToListAsync();
        Assert.All(reminders, reference => Assert.Single(emails, e => e.Reference == reference));
        Assert.Equal(ReferralStatus.Unfilled, (await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Referrals.SingleAsync(r => r.Id == Guid.Parse(referralId))).Status);
        Assert.True(_delivery.Overlapped, "The two nodes' delivery runs never had a send in flight at the same time");
        Assert.All(emails, e => Assert.Equal(1, _delivery.Sends.GetValueOrDefault(e.Id)));
    }
}
