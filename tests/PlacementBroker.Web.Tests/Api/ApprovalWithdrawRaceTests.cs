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
/// A manager deciding an approval while the provider withdraws the offer, and while the officer withdraws the referral:
/// one of them wins, the other is told, nothing fails and no place is left held. Every change to a referral's offers and
/// places takes the referral's row lock first (found by the lifecycle property test on PostgreSQL, where a withdrawal
/// that wrote the approval before the vacancy met an approval that wrote the vacancy first: a deadlock and a server error).
/// </summary>
public abstract class ApprovalWithdrawRaceTests(PlacementBrokerApp app)
{
    private const int Rounds = 12;

    [Theory]
    [InlineData(true, "the provider withdraws the offer")]
    [InlineData(true, "the officer withdraws the referral")]
    [InlineData(false, "the provider withdraws the offer")]
    [InlineData(false, "the officer withdraws the referral")]
    public async Task ADecisionAndAWithdrawalAtOnce_OneWins_NothingFails_NoPlaceStaysHeld(bool approve, string withdrawal)
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, dps.Commissioner.LocalAuthorityId);
        for (var round = 0; round < Rounds; round++)
        {
            using var officerClient = await app.Data.ClientForAsync(officer);
            // Requires improvement: accepting its offer asks a placement manager and holds the place meanwhile.
            var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, grade: OfstedGrade.RequiresImprovement);
            var referralId = Guid.Parse((await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
                .GetProperty("id").GetString()!);
            using (var providerClient = await app.Data.ClientForAsync(provider.User))
            {
                await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000m })).ReadJsonAsync(HttpStatusCode.Created);
            }
            Guid offerId, approvalId;
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
                offerId = await db.Offers.Where(o => o.ReferralId == referralId).Select(o => o.Id).SingleAsync();
                var accepted = await scope.ServiceProvider.GetRequiredService<PlacementService>()
                    .AcceptAsync(TestData.ActorFor(officer), offerId, new AcceptRequest(PlacementKind.Spot, null));
                approvalId = accepted.Value?.ApprovalId ?? throw new InvalidOperationException($"Accepting did not ask for approval: {accepted.Message}");
            }

            var decide = Task.Run(async () =>
            {
                using var scope = app.Services.CreateScope();
                var decided = await scope.ServiceProvider.GetRequiredService<PlacementService>().DecideAsync(TestData.ActorFor(manager), approvalId,
                    new ApprovalDecisionRequest(approve ? ApprovalDecision.Approve : ApprovalDecision.Reject, "Checked with the team"));
                return (decided.Kind, decided.Message);
            });
            var withdraw = Task.Run(async () =>
            {
                using var scope = app.Services.CreateScope();
                if (withdrawal.Contains("offer", StringComparison.Ordinal))
                {
                    var withdrawn = await scope.ServiceProvider.GetRequiredService<OfferService>().WithdrawAsync(TestData.ActorFor(provider.User), offerId);
                    return (withdrawn.Kind, withdrawn.Message);
                }
                var closed = await scope.ServiceProvider.GetRequiredService<ReferralService>().WithdrawAsync(TestData.ActorFor(officer), referralId, "The child is staying with family");
                return (closed.Kind, closed.Message);
            });
            var (decision, withdrawnAs) = (await decide, await withdraw);
            Assert.True(decision.Kind is OutcomeKind.Success or OutcomeKind.Conflict, $"Round {round}, decision: {decision.Kind} {decision.Message}");
            Assert.True(withdrawnAs.Kind is OutcomeKind.Success or OutcomeKind.Conflict, $"Round {round}, {withdrawal}: {withdrawnAs.Kind} {withdrawnAs.Message}");

            using var check = app.Services.CreateScope();
            var dbCheck = check.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var approval = await dbCheck.Approvals.AsNoTracking().SingleAsync(a => a.Id == approvalId);
            var vacancy = await dbCheck.Vacancies.AsNoTracking().SingleAsync(v => v.Id == vacancyId);
            var placed = await dbCheck.Placements.AsNoTracking().CountAsync(p => p.OfferId == offerId);
            Assert.NotEqual(ApprovalStatus.Pending, approval.Status);
            Assert.Equal(0, vacancy.PlacesHeld);
            // A placement exactly when the approval won as an approval; otherwise the place is free again.
            Assert.Equal(approval.Status == ApprovalStatus.Approved ? 1 : 0, placed);
            Assert.Equal(approval.Status == ApprovalStatus.Approved ? VacancyStatus.Filled : VacancyStatus.Open, vacancy.Status);
        }
    }
}

public class ApprovalWithdrawRaceSqliteTests(SqliteApp app) : ApprovalWithdrawRaceTests(app), IClassFixture<SqliteApp>;

public class ApprovalWithdrawRaceServerTests(ServerApp app) : ApprovalWithdrawRaceTests(app), IClassFixture<ServerApp>;
