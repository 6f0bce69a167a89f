using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Data;

/// <summary>The DPS tenancy rule, run as SQL on each provider: the lead and the participants see a DPS and its lots; no one else does.</summary>
public abstract class DpsQueriesTests(PlacementBrokerApp app)
{
    [Fact]
    public async Task VisibleTo_LeadAndParticipantSeeTheDpsAndItsLots_AnotherAuthorityAndNoAuthoritySeeNeither()
    {
        var participant = await app.Data.CreateLocalAuthorityAsync();
        var outsider = await app.Data.CreateLocalAuthorityAsync();
        var dps = await app.Data.CreateDpsAsync(participants: [participant.Id]);
        var lead = dps.Commissioner.LocalAuthorityId!.Value;

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        async Task<(bool Dps, bool Lot)> Sees(Guid? authority) => (
            await db.DynamicPurchasingSystems.VisibleTo(authority).AnyAsync(d => d.Id == dps.Id),
            await db.Lots.VisibleTo(authority).AnyAsync(l => l.Id == dps.LotId));

        Assert.Equal((true, true), await Sees(lead));
        Assert.Equal((true, true), await Sees(participant.Id));
        Assert.Equal((false, false), await Sees(outsider.Id));
        Assert.Equal((false, false), await Sees(null));
    }
}

public class DpsQueriesSqliteTests(SqliteApp app) : DpsQueriesTests(app), IClassFixture<SqliteApp>;

public class DpsQueriesPostgresTests(PostgresApp app) : DpsQueriesTests(app), IClassFixture<PostgresApp>;
