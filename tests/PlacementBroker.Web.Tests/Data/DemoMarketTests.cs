using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Referrals;
using PlacementBroker.Core.Seeding;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;
using PlacementBroker.Web.Tests.Fixtures;

namespace PlacementBroker.Web.Tests.Data;

/// <summary>The demo market on a fresh demo database of its own (PostgreSQL): what is there on arrival, and the simulated providers.</summary>
public class DemoMarketTests(DemoMarketTests.Site app) : IClassFixture<DemoMarketTests.Site>
{
    public sealed class Site : DemoPostgresApp;

    private const string LeedsOfficer = "placing.officer@leeds.demo.placementbroker.uk";
    private const string WakefieldOfficer = "placing.officer@wakefield.demo.placementbroker.uk";
    private static readonly string[] PeoplesProviders =
        ["Oakfield Family Fostering Ltd", "Pennine Care Homes Ltd", "Aire Valley Supported Living CIC", "Calder Vale Specialist Education Ltd"];

    private static async Task<Actor> ActorAsync(PlacementBrokerDbContext db, string email)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
        return new Actor(user.Id, user.Email!, user.Role, user.LocalAuthorityId, user.ProviderId);
    }

    private static Task<HashSet<Guid>> SimulatedAsync(IServiceProvider services) =>
        DemoMarketToday.SimulatedProvidersAsync(services.GetRequiredService<PlacementBrokerDbContext>(),
            DemoDataSeeder.Read(Path.Combine(AppContext.BaseDirectory, "seed", "demo.json")));

    [Fact]
    public async Task Demo_OnArrival_TwoReferralsWithRankedOffers_AnEmergencyWithNone_AnApproval_QaOverdue_AndAMonthToBill()
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PlacementBrokerDbContext>();
        var officer = await ActorAsync(db, LeedsOfficer);
        var open = await db.Referrals.AsNoTracking().Where(r => r.LocalAuthorityId == officer.LocalAuthorityId && r.Status == ReferralStatus.Open)
            .Select(r => new { r.Id, r.Urgency, Offers = db.Offers.Count(o => o.ReferralId == r.Id && o.Status == OfferStatus.Submitted) }).ToListAsync();

        var withOffers = open.Where(r => r.Offers >= 2).ToList();
        Assert.True(withOffers.Count >= 2, $"{withOffers.Count} open referrals have two offers or more");
        foreach (var referral in withOffers)
        {
            var ranked = await services.GetRequiredService<OfferService>().RankedOffersAsync(officer, referral.Id);
            Assert.Equal(Enumerable.Range(1, ranked!.Count), ranked.Select(o => o.Rank));
            Assert.All(ranked, o => Assert.NotEmpty(o.Explanation));
        }
        Assert.Contains(open, r => r.Urgency == Urgency.Emergency && r.Offers == 0);

        var manager = await ActorAsync(db, "placement.manager@leeds.demo.placementbroker.uk");
        Assert.Equal(1, await db.Approvals.CountAsync(a => a.LocalAuthorityId == manager.LocalAuthorityId && a.Status == ApprovalStatus.Pending));

        var queue = await services.GetRequiredService<Core.Quality.QualityService>().WorkQueueAsync(await ActorAsync(db, "qa.officer@leeds.demo.placementbroker.uk"));
        Assert.Contains(queue, i => i.Overdue);

        var today = UkTime.Today(app.Clock);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var preview = await services.GetRequiredService<Core.Billing.BillingService>().PreviewAsync(
            await ActorAsync(db, "commissioner@leeds.demo.placementbroker.uk"), new Core.Billing.BillingRunRequest(lastMonth, lastMonth.AddMonths(1).AddDays(-1)));
        Assert.True(preview.Succeeded, preview.Message);
        Assert.Null(preview.Value!.Previous);
        Assert.True(preview.Value.Total > 0, "Last month has placements to bill and has not been run");

        var prepared = await db.Referrals.AsNoTracking().SingleAsync(r => r.CreatedByUserId == officer.UserId && r.ChildReference.StartsWith(DemoMarketToday.TryItPrefix));
        Assert.Equal(ReferralStatus.Draft, prepared.Status);
    }

    [Fact]
    public async Task Simulator_AnswersTheSentReferralThroughTheServices_OnceEach_AndLeavesEverythingElseAlone()
    {
        var window = TimeSpan.FromSeconds(45);
        Guid referralId;
        HashSet<Guid> simulated;
        DateTime openedAt;
        Dictionary<Guid, int> offersBefore;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var officer = await ActorAsync(db, WakefieldOfficer);
            simulated = await SimulatedAsync(scope.ServiceProvider);
            openedAt = await db.AuditEvents.Where(e => e.Action == DemoMarketToday.OpenedAction).Select(e => e.OccurredAt).SingleAsync();
            offersBefore = (await db.Referrals.Where(r => r.Status == ReferralStatus.Open)
                .Select(r => new { r.Id, Offers = db.Offers.Count(o => o.ReferralId == r.Id) }).ToListAsync()).ToDictionary(r => r.Id, r => r.Offers);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            referralId = (await scope.ServiceProvider.GetRequiredService<DemoMarketToday>().PrepareTryItAsync(officer))!.Value;
            var sent = await scope.ServiceProvider.GetRequiredService<ReferralService>().PublishDraftAsync(officer, referralId);
            Assert.True(sent.Succeeded, sent.Message);
        }

        // Nobody answers the moment it is sent.
        Assert.Equal(0, await AnswerAsync(simulated, openedAt, window, []));

        // Within the window every provider that is going to answer has: offers, declines with reasons, perhaps questions.
        app.Clock.Advance(window);
        var made = await AnswerAsync(simulated, openedAt, window, []);
        Assert.True(made >= DemoProviderAnswers.CertainOffers, $"{made} answers");

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var offers = await db.Offers.AsNoTracking().Where(o => o.ReferralId == referralId).ToListAsync();
            var vacancies = await db.Vacancies.AsNoTracking().Where(v => offers.Select(o => o.VacancyId).Contains(v.Id)).ToDictionaryAsync(v => v.Id);
            Assert.True(offers.Count >= 2, $"{offers.Count} offers");
            Assert.All(offers, o =>
            {
                Assert.Contains(o.ProviderId, simulated);
                Assert.Equal(o.ProviderId, vacancies[o.VacancyId].ProviderId);
                Assert.InRange(o.WeeklyPrice, vacancies[o.VacancyId].WeeklyPrice * 0.95m, vacancies[o.VacancyId].WeeklyPrice * 1.1m);
                Assert.Equal(OfferStatus.Submitted, o.Status);
            });
            var fits = (await db.ReferralRecipients.Where(r => r.ReferralId == referralId && r.Fits).Select(r => r.ProviderId).ToListAsync()).ToHashSet();
            Assert.All(offers, o => Assert.Contains(o.ProviderId, fits));
            var declines = await db.ReferralRecipients.AsNoTracking().Where(r => r.ReferralId == referralId && r.DeclinedAt != null).ToListAsync();
            Assert.All(declines, d => { Assert.NotNull(d.DeclineReason); Assert.False(string.IsNullOrWhiteSpace(d.DeclineDetail)); });
            Assert.DoesNotContain(declines, d => offers.Any(o => o.ProviderId == d.ProviderId));

            // The four providers whose accounts are in the README are left for people to answer.
            var peoples = await db.Providers.Where(p => PeoplesProviders.Contains(p.Name)).Select(p => p.Id).ToListAsync();
            Assert.Equal(4, peoples.Count);
            Assert.DoesNotContain(offers, o => peoples.Contains(o.ProviderId));
            Assert.DoesNotContain(declines, d => peoples.Contains(d.ProviderId));

            // The referrals that were open before the market opened get nothing new (the emergency stays without offers).
            foreach (var (id, count) in offersBefore)
            {
                Assert.Equal(count, await db.Offers.CountAsync(o => o.ReferralId == id));
            }
        }

        // A restarted host (a new simulator, nothing in memory) answers nothing twice.
        app.Clock.Advance(window);
        Assert.Equal(0, await AnswerAsync(simulated, openedAt, window, []));

        // The officer saw each offer arrive on the hub's path: the offers rank and explain like any other.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var ranked = await scope.ServiceProvider.GetRequiredService<OfferService>().RankedOffersAsync(await ActorAsync(db, WakefieldOfficer), referralId);
            Assert.All(ranked!, o => Assert.NotEmpty(o.Explanation));
        }
    }

    [Fact]
    public async Task Simulator_LeavesAReferralWhoseDeadlineHasPassed()
    {
        var window = TimeSpan.FromSeconds(45);
        Guid referralId;
        HashSet<Guid> simulated;
        DateTime openedAt;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var officer = await ActorAsync(db, "placing.officer@bradford.demo.placementbroker.uk");
            simulated = await SimulatedAsync(scope.ServiceProvider);
            openedAt = await db.AuditEvents.Where(e => e.Action == DemoMarketToday.OpenedAction).Select(e => e.OccurredAt).SingleAsync();
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            referralId = (await scope.ServiceProvider.GetRequiredService<DemoMarketToday>().PrepareTryItAsync(officer))!.Value;
            Assert.True((await scope.ServiceProvider.GetRequiredService<ReferralService>().PublishDraftAsync(officer, referralId)).Succeeded);
        }
        // Its deadline is an hour away; two hours later it has gone (well within the day the simulator looks back):
        // a provider that missed it does not answer late.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var referral = await db.Referrals.SingleAsync(r => r.Id == referralId);
            referral.OfferDeadline = app.Clock.GetUtcNow().UtcDateTime.AddHours(1);
            await db.SaveChangesAsync();
        }
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(DemoProviderAnswers.LookBack > TimeSpan.FromHours(2));

        await AnswerAsync(simulated, openedAt, window, []);

        using var check = app.Services.CreateScope();
        var checkDb = check.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.Equal(0, await checkDb.Offers.CountAsync(o => o.ReferralId == referralId));
        Assert.Equal(0, await checkDb.ReferralRecipients.CountAsync(r => r.ReferralId == referralId && r.DeclinedAt != null));
    }

    [Fact]
    public async Task PrepareAnother_WhileThePreparedOneIsUnsent_IsRefused_AndOnlyOfficersMayPrepare()
    {
        int Prepared(PlacementBrokerDbContext db) => db.Referrals.Count(r => r.ChildReference.StartsWith(DemoMarketToday.TryItPrefix));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var before = Prepared(db);

        using var officer = await Pages.PageSession.SignedInAsync(app, LeedsOfficer, DemoDataSeeder.DemoPassword);
        var home = Pages.PageDocument.Parse(await officer.GetPageAsync("/"));
        Assert.NotNull(home.Document.QuerySelector("[data-testid=try-it]"));
        Assert.DoesNotContain(home.Document.QuerySelectorAll("[data-testid=try-it] button"), b => b.TextContent.Contains("Prepare"));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await officer.PostFormAsync("/", [], "/?handler=PrepareReferral")).StatusCode);

        using var manager = await Pages.PageSession.SignedInAsync(app, "placement.manager@leeds.demo.placementbroker.uk", DemoDataSeeder.DemoPassword);
        Assert.Null(Pages.PageDocument.Parse(await manager.GetPageAsync("/")).Document.QuerySelector("[data-testid=try-it]"));
        var refused = await manager.PostFormAsync("/", [], "/?handler=PrepareReferral");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/error/403", refused.Headers.Location!.OriginalString.Replace("http://localhost", ""));

        // Kirklees is outside the DPS: no panel, and nothing to prepare.
        using var kirklees = await Pages.PageSession.SignedInAsync(app, "placing.officer@kirklees.demo.placementbroker.uk", DemoDataSeeder.DemoPassword);
        Assert.Null(Pages.PageDocument.Parse(await kirklees.GetPageAsync("/")).Document.QuerySelector("[data-testid=try-it]"));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await kirklees.PostFormAsync("/", [], "/?handler=PrepareReferral")).StatusCode);

        Assert.Equal(before, Prepared(db));
    }

    [Fact]
    public void SimulateProvidersFalse_TheDemoRunsWithoutTheSimulator()
    {
        // The test hosts set PlacementBroker:Demo:SimulateProviders=false: the demo (and its guided run) stays, the simulator does not.
        Assert.True(app.Services.GetRequiredService<DemoMode>().On);
        Assert.False(app.Services.GetRequiredService<DemoMode>().SimulatesProviders);
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is DemoMarketService);
    }

    [Fact]
    public async Task PreparedDraft_InTheManagersList_OpensOnAPageTheManagerMayRead()
    {
        using var session = await Pages.PageSession.SignedInAsync(app, "placement.manager@leeds.demo.placementbroker.uk", DemoDataSeeder.DemoPassword);
        var list = Pages.PageDocument.Parse(await session.GetPageAsync("/referrals?status=Draft"));

        var link = list.Document.QuerySelectorAll("main table a").Single(a => a.TextContent.Contains(DemoMarketToday.TryItPrefix)).GetAttribute("href")!;

        Assert.DoesNotContain("/check", link);
        var draft = Pages.PageDocument.Parse(await session.GetPageAsync(link));
        Assert.Contains("Lily Marsden", draft.Document.QuerySelector("h1")!.TextContent);
    }

    private async Task<int> AnswerAsync(HashSet<Guid> simulated, DateTime openedAt, TimeSpan window, HashSet<(Guid, Guid)> refused)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DemoProviderAnswers>().AnswerDueAsync(simulated, openedAt, window, refused);
    }

    [Fact]
    public void Plan_IsTheSameEveryTime_AndTheCertainOnesOffer()
    {
        var (referral, provider) = (Guid.NewGuid(), Guid.NewGuid());
        var window = TimeSpan.FromSeconds(45);

        Assert.Equal(DemoProviderAnswers.Plan(referral, provider, true, false, window), DemoProviderAnswers.Plan(referral, provider, true, false, window));
        var certain = DemoProviderAnswers.Plan(referral, provider, true, true, window);
        Assert.Equal(DemoAnswerKind.Offer, certain.Kind);
        Assert.InRange(certain.After, TimeSpan.FromSeconds(3), window * 0.4);
        var plans = Enumerable.Range(0, 400).Select(_ => DemoProviderAnswers.Plan(Guid.NewGuid(), Guid.NewGuid(), true, false, window)).ToList();
        Assert.InRange(plans.Count(p => p.Kind == DemoAnswerKind.Offer), 270, 350);
        Assert.DoesNotContain(plans, p => p.Kind == DemoAnswerKind.Silent);
        Assert.Contains(plans, p => p.Kind == DemoAnswerKind.Decline && p.Reason is not null && p.Detail is not null);
        Assert.Contains(plans, p => p.Question is not null && p.QuestionAfter < p.After);
        Assert.All(plans, p => Assert.True(p.After <= window));
        Assert.DoesNotContain(Enumerable.Range(0, 200).Select(_ => DemoProviderAnswers.Plan(Guid.NewGuid(), Guid.NewGuid(), false, false, window)),
            p => p.Kind == DemoAnswerKind.Offer);
    }
}

/// <summary>The simulated providers never run outside a Development demo, whatever the configuration says.</summary>
public class DemoMarketRefusalTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "PlacementBroker.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static DemoMarketService Service(string environment, string? seed) => new(
        new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), new Environment(environment),
        Options.Create(new PlacementBrokerOptions { Seed = seed, Demo = new DemoOptions { SimulateProviders = true } }), TimeProvider.System,
        NullLogger<DemoMarketService>.Instance);

    [Theory]
    [InlineData("Production", "demo", "only in the Development environment")]
    [InlineData("Staging", "demo", "only in the Development environment")]
    [InlineData("Testing", "demo", "only in the Development environment")]
    [InlineData("Development", null, "only with the demo data")]
    [InlineData("Development", "none", "only with the demo data")]
    public async Task Simulator_RefusesToStart_OutsideADevelopmentDemo(string environment, string? seed, string message)
    {
        using var service = Service(environment, seed);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => service.StartAsync(CancellationToken.None));

        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public async Task Simulator_StartsInADevelopmentDemo()
    {
        using var service = Service("Development", "demo");
        await service.StartAsync(CancellationToken.None);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Production_WithSimulatedProvidersSwitchedOn_IsRefusedAtStartUp()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PlacementBroker:Demo:SimulateProviders"] = "True" }).Build();

        var problems = UnsafeConfigurationCheck.Problems(configuration, new Environment("Production"));

        Assert.Contains(problems, p => p.Contains("PlacementBroker:Demo:SimulateProviders"));
        Assert.Empty(UnsafeConfigurationCheck.Problems(configuration, new Environment("Development")));
    }
}

/// <summary>A host without the demo data has no simulator and no guided first run, and its "prepare a referral" is not there.</summary>
public class DemoMarketAbsentTests(PlacementBrokerApp app) : IClassFixture<PlacementBrokerApp>
{
    [Fact]
    public async Task NoDemo_NoSimulator_NoPanel_AndPreparingAReferralIsNotFound()
    {
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is DemoMarketService);
        Assert.False(app.Services.GetRequiredService<DemoMode>().On);

        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await Pages.PageSession.SignedInAsync(app, officer.Email, officer.Password);
        var home = await session.GetPageAsync("/");
        Assert.DoesNotContain("Try the live market", home);
        var prepare = await session.PostFormAsync("/", [], "/?handler=PrepareReferral");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, prepare.StatusCode);
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Referrals.AnyAsync(r => r.CreatedByUserId == officer.Id));
    }
}
