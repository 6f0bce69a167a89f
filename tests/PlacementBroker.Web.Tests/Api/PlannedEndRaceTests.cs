using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Placements;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// The hourly sweep completing a planned end while the officer moves that end later: one of them wins, the other is told,
/// and neither fails. Both lock the setting before the placement (found by the lifecycle property test on PostgreSQL,
/// where the opposite order was a deadlock and a server error).
/// </summary>
public abstract class PlannedEndRaceTests(PlacementBrokerApp app)
{
    private const int Rounds = 25;

    [Fact]
    public async Task SweepCompletingAPlannedEnd_WhileTheOfficerMovesItLater_OneWinsAndNothingFails()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        for (var round = 0; round < Rounds; round++)
        {
            // Signed in afresh each round: the clock moves on past a token's life.
            using var officerClient = await app.Data.ClientForAsync(officer);
            var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
            var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
                .GetProperty("id").GetString()!;
            using (var providerClient = await app.Data.ClientForAsync(provider.User))
            {
                await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000m })).ReadJsonAsync(HttpStatusCode.Created);
            }
            Guid placementId;
            DateOnly due;
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
                var offerId = await db.Offers.Where(o => o.ReferralId == Guid.Parse(referralId)).Select(o => o.Id).SingleAsync();
                var placements = scope.ServiceProvider.GetRequiredService<PlacementService>();
                var accepted = await placements.AcceptAsync(TestData.ActorFor(officer), offerId, new AcceptRequest(PlacementKind.Spot, null));
                placementId = accepted.Value?.PlacementId ?? throw new InvalidOperationException(accepted.Message);
                var start = await db.Placements.Where(p => p.Id == placementId).Select(p => p.StartDate).SingleAsync();
                var today = UkTime.Today(app.Clock);
                due = (start > today ? start : today).AddDays(1);
                var planned = await placements.EndAsync(TestData.ActorFor(officer), placementId, new EndPlacementRequest(due, PlacementEndReason.PlannedMove));
                Assert.True(planned.Succeeded, planned.Message);
            }
            app.Clock.Advance(TimeSpan.FromDays(due.DayNumber - UkTime.Today(app.Clock).DayNumber));
            var later = due.AddDays(14);

            var sweep = Task.Run(async () =>
            {
                using var scope = app.Services.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<PlacementSweepJob>().SweepAsync();
            });
            var move = Task.Run(async () =>
            {
                using var scope = app.Services.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<PlacementService>()
                    .EndAsync(TestData.ActorFor(officer), placementId, new EndPlacementRequest(later, PlacementEndReason.PlannedMove));
            });
            await Task.WhenAll(sweep, move);

            var moved = await move;
            Assert.True(moved.Kind is OutcomeKind.Success or OutcomeKind.Conflict, $"Round {round}: {moved.Kind} {moved.Message}");
            using var check = app.Services.CreateScope();
            var placement = await check.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Placements.AsNoTracking().SingleAsync(p => p.Id == placementId);
            // Either the end was completed on its day and the move refused, or the end moved and the placement goes on.
            Assert.Equal(moved.Succeeded ? (PlacementStatus.Active, later) : (PlacementStatus.Ended, due), (placement.Status, placement.EndDate!.Value));
        }
    }
}

public class PlannedEndRaceSqliteTests(SqliteApp app) : PlannedEndRaceTests(app), IClassFixture<SqliteApp>;

public class PlannedEndRaceServerTests(ServerApp app) : PlannedEndRaceTests(app), IClassFixture<ServerApp>;
