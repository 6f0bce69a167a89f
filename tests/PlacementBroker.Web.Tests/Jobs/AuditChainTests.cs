using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Jobs;

/// <summary>
/// The audit trail's hash chain on PostgreSQL: events appended by concurrent requests are sealed into one linear chain,
/// and a changed, removed or truncated entry is found by the verification at that entry. Tests that tamper put the row
/// back before they end, so the chain is whole for the next.
/// </summary>
public class AuditChainTests(AuditChainApp app) : IClassFixture<AuditChainApp>
{
    private async Task<T> WithChainAsync<T>(Func<AuditChain, PlacementBrokerDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AuditChain>(), scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }

    private Task<int> SealAsync() => WithChainAsync((chain, _) => chain.SealAsync());
    private Task<AuditChainReport> VerifyAsync() => WithChainAsync((chain, _) => chain.VerifyAsync());

    private async Task<List<AuditEvent>> SomeSealedEventsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await app.Data.CreateLocalAuthorityAsync();
        }
        await SealAsync();
        return await WithChainAsync((_, db) => db.AuditEvents.AsNoTracking().Where(e => e.Sequence != null).OrderByDescending(e => e.Sequence).Take(count).ToListAsync());
    }

    [Fact]
    public async Task Seal_EveryEventGetsTheNextSequenceAndTheHashOfTheOneBefore()
    {
        await SomeSealedEventsAsync(3);

        var events = await WithChainAsync((_, db) => db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.All(events, e => Assert.NotNull(e.Hash));
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(i + 1, events[i].Sequence);
            Assert.Equal(i == 0 ? null : events[i - 1].Hash, events[i].PreviousHash);
            Assert.Equal(AuditChain.ComputeHash(events[i]), events[i].Hash);
        }
        var report = await VerifyAsync();
        Assert.True(report.Intact, report.Reason);
        Assert.Equal(events.Count, report.CheckedThroughSequence);
    }

    [Fact]
    public async Task TamperedDetail_ViaSql_VerificationFindsThatEntry()
    {
        var target = (await SomeSealedEventsAsync(3))[1];
        await WithChainAsync((_, db) => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Detail\" = {"nothing to see here"} WHERE \"Id\" = {target.Id}"));
        try
        {
            var report = await VerifyAsync();
            Assert.False(report.Intact);
            Assert.Equal(target.Id, report.BrokenAtEventId);

            // Rewriting the hash to match does not hide it: the next entry no longer follows.
            var rehashed = await WithChainAsync(async (_, db) =>
            {
                var row = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == target.Id);
                var hash = AuditChain.ComputeHash(row);
                await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Hash\" = {hash} WHERE \"Id\" = {target.Id}");
                return await db.AuditEvents.AsNoTracking().Where(e => e.Sequence == row.Sequence + 1).Select(e => e.Id).SingleAsync();
            });
            var again = await VerifyAsync();
            Assert.False(again.Intact);
            Assert.Equal(rehashed, again.BrokenAtEventId);
        }
        finally
        {
            await WithChainAsync((_, db) => db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEvents\" SET \"Detail\" = {target.Detail}, \"Hash\" = {target.Hash} WHERE \"Id\" = {target.Id}"));
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task DeletedEntry_VerificationFindsTheGapAtTheNextEntry()
    {
        var newestFirst = await SomeSealedEventsAsync(3);
        var (removed, next) = (newestFirst[1], newestFirst[0]);
        await WithChainAsync((_, db) => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Id\" = {removed.Id}"));
        try
        {
            var report = await VerifyAsync();
            Assert.False(report.Intact);
            Assert.Equal(next.Id, report.BrokenAtEventId);
        }
        finally
        {
            await RestoreAsync(removed);
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task DeletedLastEntry_VerificationFindsTheChainCutShort()
    {
        var last = (await SomeSealedEventsAsync(2))[0];
        await WithChainAsync((_, db) => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Id\" = {last.Id}"));
        try
        {
            var report = await VerifyAsync();
            Assert.False(report.Intact);
            Assert.Contains("removed", report.Reason);
        }
        finally
        {
            await RestoreAsync(last);
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    private Task<int> RestoreAsync(AuditEvent e) => WithChainAsync((_, db) => db.Database.ExecuteSqlAsync($"""
        INSERT INTO "AuditEvents" ("Id", "OccurredAt", "ActorUserId", "ActorEmail", "Action", "EntityType", "EntityId", "LocalAuthorityId", "ProviderId", "Detail", "IpAddress", "Sequence", "PreviousHash", "Hash")
        VALUES ({e.Id}, {e.OccurredAt}, {e.ActorUserId}, {e.ActorEmail}, {e.Action}, {e.EntityType}, {e.EntityId}, {e.LocalAuthorityId}, {e.ProviderId}, {e.Detail}, {e.IpAddress}, {e.Sequence}, {e.PreviousHash}, {e.Hash})
        """));

    [Fact]
    public async Task ConcurrentRequestsAndSealers_MakeOneWholeLinearChain()
    {
        using var admin = await app.Data.AdminClientAsync();
        var requests = Enumerable.Range(0, 24).Select(async i =>
        {
            var code = TestData.Unique("C").ToUpperInvariant()[..12];
            var response = await admin.PostAsJsonAsync("/api/local-authorities", new { name = $"{code} Council", code });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        });
        // Sealers run while the requests append, and two at a time.
        var sealers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await SealAsync();
            }
        }));
        await Task.WhenAll(requests.Concat(sealers));
        await Task.WhenAll(SealAsync(), SealAsync());

        var (count, maxSequence, unsealed) = await WithChainAsync(async (_, db) => (
            await db.AuditEvents.CountAsync(), await db.AuditEvents.MaxAsync(e => e.Sequence), await db.AuditEvents.CountAsync(e => e.Hash == null)));
        Assert.Equal(0, unsealed);
        Assert.Equal(count, maxSequence);
        var report = await VerifyAsync();
        Assert.True(report.Intact, report.Reason);
        Assert.Equal(count, report.CheckedThroughSequence);
    }

    [Fact]
    public async Task SavingAChangeOrRemovalOfAnAuditEvent_IsRefused()
    {
        var target = (await SomeSealedEventsAsync(1))[0];
        await WithChainAsync(async (_, db) =>
        {
            var tracked = await db.AuditEvents.SingleAsync(e => e.Id == target.Id);
            db.Entry(tracked).Property(e => e.Detail).CurrentValue = "rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(e => e.Id == target.Id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            return 0;
        });
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task VerifyJob_RecordsItsOutcomeForPlatformAdminsOnly()
    {
        await app.Data.CreateLocalAuthorityAsync();
        Assert.Contains(AuditChainVerifyJob.RecurringId, app.Jobs.RecurringJobIds);
        Assert.Contains(AuditChainSealJob.RecurringId, app.Jobs.RecurringJobIds);

        await app.Jobs.RunRecurringAsync(AuditChainVerifyJob.RecurringId);

        using var admin = await app.Data.AdminClientAsync();
        var report = await (await admin.GetAsync("/api/audit/chain")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(report.GetProperty("intact").GetBoolean());
        Assert.True(report.GetProperty("checkedThroughSequence").GetInt64() > 0);
        foreach (var role in new[] { Role.DataProtectionLead, Role.PlacementManager })
        {
            using var other = await app.Data.ClientForAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/audit/chain")).StatusCode);
        }
    }
}

/// <summary>The chain on SQLite, the single-node database: sealed and verified whole, and a changed entry found.</summary>
public class AuditChainSqliteTests(AuditChainSqliteApp app) : IClassFixture<AuditChainSqliteApp>
{
    [Fact]
    public async Task SealAndVerify_WholeChain_ThenAChangedEntryIsFound()
    {
        await app.Data.CreateLocalAuthorityAsync();
        await app.Data.CreateLocalAuthorityAsync();
        using var scope = app.Services.CreateScope();
        var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.True(await chain.SealAsync() >= 2);
        Assert.True((await chain.VerifyAsync()).Intact);

        var first = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).FirstAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"ActorEmail\" = {"someone-else@example.com"} WHERE \"Id\" = {first.Id}");
        var report = await chain.VerifyAsync();
        Assert.False(report.Intact);
        Assert.Equal(first.Id, report.BrokenAtEventId);
    }
}
