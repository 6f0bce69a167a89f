using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Jobs;

/// <summary>
/// The daily clean-up of unfinished referrals: answers untouched for 30 days are deleted (they hold a child's name),
/// while answers saved within the 30 days stay, however long ago they were started. It has a fixture of its own, as
/// it moves the clock.
/// </summary>
public class UnfinishedReferralCleanupJobTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<bool> ExistsAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().UnfinishedReferrals.AnyAsync(u => u.Id == id);
    }

    [Fact]
    public async Task UntouchedFor30Days_IsDeleted_ButOneSavedSinceStays()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = TestData.ActorFor(await app.Data.OfficerForAsync(dps));
        Task<Outcome<UnfinishedReferralView>> Start() =>
            app.UseAsync<UnfinishedReferrals, Outcome<UnfinishedReferralView>>(s => s.StartAsync(officer, """{"firstName":"Amelia"}""", ["placement"]));
        var left = (await Start()).Value!.Id;
        var carriedOn = (await Start()).Value!.Id;

        app.Clock.Advance(TimeSpan.FromDays(20));
        Assert.True((await app.UseAsync<UnfinishedReferrals, Outcome<UnfinishedReferralView>>(s =>
            s.SaveAsync(officer, carriedOn, """{"firstName":"Amelia","lastName":"Hartley"}""", ["placement", "child"]))).Succeeded);
        app.Clock.Advance(TimeSpan.FromDays(9));
        await app.Jobs.RunRecurringAsync(UnfinishedReferralCleanupJob.RecurringId);
        Assert.True(await ExistsAsync(left), "29 days untouched: kept");

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await app.Jobs.RunRecurringAsync(UnfinishedReferralCleanupJob.RecurringId);

        Assert.False(await ExistsAsync(left));
        Assert.True(await ExistsAsync(carriedOn));
        var listed = await app.UseAsync<UnfinishedReferrals, List<UnfinishedReferralView>>(s => s.ListAsync(officer));
        Assert.Equal(carriedOn, Assert.Single(listed).Id);

        app.Clock.Advance(TimeSpan.FromDays(20));
        await app.Jobs.RunRecurringAsync(UnfinishedReferralCleanupJob.RecurringId);
        Assert.False(await ExistsAsync(carriedOn));
        using var scope = app.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().AuditEvents
            .AnyAsync(e => e.Action == "UnfinishedReferralsDeleted" && e.Detail!.StartsWith("1 unfinished referral(s)")));
    }
}
