using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Notifications;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Jobs;

/// <summary>The recurring sweeps: registered at start-up, idempotent, and nothing lost when a delivery fails.</summary>
public class JobTests(JobsApp app) : IClassFixture<JobsApp>
{
    private PlacementBrokerDbContext Db(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();

    [Fact]
    public void Startup_RegistersEveryRecurringSweep() =>
        Assert.Superset(new HashSet<string> { EmailDeliveryJob.RecurringId, DecisionReminderJob.RecurringId }, app.Jobs.RecurringJobIds.ToHashSet());

    [Fact]
    public async Task DecisionReminders_OverdueAndDueSoon_EmailEachLeadCommissionerOnceADay()
    {
        var dps = await app.Data.CreateDpsAsync();
        var colleague = await app.Data.CreateUserAsync(Role.Commissioner, dps.Commissioner.LocalAuthorityId);
        var early = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(early, dps, admit: false);
        app.Clock.Advance(TimeSpan.FromDays(7));
        var late = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(late, dps, admit: false);
        // Friday 11 December: the first application (due Monday 7 December) is overdue; the second is due on
        // Monday 14 December, the next working day.
        app.Clock.Advance(TimeSpan.FromDays(11));

        await app.Jobs.RunRecurringAsync(DecisionReminderJob.RecurringId);
        await app.Jobs.RunRecurringAsync(DecisionReminderJob.RecurringId);

        using var scope = app.Services.CreateScope();
        var reminders = await Db(scope).OutboxEmails.Where(e => e.Reference!.StartsWith("dps-decisions:")).ToListAsync();
        var mine = reminders.Where(e => e.To == dps.Commissioner.Email || e.To == colleague.Email).ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, e =>
        {
            Assert.Contains("1 overdue", e.Subject);
            Assert.Contains(early.Name, e.Body);
            Assert.Contains(late.Name, e.Body);
        });
    }

    [Fact]
    public async Task EmailDelivery_ServiceFailsOnce_TheEmailIsSentOnTheNextSweepAndNotTwice()
    {
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>().QueueAsync("someone@test.placementbroker.uk", "Hello", "Body", "delivery-test");
            await Db(scope).SaveChangesAsync();
        }
        app.Delivery.DeliverAsync(Arg.Is<OutboxEmail>(e => e.Reference == "delivery-test"), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<string?>(new HttpRequestException("Notify is down")), Task.FromResult<string?>("notify-id-1"));

        await app.Jobs.RunRecurringAsync(EmailDeliveryJob.RecurringId);
        using (var scope = app.Services.CreateScope())
        {
            var waiting = await Db(scope).OutboxEmails.SingleAsync(e => e.Reference == "delivery-test");
            Assert.Null(waiting.DeliveredAt);
            Assert.Equal("Notify is down", waiting.LastError);
        }
        await app.Jobs.RunRecurringAsync(EmailDeliveryJob.RecurringId);
        await app.Jobs.RunRecurringAsync(EmailDeliveryJob.RecurringId);

        using var final = app.Services.CreateScope();
        var sent = await Db(final).OutboxEmails.SingleAsync(e => e.Reference == "delivery-test");
        Assert.NotNull(sent.DeliveredAt);
        Assert.Equal("notify-id-1", sent.DeliveryId);
        Assert.Equal("GovukNotify", sent.DeliveredBy);
        Assert.Equal(2, sent.Attempts);
        await app.Delivery.Received(2).DeliverAsync(Arg.Is<OutboxEmail>(e => e.Reference == "delivery-test"), Arg.Any<CancellationToken>());
    }
}

/// <summary>The QA officers' morning reminder of their work queue.</summary>
public class QaReminderJobTests(JobsApp app) : IClassFixture<JobsApp>
{
    [Fact]
    public async Task QaReminder_ConcernWaitingForAVisit_EmailsTheTeamOnceADay()
    {
        var dps = await app.Data.CreateDpsAsync();
        var qa = await app.Data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId);
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        await app.Data.CreateSettingAsync(provider);
        using (var client = await app.Data.ClientForAsync(qa))
        {
            (await client.PostAsJsonAsync("/api/qa/flags", new { providerId = provider.Id, category = "Complaint", severity = "High", description = "Complaint from a child's parent" }))
                .EnsureSuccessStatusCode();
        }

        await app.Jobs.RunRecurringAsync(Core.Quality.QaReminderJob.RecurringId);
        await app.Jobs.RunRecurringAsync(Core.Quality.QaReminderJob.RecurringId);

        using var scope = app.Services.CreateScope();
        var emails = await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails.Where(e => e.To == qa.Email).ToListAsync();
        var reminder = Assert.Single(emails);
        Assert.Contains("QA work queue", reminder.Subject);
        Assert.Contains(provider.Name, reminder.Body);
        Assert.Contains("High concern raised 23 November 2026: visit within 7 days", reminder.Body);
    }
}

/// <summary>Both morning reminders keep to working days: a weekend run sends nothing, and Monday's sends each person one email.</summary>
public class WorkingDayReminderJobTests(JobsApp app) : IClassFixture<JobsApp>
{
    [Fact]
    public async Task Reminders_RunOnASaturday_SendNothing_UntilMonday()
    {
        // Monday 23 November: an application due in 10 working days (Monday 7 December) and a high concern to visit within 7.
        var dps = await app.Data.CreateDpsAsync();
        var qa = await app.Data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId);
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var applicant = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(applicant, dps, admit: false);
        await app.Data.CreateSettingAsync(provider);
        using (var client = await app.Data.ClientForAsync(qa))
        {
            (await client.PostAsJsonAsync("/api/qa/flags", new { providerId = provider.Id, category = "Complaint", severity = "High", description = "Complaint from a child's parent" }))
                .EnsureSuccessStatusCode();
        }

        // Saturday 5 December: the visit is overdue and the decision due by the next working day, but no one works today.
        app.Clock.Advance(TimeSpan.FromDays(12));
        await RunBothAsync();
        Assert.Empty(await RemindersAsync(dps.Commissioner.Email, qa.Email));

        // Monday 7 December: one email each, however often the jobs run.
        app.Clock.Advance(TimeSpan.FromDays(2));
        await RunBothAsync();
        await RunBothAsync();
        var reminders = await RemindersAsync(dps.Commissioner.Email, qa.Email);
        Assert.Single(reminders, e => e.To == dps.Commissioner.Email && e.Reference!.StartsWith("dps-decisions:"));
        Assert.Single(reminders, e => e.To == qa.Email && e.Reference!.StartsWith("qa-reminder:"));
        Assert.Equal(2, reminders.Count);
    }

    private async Task RunBothAsync()
    {
        await app.Jobs.RunRecurringAsync(DecisionReminderJob.RecurringId);
        await app.Jobs.RunRecurringAsync(Core.Quality.QaReminderJob.RecurringId);
    }

    private async Task<List<OutboxEmail>> RemindersAsync(params string[] to)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails
            .Where(e => to.Contains(e.To) && (e.Reference!.StartsWith("dps-decisions:") || e.Reference.StartsWith("qa-reminder:"))).ToListAsync();
    }
}
