using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// An offer the provider withdraws while an officer accepts it, or while a manager approves it, is a 409 with the reason,
/// never a server error (found by the lifecycle property test). The officer's or manager's request read the offer just
/// before the withdrawal: here that earlier read is a unit of work that loaded the offer before the provider withdrew it.
/// </summary>
public abstract class OfferWithdrawnMidDecisionTests(PlacementBrokerApp app)
{
    private async Task<(TestUser Officer, TestProvider Provider, Guid VacancyId, Guid OfferId)> OfferAsync(OfstedGrade grade)
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, grade: grade);
        var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000m }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return (officer, provider, vacancyId, offerId);
    }

    private async Task WithdrawAsync(TestProvider provider, Guid offerId)
    {
        using var scope = app.Services.CreateScope();
        var withdrawn = await scope.ServiceProvider.GetRequiredService<OfferService>().WithdrawAsync(TestData.ActorFor(provider.User), offerId);
        Assert.True(withdrawn.Succeeded, withdrawn.Message);
    }

    [Fact]
    public async Task Accept_OfferWithdrawnSinceItWasRead_IsAConflictAndTakesNoPlace()
    {
        var (officer, provider, vacancyId, offerId) = await OfferAsync(OfstedGrade.Good);
        using var accepting = app.Services.CreateScope();
        var db = accepting.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        await db.Offers.Include(o => o.Referral).SingleAsync(o => o.Id == offerId);

        await WithdrawAsync(provider, offerId);
        var accepted = await accepting.ServiceProvider.GetRequiredService<PlacementService>()
            .AcceptAsync(TestData.ActorFor(officer), offerId, new AcceptRequest(PlacementKind.Spot, null));

        Assert.Equal(OutcomeKind.Conflict, accepted.Kind);
        Assert.Contains("withdrawn", accepted.Message);
        using var check = app.Services.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.False(await after.Placements.AnyAsync(p => p.OfferId == offerId));
        var vacancy = await after.Vacancies.AsNoTracking().SingleAsync(v => v.Id == vacancyId);
        Assert.Equal((VacancyStatus.Open, 1, 0), (vacancy.Status, vacancy.Places, vacancy.PlacesHeld));
    }

    [Fact]
    public async Task Approve_OfferWithdrawnSinceItWasRead_IsAConflictAndTheHoldIsGone()
    {
        var (officer, provider, vacancyId, offerId) = await OfferAsync(OfstedGrade.Inadequate);
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId);
        Guid approvalId;
        using (var scope = app.Services.CreateScope())
        {
            var pending = await scope.ServiceProvider.GetRequiredService<PlacementService>()
                .AcceptAsync(TestData.ActorFor(officer), offerId, new AcceptRequest(PlacementKind.Spot, null));
            approvalId = pending.Value?.ApprovalId ?? throw new InvalidOperationException(pending.Message);
        }
        using var deciding = app.Services.CreateScope();
        var db = deciding.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        await db.Approvals.SingleAsync(a => a.Id == approvalId);
        await db.Offers.Include(o => o.Referral).SingleAsync(o => o.Id == offerId);

        await WithdrawAsync(provider, offerId);
        var decided = await deciding.ServiceProvider.GetRequiredService<PlacementService>().DecideAsync(TestData.ActorFor(manager), approvalId,
            new ApprovalDecisionRequest(ApprovalDecision.Approve, "Visited: meets the child's needs"));

        Assert.Equal(OutcomeKind.Conflict, decided.Kind);
        using var check = app.Services.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.False(await after.Placements.AnyAsync(p => p.OfferId == offerId));
        Assert.Equal(ApprovalStatus.Rejected, (await after.Approvals.AsNoTracking().SingleAsync(a => a.Id == approvalId)).Status);
        var vacancy = await after.Vacancies.AsNoTracking().SingleAsync(v => v.Id == vacancyId);
        Assert.Equal((VacancyStatus.Open, 1, 0), (vacancy.Status, vacancy.Places, vacancy.PlacesHeld));
    }
}

public class OfferWithdrawnMidDecisionSqliteTests(SqliteApp app) : OfferWithdrawnMidDecisionTests(app), IClassFixture<SqliteApp>;

public class OfferWithdrawnMidDecisionServerTests(ServerApp app) : OfferWithdrawnMidDecisionTests(app), IClassFixture<ServerApp>;
