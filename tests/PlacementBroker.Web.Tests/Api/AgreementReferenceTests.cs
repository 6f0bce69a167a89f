using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Placements;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>Makes placements through the API, each accepted by an officer of the DPS's lead council.</summary>
internal static class AgreementScenes
{
    /// <summary>An offer made and accepted: the placement's id. By a new fitting provider unless one (and its vacancy) is given.</summary>
    public static async Task<Guid> PlaceAsync(PlacementBrokerApp app, TestDps dps, HttpClient officer, (TestProvider Provider, Guid VacancyId)? by = null) =>
        (await (await officer.PostAsJsonAsync($"/api/offers/{await OfferAsync(app, dps, officer, by)}/accept", new { kind = "Spot" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("placementId").GetGuid();

    /// <summary>An offer made and waiting for the officer's acceptance.</summary>
    public static async Task<string> OfferAsync(PlacementBrokerApp app, TestDps dps, HttpClient officer, (TestProvider Provider, Guid VacancyId)? by = null)
    {
        var (provider, vacancyId) = by ?? await app.Data.FittingProviderAsync(dps, 5000m);
        var referralId = (await (await officer.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        return (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000m }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public static async Task<string> ReferenceAsync(HttpClient officer, Guid placementId) =>
        (await (await officer.GetAsync($"/api/placements/{placementId}")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("agreementReference").GetString()!;

    public static async Task<T> InDbAsync<T>(PlacementBrokerApp app, Func<PlacementBrokerDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }
}

/// <summary>
/// The agreement reference is given once, when the placement is made, and stored: other placements made, ended or
/// changed never move it, and the agreement page and the API show the stored one.
/// </summary>
public class AgreementReferenceTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(TestDps Dps, TestUser Officer, HttpClient Api, Guid First, Guid Second)> TwoPlacedAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var api = await app.Data.ClientForAsync(officer);
        return (dps, officer, api, await AgreementScenes.PlaceAsync(app, dps, api), await AgreementScenes.PlaceAsync(app, dps, api));
    }

    [Fact]
    public async Task Reference_StaysTheSame_WhenOtherPlacementsAreMadeEndedOrMoved()
    {
        var (dps, officer, api, first, second) = await TwoPlacedAsync();
        using var _ = api;
        var firstReference = await AgreementScenes.ReferenceAsync(api, first);
        var secondReference = await AgreementScenes.ReferenceAsync(api, second);

        // Another placement made, the first ended, and the first moved after the second in time: the old way of working
        // the reference out on reading would have renumbered the second.
        var third = await AgreementScenes.PlaceAsync(app, dps, api);
        (await api.PostAsJsonAsync($"/api/placements/{first}/end", new { endDate = "2026-12-14", reason = "PlannedMove" })).EnsureSuccessStatusCode();
        var later = await AgreementScenes.InDbAsync(app, db => db.Placements.Where(p => p.Id == third).Select(p => p.CreatedAt).SingleAsync());
        await AgreementScenes.InDbAsync(app, db => db.Placements.Where(p => p.Id == first)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, later.AddSeconds(1))));

        Assert.Matches(@"^PB-2026-\d{6}$", firstReference);
        Assert.NotEqual(firstReference, secondReference);
        Assert.Equal(firstReference, await AgreementScenes.ReferenceAsync(api, first));
        Assert.Equal(secondReference, await AgreementScenes.ReferenceAsync(api, second));
        using var session = await PageSession.SignedInAsync(app, officer.Email, officer.Password);
        var agreement = await session.OpenAsync($"/placements/{second}/agreement");
        Assert.Equal(secondReference, agreement.ByTestId("agreement-reference").TextContent.Trim());
        // Each new placement takes the next number of the year: never one given before.
        var thirdReference = await AgreementScenes.ReferenceAsync(api, third);
        Assert.Equal(int.Parse(secondReference[^6..]) + 1, int.Parse(thirdReference[^6..]));
    }

    [Fact]
    public async Task Reference_TheDatabaseRefusesTwoPlacementsWithTheSameReference()
    {
        var (_, _, api, first, second) = await TwoPlacedAsync();
        using var client = api;
        var firstReference = await AgreementScenes.ReferenceAsync(api, first);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => AgreementScenes.InDbAsync(app, db => db.Placements.Where(p => p.Id == second)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Reference, firstReference))));
    }
}

/// <summary>Placements accepted at the same moment on PostgreSQL, by real parallel requests, get different references.</summary>
public class AgreementReferenceRaceServerTests(ServerApp app) : IClassFixture<ServerApp>
{
    [Fact]
    public async Task Accept_ManyOfficersAtOnce_EachPlacementGetsItsOwnReference_FirstOfTheYearToo()
    {
        const int n = 8;
        var dps = await app.Data.CreateDpsAsync();
        var lead = await app.Data.OfficerForAsync(dps);
        using var leadClient = await app.Data.ClientForAsync(lead);
        var offers = new List<string>();
        for (var i = 0; i < 2 * n; i++)
        {
            offers.Add(await AgreementScenes.OfferAsync(app, dps, leadClient));
        }
        var clients = new List<HttpClient>();
        for (var i = 0; i < 2 * n; i++)
        {
            clients.Add(await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Core.Role.PlacingOfficer, lead.LocalAuthorityId)));
        }
        Assert.Equal(0, await AgreementScenes.InDbAsync(app, db => db.Placements.CountAsync()));

        // The first race opens the year (nobody has its counter yet); the second races on the counter.
        var firstRace = await Task.WhenAll(Enumerable.Range(0, n).Select(i => clients[i].PostAsJsonAsync($"/api/offers/{offers[i]}/accept", new { kind = "Spot" })));
        var secondRace = await Task.WhenAll(Enumerable.Range(n, n).Select(i => clients[i].PostAsJsonAsync($"/api/offers/{offers[i]}/accept", new { kind = "Spot" })));

        var placementIds = new List<Guid>();
        foreach (var response in firstRace.Concat(secondRace))
        {
            placementIds.Add((await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("placementId").GetGuid());
        }
        var references = new List<string>();
        foreach (var id in placementIds)
        {
            references.Add(await AgreementScenes.ReferenceAsync(leadClient, id));
        }
        Assert.Equal(2 * n, references.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 2 * n).Select(i => AgreementReference.For(2026, i)), references.Order());
        Assert.Equal(2 * n, await AgreementScenes.InDbAsync(app, db => db.AgreementReferenceCounters.Where(c => c.Year == 2026).Select(c => c.Last).SingleAsync()));
        clients.ForEach(c => c.Dispose());
    }
}

/// <summary>
/// The migration that stores the reference gives placements already made the reference they showed before (their UTC
/// year and their place in it, by the time they were made then by id), and each year's counter continues from there.
/// </summary>
public abstract class AgreementReferenceMigrationTests(PlacementBrokerApp app)
{
    private const string Migration = "_AgreementReferenceStoredOnPlacement";

    [Fact]
    public async Task Migration_ExistingPlacements_KeepTheReferenceTheyShowed_AndNewOnesContinueTheYear()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var api = await app.Data.ClientForAsync(officer);
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await AgreementScenes.PlaceAsync(app, dps, api));
        }
        // Made across two years, two at the same instant, and not in the order of their ids.
        var made = new[]
        {
            new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2025, 6, 1, 10, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 1, 0, 0, 0, 250, DateTimeKind.Utc),
        };
        for (var i = 0; i < ids.Count; i++)
        {
            var (id, at) = (ids[i], made[i]);
            await AgreementScenes.InDbAsync(app, db => db.Placements.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, at)));
        }

        await AgreementScenes.InDbAsync(app, async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var ours = migrations.FindIndex(m => m.EndsWith(Migration, StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[ours - 1]);
            await migrator.MigrateAsync();
            return true;
        });

        // The rule the reference was worked out by when read: the year's placements made before it, then those made at the same instant by id.
        var expected = ids.Select((id, i) => (Id: id, At: made[i]))
            .GroupBy(p => p.At.Year)
            .SelectMany(year => year.OrderBy(p => p.At).ThenBy(p => p.Id).Select((p, ordinal) => (p.Id, Reference: AgreementReference.For(year.Key, ordinal + 1))))
            .ToDictionary(p => p.Id, p => p.Reference);
        foreach (var id in ids)
        {
            Assert.Equal(expected[id], await AgreementScenes.ReferenceAsync(api, id));
        }
        Assert.Equal("PB-2025-000001", expected[ids[1]]);
        Assert.Equal("PB-2026-000001", expected[ids[3]]);
        var next = await AgreementScenes.PlaceAsync(app, dps, api);
        Assert.Equal("PB-2026-000004", await AgreementScenes.ReferenceAsync(api, next));
    }
}

public class AgreementReferenceMigrationSqliteTests(SqliteApp app) : AgreementReferenceMigrationTests(app), IClassFixture<SqliteApp>;

public class AgreementReferenceMigrationServerTests(ServerApp app) : AgreementReferenceMigrationTests(app), IClassFixture<ServerApp>;
