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
        // 38 providers: their facts are read directly. With ids of no provider added to pass the threshold, the query
        // picks whose facts to read first: both ways must give the same statuses.
        Assert.True(providers.Count <= QualityService.FactsReadDirectlyUpTo);
        var derivedTogether = await UseAsync<IQaStatusSource, IReadOnlyDictionary<Guid, QaStatus>>(qa => qa.ForProvidersAsync([.. providers.Select(p => p.Id)]));
        var padding = Enumerable.Range(0, QualityService.FactsReadDirectlyUpTo).Select(_ => Guid.NewGuid()).ToList();
        var derivedFiltered = await UseAsync<IQaStatusSource, IReadOnlyDictionary<Guid, QaStatus>>(qa => qa.ForProvidersAsync([.. providers.Select(p => p.Id), .. padding]));
        Assert.All(padding, id => Assert.Equal(QaStatus.Green, derivedFiltered[id]));
        Assert.Equal(derivedTogether.ToDictionary(), derivedFiltered.Where(d => !padding.Contains(d.Key)).ToDictionary());
        foreach (var provider in providers)
        {
            var view = await UseAsync<QualityService, QaStatusView?>(qa => qa.StatusAsync(provider.Id));
            expected[provider.Id] = Enum.Parse<QaStatus>(view!.Status);
        }

        // The market is varied: every status is there.
        Assert.All(Enum.GetValues<QaStatus>(), status => Assert.Contains(status, expected.Values));
        Assert.Equal(expected, derivedTogether.ToDictionary());
        // The query takes in exactly the providers that are not green today, no more.
        Assert.Equal(providers.Where(p => expected[p.Id] != QaStatus.Green).Select(p => p.Id).Order(), await NotGreenAsync(providers.Select(p => p.Id), today));
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

    [Fact]
    public async Task Filter_OnTheDaysEitherSideOfADueDate_TakesInTheOverdueAndLeavesOutTheNotYetDue()
    {
        var stem = TestData.Unique("Due");
        var dps = await app.Data.CreateDpsAsync();
        var qaOfficer = await app.Data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var cases = new List<(string Case, Guid ProviderId, QaStatus Expected)>();

        // A good setting, admitted to the lot long ago (or, for the reports, never admitted), with one visit: the visit date decides.
        async Task VisitedAsync(string name, DateOnly visited, bool reportDone, bool admitted, QaStatus expected)
        {
            var provider = await app.Data.Provider().Named($"{stem} {name}").CreateAsync();
            var setting = await app.Data.Setting(provider).Graded(OfstedGrade.Good).InspectedOn(today.AddDays(-100)).CreateAsync();
            if (admitted)
            {
                var (_, membership) = await app.Data.ApplyAsync(provider, dps);
                var admittedAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(-800);
                await InDbAsync(db => db.LotMemberships.Where(m => m.Id == membership).ExecuteUpdateAsync(x => x.SetProperty(m => m.AdmittedAt, admittedAt)));
            }
            await InDbAsync(db =>
            {
                db.QaVisits.Add(new QaVisit
                {
                    SettingId = setting, ProviderId = provider.Id, LocalAuthorityId = qaOfficer.LocalAuthorityId!.Value, VisitDate = visited, Type = VisitType.Annual,
                    ReportCompletedOn = reportDone ? visited : null, ReportReviewedOn = reportDone ? visited : null,
                    RecordedByUserId = qaOfficer.Id, RecordedAt = app.Clock.GetUtcNow().UtcDateTime,
                });
                return db.SaveChangesAsync();
            });
            cases.Add((name, provider.Id, expected));
        }
        await VisitedAsync("annual visit due tomorrow", today.AddDays(1).AddYears(-1), reportDone: true, admitted: true, QaStatus.Green);
        await VisitedAsync("annual visit due yesterday", today.AddDays(-1).AddYears(-1), reportDone: true, admitted: true, QaStatus.Amber);
        await VisitedAsync("report due tomorrow", today.AddDays(1 - QaTimetable.ReportDays), reportDone: false, admitted: false, QaStatus.Green);
        await VisitedAsync("report due yesterday", today.AddDays(-1 - QaTimetable.ReportDays), reportDone: false, admitted: false, QaStatus.Amber);

        // Never visited: the annual visit is due a year after the first admission, a UK date.
        foreach (var (name, admittedOn, expected) in new[] { ("first admitted, due tomorrow", today.AddDays(1).AddYears(-1), QaStatus.Green),
                     ("first admitted, due yesterday", today.AddDays(-1).AddYears(-1), QaStatus.Amber) })
        {
            var provider = await app.Data.Provider().Named($"{stem} {name}").CreateAsync();
            await app.Data.Setting(provider).Graded(OfstedGrade.Good).InspectedOn(today.AddDays(-100)).CreateAsync();
            var (_, membership) = await app.Data.ApplyAsync(provider, dps);
            // Just before midnight in England: the UK date is the one meant, whatever UTC says.
            var admittedAt = TimeZoneInfo.ConvertTimeToUtc(admittedOn.ToDateTime(new TimeOnly(23, 30)), UkTime.London);
            await InDbAsync(db => db.LotMemberships.Where(m => m.Id == membership).ExecuteUpdateAsync(x => x.SetProperty(m => m.AdmittedAt, admittedAt)));
            cases.Add((name, provider.Id, expected));
        }

        // A child placed with a provider never visited: the visit is due a week after the start.
        foreach (var (name, started, expected) in new[] { ("placement visit due tomorrow", today.AddDays(1 - QaTimetable.PostPlacementDays), QaStatus.Green),
                     ("placement visit due yesterday", today.AddDays(-1 - QaTimetable.PostPlacementDays), QaStatus.Amber) })
        {
            var (provider, placement) = await PlacedAsync(dps, $"{stem} {name}");
            await InDbAsync(db => db.Placements.Where(p => p.Id == placement).ExecuteUpdateAsync(x => x.SetProperty(p => p.StartDate, started)));
            cases.Add((name, provider.Id, expected));
        }

        foreach (var (name, providerId, expected) in cases)
        {
            var view = await UseAsync<QualityService, QaStatusView?>(qa => qa.StatusAsync(providerId));
            Assert.True(expected.ToString() == view!.Status, $"{name}: {view.Status}, {string.Join("; ", view.Reasons)}");
        }
        Assert.Equal(cases.Where(c => c.Expected != QaStatus.Green).Select(c => c.ProviderId).Order(), await NotGreenAsync(cases.Select(c => c.ProviderId), today));
        var derived = await UseAsync<IQaStatusSource, IReadOnlyDictionary<Guid, QaStatus>>(qa => qa.ForProvidersAsync([.. cases.Select(c => c.ProviderId)]));
        Assert.Equal(cases.ToDictionary(c => c.ProviderId, c => c.Expected), derived.ToDictionary());
    }

    private async Task<List<Guid>> NotGreenAsync(IEnumerable<Guid> providerIds, DateOnly today)
    {
        var ids = providerIds.ToList();
        return [.. (await InDbAsync(db => db.Providers.Where(p => ids.Contains(p.Id)).WhereMayNotBeGreen(db, today).Select(p => p.Id).ToListAsync())).Order()];
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
