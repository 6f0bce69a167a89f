using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Quality;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Quality;

/// <summary>
/// The provider search's QA status filter, which derives the status only where the rules could make it other than green
/// (<see cref="QaStatusQuery"/>), finds exactly the providers whose status, derived one by one, is the one asked for,
/// on a varied market: flags of every severity open and resolved, settings of every grade open and closed, old and new
/// admissions, visits with and without their reports, and placements under way with no visit.
/// </summary>
public class QaStatusQueryTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static readonly OfstedGrade[] Grades = Enum.GetValues<OfstedGrade>();
    private static readonly FlagSeverity[] Severities = Enum.GetValues<FlagSeverity>();

    [Fact]
    public async Task Filter_OnAVariedMarket_FindsExactlyTheProvidersWhoseDerivedStatusItIs()
    {
        var random = new Random(20261203);
        var stem = TestData.Unique("Varied");
        var dps = await app.Data.CreateDpsAsync();
        var qaOfficer = await app.Data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var providers = new List<TestProvider>();

        for (var i = 0; i < 36; i++)
        {
            var provider = await app.Data.Provider().Named($"{stem} {i:D2}").CreateAsync();
            providers.Add(provider);
            var settings = new List<Guid>();
            for (var s = random.Next(3); s > 0; s--)
            {
                var inspected = random.Next(3) == 0 ? (DateOnly?)null : today.AddDays(-random.Next(30, 900));
                settings.Add(await app.Data.Setting(provider).Graded(Grades[random.Next(Grades.Length)]).InspectedOn(inspected).CreateAsync());
            }
            if (settings.Count > 0 && random.Next(4) == 0)
            {
                await InDbAsync(db => db.Settings.Where(x => x.Id == settings[0]).ExecuteUpdateAsync(x => x.SetProperty(z => z.ClosedAt, app.Clock.GetUtcNow().UtcDateTime)));
            }
            if (random.Next(3) == 0)
            {
                var (_, membership) = await app.Data.ApplyAsync(provider, dps);
                var admitted = app.Clock.GetUtcNow().UtcDateTime.AddDays(-random.Next(0, 500));
                await InDbAsync(db => db.LotMemberships.Where(m => m.Id == membership).ExecuteUpdateAsync(x => x.SetProperty(m => m.AdmittedAt, admitted)));
            }
            await InDbAsync(async db =>
            {
                for (var f = random.Next(3); f > 0; f--)
                {
                    db.QaFlags.Add(new QaFlag
                    {
                        ProviderId = provider.Id, SettingId = settings.Count > 0 && random.Next(2) == 0 ? settings[0] : null,
                        LocalAuthorityId = qaOfficer.LocalAuthorityId!.Value, Category = FlagCategory.Concern, Severity = Severities[random.Next(Severities.Length)],
                        Description = "Seen on a visit", Status = random.Next(3) == 0 ? FlagStatus.Resolved : FlagStatus.Open,
                        RaisedByUserId = qaOfficer.Id, RaisedAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(-random.Next(0, 60)),
                    });
                }
                foreach (var setting in settings.Where(_ => random.Next(2) == 0))
                {
                    var visited = today.AddDays(-random.Next(1, 420));
                    db.QaVisits.Add(new QaVisit
                    {
                        SettingId = setting, ProviderId = provider.Id, LocalAuthorityId = qaOfficer.LocalAuthorityId!.Value, VisitDate = visited,
                        Type = VisitType.Annual, ReportCompletedOn = random.Next(2) == 0 ? visited.AddDays(3) : null,
                        ReportReviewedOn = random.Next(3) == 0 ? null : visited.AddDays(5),
                        RecordedByUserId = qaOfficer.Id, RecordedAt = app.Clock.GetUtcNow().UtcDateTime,
                    });
                }
                return await db.SaveChangesAsync();
            });
        }
        // Providers whose only fact is a child placed with them weeks ago and never visited: their membership has ended.
        for (var i = 0; i < 2; i++)
        {
            var (provider, placement) = await PlacedAsync(dps, $"{stem} placed {i}");
            providers.Add(provider);
            await InDbAsync(db => db.LotMemberships.Where(m => m.ProviderId == provider.Id).ExecuteUpdateAsync(x => x.SetProperty(m => m.Status, MembershipStatus.Withdrawn)));
            var started = today.AddDays(i == 0 ? -20 : -3);
            await InDbAsync(db => db.Placements.Where(p => p.Id == placement).ExecuteUpdateAsync(x => x.SetProperty(p => p.StartDate, started)));
        }

        var expected = new Dictionary<Guid, QaStatus>();
        var derivedTogether = await UseAsync<IQaStatusSource, IReadOnlyDictionary<Guid, QaStatus>>(qa => qa.ForProvidersAsync([.. providers.Select(p => p.Id)]));
        foreach (var provider in providers)
        {
            var view = await UseAsync<QualityService, QaStatusView?>(qa => qa.StatusAsync(provider.Id));
            expected[provider.Id] = Enum.Parse<QaStatus>(view!.Status);
        }

        // The market is varied: every status is there.
        Assert.All(Enum.GetValues<QaStatus>(), status => Assert.Contains(status, expected.Values));
        Assert.Equal(expected, derivedTogether.ToDictionary());
        foreach (var status in Enum.GetValues<QaStatus>())
        {
            var found = await UseAsync<ProviderSearch, Outcome<Paged<ProviderSearchResult>>>(search =>
                search.SearchAsync(TestData.ActorFor(qaOfficer), new ProviderSearchFilter(Name: stem, QaStatus: status), PageRequest.First));
            var wanted = providers.Where(p => expected[p.Id] == status).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name).ToList();
            Assert.Equal(wanted, found.Value!.Items.Select(r => r.Name).ToList());
            Assert.All(found.Value.Items, r => Assert.Equal(status, r.QaStatus));
            Assert.Equal(wanted.Count, found.Value.Info.TotalCount);
        }
        // A small page of a filtered list is the same list, a page at a time.
        var everyGreen = providers.Where(p => expected[p.Id] == QaStatus.Green).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name).ToList();
        var second = await UseAsync<ProviderSearch, Outcome<Paged<ProviderSearchResult>>>(search =>
            search.SearchAsync(TestData.ActorFor(qaOfficer), new ProviderSearchFilter(Name: stem, QaStatus: QaStatus.Green), new PageRequest(2, 2)));
        Assert.Equal(everyGreen.Skip(2).Take(2), second.Value!.Items.Select(r => r.Name));
    }

    private async Task<(TestProvider Provider, Guid PlacementId)> PlacedAsync(TestDps dps, string name)
    {
        var provider = await app.Data.Provider().Named(name).CreateAsync();
        await app.Data.ApplyAsync(provider, dps);
        var vacancyId = await app.Data.CreateVacancyAsync(provider, await app.Data.CreateSettingAsync(provider), dps.LotId, 5000m);
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        return (provider, await Api.AgreementScenes.PlaceAsync(app, dps, officer, (provider, vacancyId)));
    }

    private async Task<T> InDbAsync<T>(Func<PlacementBrokerDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }

    private async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
