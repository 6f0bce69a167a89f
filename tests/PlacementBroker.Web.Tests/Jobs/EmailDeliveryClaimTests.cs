using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Notifications;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Jobs;

/// <summary>Email delivery claims each message before sending it, so overlapping runs send each email once.</summary>
public abstract class EmailDeliveryClaimTests(DeliveryApp app)
{
    private async Task RunDeliveryAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EmailDeliveryJob>().RunAsync();
    }

    private async Task<List<OutboxEmail>> EmailsAsync(string referencePrefix)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails.AsNoTracking()
            .Where(e => e.Reference!.StartsWith(referencePrefix)).ToListAsync();
    }

    [Fact]
    public async Task EmailDelivery_TwoRunsAtOnce_SendEachEmailExactlyOnce()
    {
        var prefix = $"burst-{Guid.NewGuid():N}:";
        using (var scope = app.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            for (var i = 0; i < EmailDeliveryJob.BatchSize; i++)
            {
                await outbox.QueueAsync($"person{i}@test.placementbroker.uk", "Hello", "Body", $"{prefix}{i}");
            }
            await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().SaveChangesAsync();
        }
        app.Delivery.Arm();

        await Task.WhenAll(Task.Run(RunDeliveryAsync), Task.Run(RunDeliveryAsync)).WaitAsync(TimeSpan.FromMinutes(3));
        // Anything both runs left (other tests' emails may be older) is picked up by a third.
        await RunDeliveryAsync();

        Assert.True(app.Delivery.Overlapped, "The two delivery runs never had a send in flight at the same time");
        var emails = await EmailsAsync(prefix);
        Assert.Equal(EmailDeliveryJob.BatchSize, emails.Count);
        Assert.All(emails, e =>
        {
            Assert.NotNull(e.DeliveredAt);
            Assert.Equal(1, app.Delivery.Sends.GetValueOrDefault(e.Id));
        });
    }

    [Fact]
    public async Task EmailDelivery_ClaimOfADeadRun_IsSentByTheNextRunOnceItsLeaseExpires_ALiveClaimIsLeftAlone()
    {
        var prefix = $"lease-{Guid.NewGuid():N}:";
        var now = app.Clock.GetUtcNow().UtcDateTime;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            // Both were claimed by runs that were killed mid-send: one lease has run out, the other has not yet.
            db.OutboxEmails.Add(new OutboxEmail
            {
                To = "dead@test.placementbroker.uk", Subject = "Expired", Body = "Body", Reference = $"{prefix}expired", CreatedAt = now.AddMinutes(-10),
                Attempts = 1, ClaimToken = Guid.NewGuid(), ClaimedUntil = now.AddMinutes(-1),
            });
            db.OutboxEmails.Add(new OutboxEmail
            {
                To = "alive@test.placementbroker.uk", Subject = "Leased", Body = "Body", Reference = $"{prefix}leased", CreatedAt = now.AddMinutes(-1),
                Attempts = 1, ClaimToken = Guid.NewGuid(), ClaimedUntil = now.AddMinutes(4),
            });
            await db.SaveChangesAsync();
        }

        await RunDeliveryAsync();

        var first = (await EmailsAsync(prefix)).ToDictionary(e => e.Reference!);
        Assert.NotNull(first[$"{prefix}expired"].DeliveredAt);
        Assert.Equal(1, app.Delivery.Sends.GetValueOrDefault(first[$"{prefix}expired"].Id));
        Assert.Equal(2, first[$"{prefix}expired"].Attempts);
        Assert.Null(first[$"{prefix}leased"].DeliveredAt);
        Assert.Equal(0, app.Delivery.Sends.GetValueOrDefault(first[$"{prefix}leased"].Id));

        app.Clock.Advance(EmailDeliveryJob.Lease);
        await RunDeliveryAsync();
        await RunDeliveryAsync();

        var second = (await EmailsAsync(prefix)).ToDictionary(e => e.Reference!);
        Assert.NotNull(second[$"{prefix}leased"].DeliveredAt);
        Assert.Equal(1, app.Delivery.Sends.GetValueOrDefault(second[$"{prefix}leased"].Id));
        Assert.Equal(1, app.Delivery.Sends.GetValueOrDefault(second[$"{prefix}expired"].Id));
    }

    [Fact]
    public async Task EmailDelivery_DeliveredThroughNotify_BodyIsPurged_SubjectRecipientAndDeliveryRemain()
    {
        var prefix = $"purge-{Guid.NewGuid():N}:";
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>()
                .QueueAsync("council@test.placementbroker.uk", "New referral", "Child's details: Sam, aged 9", $"{prefix}one");
            await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().SaveChangesAsync();
        }

        await RunDeliveryAsync();

        var email = Assert.Single(await EmailsAsync(prefix));
        Assert.Equal(1, app.Delivery.Sends.GetValueOrDefault(email.Id));
        Assert.Equal("", email.Body);
        Assert.Equal("New referral", email.Subject);
        Assert.Equal("council@test.placementbroker.uk", email.To);
        Assert.Equal($"{prefix}one", email.Reference);
        Assert.NotNull(email.DeliveredAt);
        Assert.Equal("GovukNotify", email.DeliveredBy);
        Assert.Equal($"notify-{email.Id:N}", email.DeliveryId);
    }

    [Fact]
    public async Task EmailDelivery_NotifyFails_BodyIsKeptForTheNextAttempt()
    {
        var prefix = $"failing-{Guid.NewGuid():N}:";
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>()
                .QueueAsync("fail@test.placementbroker.uk", "Will fail", "Body to send later", $"{prefix}one");
            await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().SaveChangesAsync();
        }
        app.Delivery.FailFor("fail@test.placementbroker.uk");

        await RunDeliveryAsync();

        var email = Assert.Single(await EmailsAsync(prefix));
        Assert.Null(email.DeliveredAt);
        Assert.NotNull(email.LastError);
        Assert.Equal("Body to send later", email.Body);
    }
}

public class EmailDeliveryClaimSqliteTests(DeliverySqliteApp app) : EmailDeliveryClaimTests(app), IClassFixture<DeliverySqliteApp>;

public class EmailDeliveryClaimPostgresTests(DeliveryPostgresApp app) : EmailDeliveryClaimTests(app), IClassFixture<DeliveryPostgresApp>;
