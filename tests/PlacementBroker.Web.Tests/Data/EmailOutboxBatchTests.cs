using PlacementBroker.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Notifications;

namespace PlacementBroker.Web.Tests.Data;

/// <summary>
/// Publishing a referral queues one email per provider of the lot in one batch: each must be held or not, and skipped
/// or not, exactly as queuing it alone would.
/// </summary>
public abstract class EmailOutboxBatchTests(PlacementBrokerApp app)
{
    private async Task<T> UseDbAsync<T>(Func<PlacementBrokerDbContext, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }

    private async Task SetContactAsync(Guid providerId, string email, bool confirmed) => await UseDbAsync(async db =>
    {
        var provider = await db.Providers.SingleAsync(p => p.Id == providerId);
        provider.ContactEmail = email;
        provider.ContactEmailConfirmedAt = confirmed ? DateTime.UtcNow : null;
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task QueueMany_HoldsAndSkips_ExactlyAsQueuingEachAlone()
    {
        var tag = TestData.Unique("batch").ToLowerInvariant();
        var confirmed = $"{tag}-confirmed@test.placementbroker.uk";
        var unconfirmed = $"{tag}-unconfirmed@test.placementbroker.uk";
        var sharedOneConfirmed = $"{tag}-shared@test.placementbroker.uk";
        var noProvider = $"{tag}-nobody@test.placementbroker.uk";
        await SetContactAsync((await app.Data.CreateProviderAsync()).Id, confirmed, confirmed: true);
        await SetContactAsync((await app.Data.CreateProviderAsync(verified: false)).Id, unconfirmed.ToUpperInvariant(), confirmed: false);
        await SetContactAsync((await app.Data.CreateProviderAsync(verified: false)).Id, sharedOneConfirmed, confirmed: false);
        await SetContactAsync((await app.Data.CreateProviderAsync()).Id, sharedOneConfirmed, confirmed: true);
        // An unconfirmed contact address that is also a user's confirmed sign-in address is not held.
        var user = await app.Data.CreateUserAsync(Core.Role.PlacingOfficer);
        await UseDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true));
            return 0;
        });
        await SetContactAsync((await app.Data.CreateProviderAsync(verified: false)).Id, user.Email, confirmed: false);
        var addresses = new[] { confirmed, unconfirmed, $"  {unconfirmed.ToUpperInvariant()} ", sharedOneConfirmed, noProvider, user.Email.ToUpperInvariant() };

        // Alone, one at a time.
        var alone = new Dictionary<string, bool>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            for (var i = 0; i < addresses.Length; i++)
            {
                Assert.True(await outbox.QueueAsync(addresses[i], "Alone", "Body", $"{tag}:alone:{i}"));
            }
            Assert.False(await outbox.QueueAsync(confirmed, "Alone", "Body", $"{tag}:alone:0"));
            await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().SaveChangesAsync();
        }
        // In one batch, with one reference queued before and one twice in the batch.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            var batch = addresses.Select((a, i) => new QueuedEmail(a, "Batch", "Body", $"{tag}:batch:{i}"))
                .Append(new QueuedEmail(confirmed, "Batch", "Body", $"{tag}:alone:0"))
                .Append(new QueuedEmail(confirmed, "Batch", "Body", $"{tag}:batch:0"))
                .Append(new QueuedEmail(noProvider, "Batch", "Body"))
                .ToList();
            Assert.Equal(addresses.Length + 1, await outbox.QueueManyAsync(batch));
            await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().SaveChangesAsync();
        }

        var rows = await UseDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.Reference!.StartsWith(tag)).ToListAsync());
        for (var i = 0; i < addresses.Length; i++)
        {
            var one = Assert.Single(rows, e => e.Reference == $"{tag}:alone:{i}");
            var batched = Assert.Single(rows, e => e.Reference == $"{tag}:batch:{i}");
            Assert.Equal(one.HeldUntilConfirmed, batched.HeldUntilConfirmed);
            Assert.Equal(addresses[i], batched.To);
        }
        Assert.Equal("Alone", Assert.Single(rows, e => e.Reference == $"{tag}:alone:0").Subject);
        // What each address gets: held only for the contact nobody confirmed.
        Assert.Equal([false, true, true, false, false, false], addresses.Select((_, i) => rows.Single(e => e.Reference == $"{tag}:batch:{i}").HeldUntilConfirmed));
        Assert.Equal(1, await UseDbAsync(db => db.OutboxEmails.CountAsync(e => e.Reference == null && e.To == noProvider && e.Subject == "Batch")));
    }
}

public class EmailOutboxBatchSqliteTests(SqliteApp app) : EmailOutboxBatchTests(app), IClassFixture<SqliteApp>;

public class EmailOutboxBatchPostgresTests(PostgresApp app) : EmailOutboxBatchTests(app), IClassFixture<PostgresApp>;
