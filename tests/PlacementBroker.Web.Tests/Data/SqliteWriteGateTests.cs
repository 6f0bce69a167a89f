using PlacementBroker.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Data;

/// <summary>
/// SQLite's writers queue in the node's write gate rather than sleeping on a busy file. The gate must never lose a
/// write, never be left held (a rollback, a failed save, a transaction disposed without commit) and never turn a
/// wait into a failure.
/// </summary>
public class SqliteWriteGateTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private SqliteWriteGate Gate => app.Services.GetRequiredService<SqliteWriteGate>();

    private static OutboxEmail Email(string reference) => new()
    {
        To = "gate@test.placementbroker.uk", Subject = "Gate", Body = "Body", Reference = reference, CreatedAt = DateTime.UtcNow,
    };

    private async Task SaveAsync(string reference)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        db.OutboxEmails.Add(Email(reference));
        await db.SaveChangesAsync();
    }

    private async Task<int> CountAsync(string prefix)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails.CountAsync(e => e.Reference!.StartsWith(prefix));
    }

    [Fact]
    public async Task ManyWritersAtOnce_AllSave_AndTheGateIsFreeAfterwards()
    {
        var prefix = TestData.Unique("many");
        await Task.WhenAll(Enumerable.Range(0, 48).Select(i => Task.Run(() => SaveAsync($"{prefix}:{i}")))).WaitAsync(Bound * 3);

        Assert.Equal(48, await CountAsync(prefix));
        Assert.Equal(0, Gate.Holders);
    }

    [Fact]
    public async Task AWriterWaits_ForTheOneInItsTransaction_ThenSaves()
    {
        var prefix = TestData.Unique("wait");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.OutboxEmails.Add(Email($"{prefix}:first"));
            await db.SaveChangesAsync();
            Assert.Equal(1, Gate.Holders);

            var second = Task.Run(() => SaveAsync($"{prefix}:second"));
            await transaction.CommitAsync();
            await second.WaitAsync(Bound);
        }

        Assert.Equal(2, await CountAsync(prefix));
        Assert.Equal(0, Gate.Holders);
    }

    [Fact]
    public async Task ATransactionDisposedWithoutCommit_IsRolledBack_AndFreesTheGate()
    {
        var prefix = TestData.Unique("dropped");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.OutboxEmails.Add(Email($"{prefix}:rolled-back"));
            await db.SaveChangesAsync();
            // Left without commit, as a request that throws midway leaves it.
        }

        await SaveAsync($"{prefix}:after").WaitAsync(Bound);
        Assert.Equal(1, await CountAsync(prefix));
        Assert.Equal(0, Gate.Holders);
    }

    [Fact]
    public async Task ASaveRefusedByTheDatabase_FreesTheGate()
    {
        var prefix = TestData.Unique("refused");
        await SaveAsync($"{prefix}:taken");

        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync($"{prefix}:taken"));

        Assert.Equal(0, Gate.Holders);
        await SaveAsync($"{prefix}:next").WaitAsync(Bound);
        Assert.Equal(2, await CountAsync(prefix));
    }

    [Fact]
    public async Task ARollback_FreesTheGate_AndKeepsNothing()
    {
        var prefix = TestData.Unique("rollback");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.OutboxEmails.Add(Email($"{prefix}:gone"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            Assert.Equal(0, Gate.Holders);
        }

        await SaveAsync($"{prefix}:kept").WaitAsync(Bound);
        Assert.Equal(1, await CountAsync(prefix));
    }
}
