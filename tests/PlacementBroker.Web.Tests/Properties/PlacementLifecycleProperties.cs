using System.Diagnostics;
using System.Text;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using Xunit.Abstractions;

namespace PlacementBroker.Web.Tests.Properties;

/// <summary>
/// The placement lifecycle as a property: random sequences of what councils, providers, managers, QA and Ofsted do to a
/// small market (publish, offer, accept, approve, reject, end in the past or the future, withdraw, flag red, resolve, an
/// Ofsted closure, time passing with the sweeps, and two of them at once) and, after every step, the invariants checked
/// straight from the database, independently of the code under test. Whatever the product accepts, a setting never holds
/// more children than Ofsted registered it for on any day, no place is held without a pending approval, every placement
/// comes from an accepted offer of an eligible provider, and every referral's state agrees with its offers and placements.
/// The seeds are fixed, so CI runs the same sequences every time; a failure prints its seed and the steps, and
/// <c>CsCheck_Seed=&lt;seed&gt;</c> replays the sequences up to that one (docs/architecture.md, "The lifecycle property test").
/// </summary>
public abstract class PlacementLifecycleProperties(PlacementBrokerApp app, ITestOutputHelper output)
{
    /// <summary>Where the fixed seeds come from: change it only on purpose, the sequences CI runs change with it.</summary>
    private const int SeedBase = 20261123;
    /// <summary>Sequences per database: the budget that keeps this test to about a minute on each of SQLite and PostgreSQL.</summary>
    private const int Sequences = 40;

    public enum Kind
    {
        Publish,
        WithdrawVacancy,
        Refer,
        Offer,
        Accept,
        Decide,
        End,
        WithdrawOffer,
        WithdrawReferral,
        FlagRed,
        Resolve,
        OfstedClosure,
        Advance,
        Race,
        Rebook,
    }

    /// <summary>One step: what is done, and three numbers that choose its arguments from the market as it is then.</summary>
    public sealed record Op(Kind Kind, int A, int B, int C)
    {
        public override string ToString() => $"{Kind}({A},{B},{C})";
    }

    /// <summary>The registered places of the market's four settings, and the steps.</summary>
    public sealed record Scenario(int[] RegisteredPlaces, List<Op> Ops);

    private static readonly Gen<Op> Ops = Gen.Select(
        Gen.Frequency(
            (6, Gen.Const(Kind.Publish)), (1, Gen.Const(Kind.WithdrawVacancy)), (5, Gen.Const(Kind.Refer)), (12, Gen.Const(Kind.Offer)),
            (10, Gen.Const(Kind.Accept)), (5, Gen.Const(Kind.Decide)), (5, Gen.Const(Kind.End)), (2, Gen.Const(Kind.WithdrawOffer)),
            (1, Gen.Const(Kind.WithdrawReferral)), (1, Gen.Const(Kind.FlagRed)), (2, Gen.Const(Kind.Resolve)), (1, Gen.Const(Kind.OfstedClosure)),
            (4, Gen.Const(Kind.Advance)), (4, Gen.Const(Kind.Race)), (6, Gen.Const(Kind.Rebook))),
        Gen.Int[0, 999], Gen.Int[0, 999], Gen.Int[0, 999],
        (kind, a, b, c) => new Op(kind, a, b, c));

    public static readonly Gen<Scenario> Scenarios = Gen.Select(Gen.Int[1, 3].Array[4], Ops.List[15, 45], (places, ops) => new Scenario(places, ops));

    private static string Print(Scenario s) => $"registered places [{string.Join(", ", s.RegisteredPlaces)}]; steps: {string.Join(" ", s.Ops)}";

    /// <summary>
    /// The fixed seeds CI runs. With CsCheck_Seed set, the sequences up to and including that one: each sequence starts
    /// where the clock and the sweeps left the one before, so a failure is reproduced by replaying what came before it.
    /// A seed not in the list runs alone.
    /// </summary>
    private static IEnumerable<string> Seeds()
    {
        var rerun = Environment.GetEnvironmentVariable("CsCheck_Seed")?.Trim();
        var random = new Random(SeedBase);
        var seeds = Enumerable.Range(0, Sequences).Select(_ => new PCG(1, (ulong)random.NextInt64()).ToString()).ToList();
        if (string.IsNullOrEmpty(rerun))
        {
            return seeds;
        }
        var at = seeds.IndexOf(rerun);
        return at < 0 ? [rerun] : seeds.Take(at + 1);
    }

    [Fact]
    public async Task EveryStepKeepsTheBedCountExact()
    {
        var watch = Stopwatch.StartNew();
        var totals = new Dictionary<string, int>();
        // Every reading of the clock moves it on a millisecond, so rows made in one step differ in CreatedAt and the steps'
        // choices (ordered by CreatedAt) are the same on every run of a seed, not left to the order of random ids.
        app.Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);
        foreach (var seed in Seeds())
        {
            try
            {
                await Scenarios.SampleAsync(s => RunAsync(s, totals), seed: seed, iter: 1, threads: 1, print: Print);
            }
            catch (CsCheckException)
            {
                // Not shrunk: each try would run against the database. The report has the seed, the steps and what each answered.
                output.WriteLine($"Seed {seed} failed: replay up to it with CsCheck_Seed={seed}.");
                throw;
            }
            output.WriteLine($"Seed {seed} passed ({watch.Elapsed.TotalSeconds:0.0} s so far).");
        }
        output.WriteLine(string.Join(", ", totals.OrderBy(t => t.Key).Select(t => $"{t.Key}: {t.Value}")));
        if (Environment.GetEnvironmentVariable("CsCheck_Seed") is { Length: > 0 })
        {
            return;
        }
        // The sequences must reach the interesting states, or the property proves little.
        Assert.True(totals.GetValueOrDefault("Accept:Success") > 0, "No offer was ever accepted.");
        Assert.True(totals.GetValueOrDefault("Accept:PendingApproval") > 0, "No offer ever needed approval.");
        Assert.True(totals.GetValueOrDefault("Decide:Success") > 0, "No approval was ever decided.");
        Assert.True(totals.GetValueOrDefault("End:Success") > 0, "No placement was ever ended.");
    }

    /// <summary>Runs one sequence on a fresh market, checking the invariants after every step.</summary>
    private async Task RunAsync(Scenario scenario, Dictionary<string, int> totals)
    {
        var market = await MarketAsync(scenario.RegisteredPlaces);
        var log = new List<string> { $"market: {market.Describe()}" };
        await CheckAsync(market, log, "the market was set up");
        for (var i = 0; i < scenario.Ops.Count; i++)
        {
            var op = scenario.Ops[i];
            string result;
            try
            {
                result = await StepAsync(market, op);
            }
            catch (Exception e)
            {
                log.Add($"#{i + 1} {op}: THREW {e.GetType().Name}: {e.Message}");
                throw new InvariantBroken($"Step #{i + 1} {op} threw (the API would answer 500):\n{e}\n\nSteps:\n{string.Join("\n", log)}");
            }
            log.Add($"#{i + 1} {op}: {result}");
            var outcome = result.Split(' ', 2)[0].TrimEnd(':');
            var key = $"{op.Kind}:{(result.Contains("→ PendingApproval", StringComparison.Ordinal) ? "PendingApproval" : outcome)}";
            lock (totals)
            {
                totals[key] = totals.GetValueOrDefault(key) + 1;
            }
            await CheckAsync(market, log, $"step #{i + 1} {op}");
        }
        output.WriteLine(string.Join("\n", log));
    }

    public sealed class InvariantBroken(string message) : Exception(message);

    // ---------------------------------------------------------------- the market

    private sealed class Market
    {
        public required Guid[] Authorities { get; init; }
        public required Dictionary<Guid, TestUser> Officers { get; init; }
        public required Dictionary<Guid, TestUser> Managers { get; init; }
        public required TestUser Qa { get; init; }
        public required Guid[] Lots { get; init; }
        public required TestProvider[] Providers { get; init; }
        /// <summary>Each setting with the provider that runs it.</summary>
        public required (Guid Id, TestProvider Provider, int Registered)[] Settings { get; init; }
        public HashSet<Guid> PlacementsSeen { get; } = [];

        public string Describe() => string.Join("; ", Settings.Select((s, i) => $"setting {i} of provider {Array.IndexOf(Providers, s.Provider)} registered for {s.Registered}"));
    }

    /// <summary>
    /// A fresh market: a DPS led by one authority with another participating, two lots, three children's homes providers
    /// admitted to both, four settings (the third graded Requires improvement, so accepting its offers needs approval),
    /// one vacancy published at each, one referral from each authority, and the first of them placed.
    /// </summary>
    private async Task<Market> MarketAsync(int[] registered)
    {
        var data = app.Data;
        var lead = await data.CreateLocalAuthorityAsync();
        var participant = await data.CreateLocalAuthorityAsync();
        var commissioner = await data.CreateUserAsync(Role.Commissioner, lead.Id);
        var dps = await data.CreateDpsAsync(commissioner, participants: [participant.Id]);
        Guid secondLot;
        using (var scope = app.Services.CreateScope())
        {
            var lot = await scope.ServiceProvider.GetRequiredService<DpsService>().AddLotAsync(TestData.ActorFor(commissioner), dps.Id, new AddLotRequest(
                $"Lot {TestData.Unique("L")}", PlacementType.ResidentialCare, 5200m,
                [new QuestionInput("insurance", "Do you hold public liability insurance of at least £10 million?", "Upload the certificate reference."),
                 new QuestionInput("safeguarding", "Do you have a safeguarding policy reviewed in the last 12 months?", null)]));
            secondLot = lot.Value?.Id ?? throw new InvalidOperationException(lot.Message);
        }
        var lots = new[] { dps.LotId, secondLot };
        var providers = new TestProvider[3];
        for (var i = 0; i < providers.Length; i++)
        {
            providers[i] = await data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
            foreach (var lotId in lots)
            {
                await data.ApplyAsync(providers[i], dps with { LotId = lotId });
            }
        }
        var owners = new[] { providers[0], providers[0], providers[1], providers[2] };
        var settings = new (Guid, TestProvider, int)[owners.Length];
        for (var i = 0; i < owners.Length; i++)
        {
            var id = await data.CreateSettingAsync(owners[i], registered[i], i == 2 ? OfstedGrade.RequiresImprovement : OfstedGrade.Good);
            settings[i] = (id, owners[i], registered[i]);
        }
        var authorities = new[] { lead.Id, participant.Id };
        var officers = new Dictionary<Guid, TestUser>();
        var managers = new Dictionary<Guid, TestUser>();
        foreach (var authority in authorities)
        {
            officers[authority] = await data.CreateUserAsync(Role.PlacingOfficer, authority);
            managers[authority] = await data.CreateUserAsync(Role.PlacementManager, authority);
        }
        var market = new Market
        {
            Authorities = authorities,
            Officers = officers,
            Managers = managers,
            Qa = await data.CreateUserAsync(Role.QaOfficer, lead.Id),
            Lots = lots,
            Providers = providers,
            Settings = settings,
        };
        for (var i = 0; i < settings.Length; i++)
        {
            await PublishAsync(market, i, i % 2, Math.Min(2, registered[i]));
        }
        await ReferAsync(market, 0, 0, 10);
        await ReferAsync(market, 1, 1, 20);
        // One child placed from the start, so that ends, re-bookings and races have a placement to work on at once.
        await OfferAsync(market, new Op(Kind.Offer, 0, 0, 1));
        await AcceptAsync(market, (await OffersAsync(market, OfferStatus.Submitted)).Single());
        return market;
    }

    // ---------------------------------------------------------------- the steps

    private DateOnly Today => UkTime.Today(app.Clock);

    private T Service<T>(IServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private static string Said<T>(Outcome<T> outcome) => outcome.Succeeded ? "Success" : $"{outcome.Kind}: {outcome.Message}";

    private static TItem Pick<TItem>(IReadOnlyList<TItem> items, int n) => items[n % items.Count];

    /// <summary>Does the step and says what the product answered, e.g. "Success ..." or "Conflict: ...".</summary>
    private async Task<string> StepAsync(Market market, Op op)
    {
        switch (op.Kind)
        {
            case Kind.Publish:
            {
                // Mostly no more than registered; now and then one more, which is refused.
                var index = op.A % market.Settings.Length;
                var registered = market.Settings[index].Registered;
                // Available now, or from a later day: a bed free only after a planned end can be published from then.
                var from = Today.AddDays(op.B / 2 % 3 == 0 ? 0 : op.B % 60);
                return await PublishAsync(market, index, op.B % 2, op.C % 8 == 0 ? registered + 1 : op.C % registered + 1, from);
            }
            case Kind.WithdrawVacancy:
            {
                var vacancies = await LiveVacanciesAsync(market);
                if (vacancies.Count == 0)
                {
                    return "Skipped: no vacancy";
                }
                var v = Pick(vacancies, op.A);
                using var scope = app.Services.CreateScope();
                return $"{Said(await Service<VacancyService>(scope).WithdrawAsync(ActorOfProvider(market, v.ProviderId), v.Id))} vacancy {Short(v.Id)}";
            }
            case Kind.Refer:
                return await ReferAsync(market, op.A % 2, op.B % 2, op.C);
            case Kind.Offer:
                return await OfferAsync(market, op);
            case Kind.Accept:
            {
                var offers = await OffersAsync(market, OfferStatus.Submitted);
                if (offers.Count == 0)
                {
                    return "Skipped: no submitted offer";
                }
                return await AcceptAsync(market, Pick(offers, op.A));
            }
            case Kind.Decide:
            {
                var approvals = await PendingApprovalsAsync(market);
                if (approvals.Count == 0)
                {
                    return "Skipped: no pending approval";
                }
                return await DecideAsync(market, Pick(approvals, op.A), approve: op.B % 3 != 0);
            }
            case Kind.End:
                return await EndAsync(market, op);
            case Kind.WithdrawOffer:
            {
                var offers = (await OffersAsync(market, OfferStatus.Submitted)).Concat(await OffersAsync(market, OfferStatus.PendingApproval)).ToList();
                if (offers.Count == 0)
                {
                    return "Skipped: no live offer";
                }
                return await WithdrawOfferAsync(market, Pick(offers, op.A));
            }
            case Kind.WithdrawReferral:
            {
                var referrals = await OpenReferralsAsync(market);
                if (referrals.Count == 0)
                {
                    return "Skipped: no open referral";
                }
                return await WithdrawReferralAsync(market, Pick(referrals, op.A));
            }
            case Kind.FlagRed:
            {
                var provider = Pick(market.Providers, op.A);
                using var scope = app.Services.CreateScope();
                var raised = await Service<QualityService>(scope).RaiseFlagAsync(TestData.ActorFor(market.Qa),
                    new RaiseFlagRequest(provider.Id, null, FlagCategory.Safeguarding, FlagSeverity.Critical, "Allegation under investigation"));
                return $"{Said(raised)} provider {Array.IndexOf(market.Providers, provider)} red";
            }
            case Kind.Resolve:
            {
                var ids = market.Providers.Select(p => p.Id).ToList();
                using var scope = app.Services.CreateScope();
                var flags = await Service<PlacementBrokerDbContext>(scope).QaFlags.AsNoTracking()
                    .Where(f => ids.Contains(f.ProviderId) && f.Status == FlagStatus.Open).OrderBy(f => f.RaisedAt).ThenBy(f => f.Id)
                    .Select(f => new { f.Id, f.ProviderId }).ToListAsync();
                if (flags.Count == 0)
                {
                    return "Skipped: no open flag";
                }
                var flag = Pick(flags, op.A);
                var resolved = await Service<QualityService>(scope).ResolveFlagAsync(TestData.ActorFor(market.Qa), flag.Id, "Investigated: no further action");
                return $"{Said(resolved)} flag on provider {Array.FindIndex(market.Providers, p => p.Id == flag.ProviderId)}";
            }
            case Kind.OfstedClosure:
            {
                var index = op.A % market.Settings.Length;
                using var scope = app.Services.CreateScope();
                var urn = await Service<PlacementBrokerDbContext>(scope).Settings.Where(s => s.Id == market.Settings[index].Id).Select(s => s.OfstedUrn).SingleAsync();
                var csv = new MemoryStream(Encoding.UTF8.GetBytes($"URN,Registration status\n{urn},Closed\n"));
                // The register is national data: the platform admin imports it.
                var adminId = await Service<PlacementBrokerDbContext>(scope).Users.Where(u => u.Email == PlacementBrokerApp.AdminEmail).Select(u => u.Id).SingleAsync();
                var admin = new Actor(adminId, PlacementBrokerApp.AdminEmail, Role.PlatformAdmin, null, null, "127.0.0.1");
                var imported = await Service<OfstedImportService>(scope).ImportAsync(admin, csv, "property-test.csv");
                return $"{Said(imported)} setting {index} closed";
            }
            case Kind.Advance:
            {
                var by = TimeSpan.FromDays(op.A % 11) + TimeSpan.FromHours(op.B % 24);
                app.Clock.Advance(by);
                using var scope = app.Services.CreateScope();
                var swept = await Service<PlacementSweepJob>(scope).SweepAsync();
                using var deadlines = app.Services.CreateScope();
                await Service<ReferralDeadlineJob>(deadlines).RunAsync();
                return $"Success: clock +{by.TotalHours:0} h to {Today:yyyy-MM-dd}; {swept.EndsCompleted} planned end(s) completed, {swept.HoldsReleased} stray hold(s) released";
            }
            case Kind.Race:
                return await RaceAsync(market, op);
            case Kind.Rebook:
                return await RebookAsync(market, op);
            default:
                throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    private async Task<string> PublishAsync(Market market, int settingIndex, int lotIndex, int places, DateOnly? from = null)
    {
        var availableFrom = from ?? Today;
        var (settingId, provider, _) = market.Settings[settingIndex];
        using var scope = app.Services.CreateScope();
        var published = await Service<VacancyService>(scope).PublishAsync(TestData.ActorFor(provider.User),
            new VacancyRequest(settingId, market.Lots[lotIndex], places, 10, 17, [Gender.Female, Gender.Male], [Need.EmotionalBehavioural, Need.Autism],
                5000m, availableFrom));
        return $"{Said(published)} {places} place(s) from {availableFrom:yyyy-MM-dd} at setting {settingIndex} in lot {lotIndex}{(published.Succeeded ? $" as vacancy {Short(published.Value!.Id)}" : "")}";
    }

    /// <summary>A referral for a 14-year-old (however far the clock has gone; a sibling group of two now and then), starting from ten days ago to five weeks ahead.</summary>
    private async Task<string> ReferAsync(Market market, int authorityIndex, int lotIndex, int n)
    {
        var officer = market.Officers[market.Authorities[authorityIndex]];
        var siblings = n % 7 == 0 ? 2 : 1;
        var start = Today.AddDays(n % 45 - 10);
        var deadline = app.Clock.GetUtcNow().UtcDateTime.AddDays(1 + n % 10);
        using var scope = app.Services.CreateScope();
        var created = await Service<ReferralService>(scope).CreateAsync(TestData.ActorFor(officer), new CreateReferralRequest(
            market.Lots[lotIndex], Urgency.Planned, start, PlacementDuration.LongTerm,
            new ChildInput("LCC-" + TestData.Unique("C")[2..], "Amelia", "Hartley-Testcase", Today.AddYears(-14).AddDays(-100), Gender.Female, siblings,
                [Need.EmotionalBehavioural, Need.Autism], [Need.EmotionalBehavioural], null),
            "LS6 3QN", null, null, 20, 6000m, deadline, Draft: false));
        return $"{Said(created)} referral{(created.Succeeded ? " " + Short(created.Value!.Id) : "")} from authority {authorityIndex} in lot {lotIndex}, "
            + $"{siblings} child(ren) from {start:yyyy-MM-dd}";
    }

    /// <summary>A provider offers one of its vacancies in the referral's lot, at a price under or over the lot's £5,200 ceiling, from the start or a little before.</summary>
    private async Task<string> OfferAsync(Market market, Op op)
    {
        var referrals = await OpenReferralsAsync(market);
        if (referrals.Count == 0)
        {
            return "Skipped: no open referral";
        }
        var referral = Pick(referrals, op.A);
        var vacancies = (await LiveVacanciesAsync(market)).Where(v => v.LotId == referral.LotId).ToList();
        if (vacancies.Count == 0)
        {
            return $"Skipped: no vacancy in the lot of referral {Short(referral.Id)}";
        }
        // A vacancy not yet offered for this referral when there is one: offering the same one twice is refused.
        using (var read = app.Services.CreateScope())
        {
            var offered = await Service<PlacementBrokerDbContext>(read).Offers.AsNoTracking().Where(o => o.ReferralId == referral.Id).Select(o => o.VacancyId).ToListAsync();
            if (vacancies.Any(v => !offered.Contains(v.Id)) && op.B % 5 != 0)
            {
                vacancies = [.. vacancies.Where(v => !offered.Contains(v.Id))];
            }
        }
        var vacancy = Pick(vacancies, op.B);
        var price = op.C % 2 == 0 ? 5400m : 5000m;
        var start = referral.StartDate.AddDays(-(op.C / 3 % 3));
        using var scope = app.Services.CreateScope();
        var made = await Service<OfferService>(scope).SubmitAsync(ActorOfProvider(market, vacancy.ProviderId), referral.Id,
            new SubmitOfferRequest(vacancy.Id, price, start, null), idempotencyKey: null);
        return $"{Said(made)} offer{(made.Succeeded ? " " + Short(made.Value!.Id) : "")} of vacancy {Short(vacancy.Id)} for referral {Short(referral.Id)} at £{price} from {start:yyyy-MM-dd}";
    }

    private async Task<string> AcceptAsync(Market market, OfferRow offer)
    {
        using var scope = app.Services.CreateScope();
        var accepted = await Service<PlacementService>(scope).AcceptAsync(TestData.ActorFor(market.Officers[offer.AuthorityId]), offer.Id,
            new AcceptRequest(PlacementKind.Spot, null));
        return $"{Said(accepted)} accept offer {Short(offer.Id)}{(accepted.Succeeded ? $" → {accepted.Value!.Status}" : "")}";
    }

    private async Task<string> DecideAsync(Market market, ApprovalRow approval, bool approve)
    {
        using var scope = app.Services.CreateScope();
        var decided = await Service<PlacementService>(scope).DecideAsync(TestData.ActorFor(market.Managers[approval.AuthorityId]), approval.Id,
            new ApprovalDecisionRequest(approve ? ApprovalDecision.Approve : ApprovalDecision.Reject, approve ? "Visited: meets the child's needs" : "Safeguarding concerns"));
        return $"{Said(decided)} {(approve ? "approve" : "reject")} approval {Short(approval.Id)}";
    }

    private async Task<string> WithdrawOfferAsync(Market market, OfferRow offer)
    {
        using var scope = app.Services.CreateScope();
        return $"{Said(await Service<OfferService>(scope).WithdrawAsync(ActorOfProvider(market, offer.ProviderId), offer.Id))} withdraw offer {Short(offer.Id)}";
    }

    private async Task<string> WithdrawReferralAsync(Market market, ReferralRow referral)
    {
        using var scope = app.Services.CreateScope();
        var withdrawn = await Service<ReferralService>(scope).WithdrawAsync(TestData.ActorFor(market.Officers[referral.AuthorityId]), referral.Id, "Child returned home");
        return $"{Said(withdrawn)} withdraw referral {Short(referral.Id)}";
    }

    /// <summary>Ends an active placement: on a day in the past (from its start), today, or on a planned day up to 90 days ahead.</summary>
    private async Task<string> EndAsync(Market market, Op op)
    {
        var ids = market.Settings.Select(s => s.Id).ToList();
        List<Placement> active;
        using (var read = app.Services.CreateScope())
        {
            active = await Service<PlacementBrokerDbContext>(read).Placements.AsNoTracking()
                .Where(p => ids.Contains(p.SettingId) && p.Status == PlacementStatus.Active).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync();
        }
        if (active.Count == 0)
        {
            return "Skipped: no active placement";
        }
        var placement = Pick(active, op.A);
        var today = Today;
        var end = (op.B % 3) switch
        {
            0 when placement.StartDate <= today => placement.StartDate.AddDays(op.C % (today.DayNumber - placement.StartDate.DayNumber + 1)),
            1 => today < placement.StartDate ? placement.StartDate : today,
            _ => (today < placement.StartDate ? placement.StartDate : today).AddDays(1 + op.C % 90),
        };
        using var scope = app.Services.CreateScope();
        var ended = await Service<PlacementService>(scope).EndAsync(TestData.ActorFor(market.Officers[placement.LocalAuthorityId]), placement.Id,
            new EndPlacementRequest(end, PlacementEndReason.PlannedMove));
        return $"{Said(ended)} end placement {Short(placement.Id)} (from {placement.StartDate:yyyy-MM-dd}"
            + $"{(placement.EndDate is { } planned ? $", planned end {planned:yyyy-MM-dd}" : "")}) on {end:yyyy-MM-dd}"
            + $"{(ended.Succeeded ? $" → {ended.Value!.Status}" : "")}";
    }

    /// <summary>
    /// Two things at once, each in its own scope: two accepts, accept and withdraw, accept and the referral withdrawn, two
    /// decisions (or a decision and the offer withdrawn), accept and the deadline sweep, the placement sweep and a moved end.
    /// </summary>
    private async Task<string> RaceAsync(Market market, Op op)
    {
        var submitted = await OffersAsync(market, OfferStatus.Submitted);
        var approvals = await PendingApprovalsAsync(market);
        switch (op.A % 6)
        {
            case 0 when submitted.Count > 0:
            {
                var first = Pick(submitted, op.B);
                // The rival offer shares the vacancy, the setting or the referral when one does: that is where a race can hurt.
                var rivals = submitted.Where(o => o.Id != first.Id && (o.VacancyId == first.VacancyId || o.SettingId == first.SettingId || o.ReferralId == first.ReferralId)).ToList();
                var second = rivals.Count > 0 ? Pick(rivals, op.C) : Pick(submitted, op.C);
                var results = await Task.WhenAll(Task.Run(() => AcceptAsync(market, first)), Task.Run(() => AcceptAsync(market, second)));
                return Both("two accepts", results);
            }
            case 1 when submitted.Count > 0:
            {
                var offer = Pick(submitted, op.B);
                var results = await Task.WhenAll(Task.Run(() => AcceptAsync(market, offer)), Task.Run(() => WithdrawOfferAsync(market, offer)));
                return Both("accept and withdraw the offer", results);
            }
            case 2 when submitted.Count > 0:
            {
                var offer = Pick(submitted, op.B);
                var referral = new ReferralRow(offer.ReferralId, offer.AuthorityId, Guid.Empty, default);
                var results = await Task.WhenAll(Task.Run(() => AcceptAsync(market, offer)), Task.Run(() => WithdrawReferralAsync(market, referral)));
                return Both("accept and withdraw the referral", results);
            }
            case 3 when approvals.Count > 0:
            {
                var approval = Pick(approvals, op.B);
                var results = op.C % 2 == 0
                    ? await Task.WhenAll(Task.Run(() => DecideAsync(market, approval, approve: true)), Task.Run(() => DecideAsync(market, approval, approve: op.C % 4 == 0)))
                    : await Task.WhenAll(Task.Run(() => DecideAsync(market, approval, approve: true)),
                        Task.Run(() => WithdrawOfferAsync(market, new OfferRow(approval.OfferId, Guid.Empty, approval.ProviderId, Guid.Empty, Guid.Empty, approval.AuthorityId))));
                return Both("two decisions, or a decision and the offer withdrawn", results);
            }
            case 4 when submitted.Count > 0:
            {
                // The referral's deadline passes and the deadline sweep runs while the officer accepts.
                var offer = Pick(submitted, op.B);
                DateTime deadline;
                using (var read = app.Services.CreateScope())
                {
                    deadline = await Service<PlacementBrokerDbContext>(read).Referrals.Where(r => r.Id == offer.ReferralId).Select(r => r.OfferDeadline).SingleAsync();
                }
                var now = app.Clock.GetUtcNow().UtcDateTime;
                if (deadline >= now)
                {
                    app.Clock.Advance(deadline - now + TimeSpan.FromMinutes(1));
                }
                var results = await Task.WhenAll(Task.Run(() => AcceptAsync(market, offer)), Task.Run(async () =>
                {
                    using var scope = app.Services.CreateScope();
                    await Service<ReferralDeadlineJob>(scope).RunAsync();
                    return "Success deadline sweep";
                }));
                return Both($"accept and the deadline sweep at {app.Clock.GetUtcNow():yyyy-MM-dd HH:mm}", results);
            }
            case 5:
            {
                // A planned end falls due and the placement sweep completes it while the officer moves the end later.
                var ids = market.Settings.Select(s => s.Id).ToList();
                List<Placement> planned;
                using (var read = app.Services.CreateScope())
                {
                    planned = await Service<PlacementBrokerDbContext>(read).Placements.AsNoTracking()
                        .Where(p => ids.Contains(p.SettingId) && p.Status == PlacementStatus.Active && p.EndDate != null)
                        .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync();
                }
                if (planned.Count == 0)
                {
                    return "Skipped: no planned end to race";
                }
                var placement = Pick(planned, op.B);
                var due = placement.EndDate!.Value;
                if (due > Today)
                {
                    app.Clock.Advance(TimeSpan.FromDays(due.DayNumber - Today.DayNumber));
                }
                var later = Today.AddDays(1 + op.C % 30);
                var results = await Task.WhenAll(Task.Run(async () =>
                {
                    using var scope = app.Services.CreateScope();
                    var swept = await Service<PlacementSweepJob>(scope).SweepAsync();
                    return $"Success sweep: {swept.EndsCompleted} end(s) completed";
                }), Task.Run(async () =>
                {
                    using var scope = app.Services.CreateScope();
                    var moved = await Service<PlacementService>(scope).EndAsync(TestData.ActorFor(market.Officers[placement.LocalAuthorityId]), placement.Id,
                        new EndPlacementRequest(later, PlacementEndReason.PlannedMove));
                    return $"{Said(moved)} move the end of placement {Short(placement.Id)} from {due:yyyy-MM-dd} to {later:yyyy-MM-dd}";
                }));
                return Both($"the sweep and a later end on {Today:yyyy-MM-dd}", results);
            }
            default:
                return "Skipped: nothing to race";
        }

        static string Both(string what, string[] results) =>
            (results.Any(r => r.StartsWith("Success", StringComparison.Ordinal)) ? "Success" : "Refused") + $": {what}: [{results[0]}] and [{results[1]}]";
    }

    /// <summary>
    /// Books a place again around the day a child leaves it: a placement is picked (its end planned first if it has none), a
    /// vacancy published at its setting from that end (or from today), a referral written to start up to ten days either
    /// side of the end, that vacancy offered and accepted. Whatever of it the product accepts, the two stays must not overlap.
    /// </summary>
    private async Task<string> RebookAsync(Market market, Op op)
    {
        var ids = market.Settings.Select(s => s.Id).ToList();
        List<(Placement Placement, Guid LotId)> ending;
        using (var read = app.Services.CreateScope())
        {
            var db = Service<PlacementBrokerDbContext>(read);
            ending = [.. (await db.Placements.AsNoTracking().Where(p => ids.Contains(p.SettingId))
                .Join(db.Vacancies, p => p.VacancyId, v => v.Id, (p, v) => new { Placement = p, v.LotId })
                .OrderBy(x => x.Placement.CreatedAt).ThenBy(x => x.Placement.Id).ToListAsync()).Select(x => (x.Placement, x.LotId))];
        }
        if (ending.Count == 0)
        {
            return "Skipped: no placement";
        }
        var (placement, lotId) = Pick(ending, op.A);
        var settingIndex = Index(market, placement.SettingId);
        var provider = market.Settings[settingIndex].Provider;
        var today = Today;
        var said = new List<string>();
        if (placement.EndDate is null)
        {
            // Still open-ended: its officer plans its end first, today or up to four weeks ahead.
            var planned = (today < placement.StartDate ? placement.StartDate : today).AddDays(op.B % 29);
            using var scope = app.Services.CreateScope();
            var ended = await Service<PlacementService>(scope).EndAsync(TestData.ActorFor(market.Officers[placement.LocalAuthorityId]), placement.Id,
                new EndPlacementRequest(planned, PlacementEndReason.PlannedMove));
            said.Add($"end placement {Short(placement.Id)} on {planned:yyyy-MM-dd}: {Said(ended)}");
            if (!ended.Succeeded)
            {
                return "Refused: " + string.Join("; ", said);
            }
            placement.EndDate = planned;
        }
        var end = placement.EndDate!.Value;
        said.Add($"around the end {end:yyyy-MM-dd} of placement {Short(placement.Id)} at setting {settingIndex}");
        Guid? vacancyId = null;
        using (var scope = app.Services.CreateScope())
        {
            var from = op.B % 2 == 0 && end > today ? end : today;
            var published = await Service<VacancyService>(scope).PublishAsync(TestData.ActorFor(provider.User),
                new VacancyRequest(placement.SettingId, lotId, 1, 10, 17, [Gender.Female, Gender.Male], [Need.EmotionalBehavioural, Need.Autism], 5000m, from));
            said.Add($"publish from {from:yyyy-MM-dd}: {Said(published)}");
            vacancyId = published.Value?.Id;
        }
        if (vacancyId is null)
        {
            // The place the ended placement gave back, if it is on offer again.
            vacancyId = (await LiveVacanciesAsync(market)).Where(v => v.LotId == lotId && v.Id == placement.VacancyId).Select(v => (Guid?)v.Id).FirstOrDefault();
        }
        if (vacancyId is null)
        {
            return "Refused: " + string.Join("; ", said);
        }
        var start = end.AddDays(op.C % 21 - 10);
        if (start < today.AddDays(-ReferralService.MaxRetrospectiveDays))
        {
            start = today.AddDays(-ReferralService.MaxRetrospectiveDays);
        }
        var officer = market.Officers[market.Authorities[op.C % 2]];
        Guid? referralId;
        using (var scope = app.Services.CreateScope())
        {
            var created = await Service<ReferralService>(scope).CreateAsync(TestData.ActorFor(officer), new CreateReferralRequest(
                lotId, Urgency.Planned, start, PlacementDuration.LongTerm,
                new ChildInput("LCC-" + TestData.Unique("C")[2..], "Amelia", "Hartley-Testcase", today.AddYears(-14).AddDays(-100), Gender.Female, 1,
                    [Need.EmotionalBehavioural, Need.Autism], [Need.EmotionalBehavioural], null),
                "LS6 3QN", null, null, 20, 6000m, app.Clock.GetUtcNow().UtcDateTime.AddDays(2), Draft: false));
            said.Add($"refer from {start:yyyy-MM-dd}: {Said(created)}");
            referralId = created.Value?.Id;
        }
        if (referralId is null)
        {
            return "Refused: " + string.Join("; ", said);
        }
        Guid? offerId;
        using (var scope = app.Services.CreateScope())
        {
            var made = await Service<OfferService>(scope).SubmitAsync(TestData.ActorFor(provider.User), referralId.Value,
                new SubmitOfferRequest(vacancyId, 5000m, start, null), idempotencyKey: null);
            said.Add($"offer vacancy {Short(vacancyId.Value)}: {Said(made)}");
            offerId = made.Value?.Id;
        }
        if (offerId is null)
        {
            return "Refused: " + string.Join("; ", said);
        }
        using (var scope = app.Services.CreateScope())
        {
            var accepted = await Service<PlacementService>(scope).AcceptAsync(TestData.ActorFor(officer), offerId.Value, new AcceptRequest(PlacementKind.Spot, null));
            said.Add($"accept: {Said(accepted)}{(accepted.Succeeded ? $" → {accepted.Value!.Status}" : "")}");
            return (accepted.Succeeded ? "Success: " : "Refused: ") + string.Join("; ", said);
        }
    }

    private static string Short(Guid id) => id.ToString("N")[^6..];

    private static Actor ActorOfProvider(Market market, Guid providerId) => TestData.ActorFor(market.Providers.Single(p => p.Id == providerId).User);

    private sealed record VacancyRow(Guid Id, Guid ProviderId, Guid LotId);

    private sealed record ReferralRow(Guid Id, Guid AuthorityId, Guid LotId, DateOnly StartDate);

    private sealed record OfferRow(Guid Id, Guid ReferralId, Guid ProviderId, Guid VacancyId, Guid SettingId, Guid AuthorityId);

    private sealed record ApprovalRow(Guid Id, Guid OfferId, Guid ProviderId, Guid AuthorityId);

    private async Task<List<VacancyRow>> LiveVacanciesAsync(Market market)
    {
        var ids = market.Settings.Select(s => s.Id).ToList();
        using var scope = app.Services.CreateScope();
        return await Service<PlacementBrokerDbContext>(scope).Vacancies.AsNoTracking()
            .Where(v => ids.Contains(v.SettingId) && v.Status != VacancyStatus.Withdrawn)
            .OrderBy(v => v.CreatedAt).ThenBy(v => v.Id).Select(v => new VacancyRow(v.Id, v.ProviderId, v.LotId)).ToListAsync();
    }

    private async Task<List<ReferralRow>> OpenReferralsAsync(Market market)
    {
        var authorities = market.Authorities.ToList();
        using var scope = app.Services.CreateScope();
        return await Service<PlacementBrokerDbContext>(scope).Referrals.AsNoTracking()
            .Where(r => authorities.Contains(r.LocalAuthorityId) && r.Status == ReferralStatus.Open)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => new ReferralRow(r.Id, r.LocalAuthorityId, r.LotId, r.StartDate)).ToListAsync();
    }

    private async Task<List<OfferRow>> OffersAsync(Market market, OfferStatus status)
    {
        var authorities = market.Authorities.ToList();
        using var scope = app.Services.CreateScope();
        return await Service<PlacementBrokerDbContext>(scope).Offers.AsNoTracking()
            .Where(o => authorities.Contains(o.Referral!.LocalAuthorityId) && o.Status == status)
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Select(o => new OfferRow(o.Id, o.ReferralId, o.ProviderId, o.VacancyId, o.SettingId, o.Referral!.LocalAuthorityId)).ToListAsync();
    }

    private async Task<List<ApprovalRow>> PendingApprovalsAsync(Market market)
    {
        var authorities = market.Authorities.ToList();
        using var scope = app.Services.CreateScope();
        var db = Service<PlacementBrokerDbContext>(scope);
        return await db.Approvals.AsNoTracking()
            .Where(a => authorities.Contains(a.LocalAuthorityId) && a.Status == ApprovalStatus.Pending)
            .Join(db.Offers, a => a.OfferId, o => o.Id, (a, o) => new { a, o.ProviderId })
            .OrderBy(x => x.a.RequestedAt).ThenBy(x => x.a.Id)
            .Select(x => new ApprovalRow(x.a.Id, x.a.OfferId, x.ProviderId, x.a.LocalAuthorityId)).ToListAsync();
    }

    // ---------------------------------------------------------------- the invariants

    /// <summary>Checks every invariant from the database as it is now; throws with the steps so far when one is broken.</summary>
    private async Task CheckAsync(Market market, List<string> log, string after)
    {
        var broken = await BrokenAsync(market);
        if (broken.Count > 0)
        {
            throw new InvariantBroken($"After {after}:\n- {string.Join("\n- ", broken)}\n\nSteps:\n{string.Join("\n", log)}");
        }
    }

    private async Task<List<string>> BrokenAsync(Market market)
    {
        var broken = new List<string>();
        var settingIds = market.Settings.Select(s => s.Id).ToList();
        var authorities = market.Authorities.ToList();
        using var scope = app.Services.CreateScope();
        var db = Service<PlacementBrokerDbContext>(scope);
        var settings = await db.Settings.AsNoTracking().Where(s => settingIds.Contains(s.Id))
            .Select(s => new { s.Id, s.RegisteredPlaces, s.ClosedAt }).ToListAsync();
        var vacancies = await db.Vacancies.AsNoTracking().Where(v => settingIds.Contains(v.SettingId)).ToListAsync();
        var referrals = await db.Referrals.AsNoTracking().Where(r => authorities.Contains(r.LocalAuthorityId))
            .Select(r => new { r.Id, r.Status, r.LotId }).ToListAsync();
        var referralIds = referrals.Select(r => r.Id).ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => referralIds.Contains(o.ReferralId) || settingIds.Contains(o.SettingId)).ToListAsync();
        var approvals = await db.Approvals.AsNoTracking().Where(a => referralIds.Contains(a.ReferralId) || authorities.Contains(a.LocalAuthorityId)).ToListAsync();
        var placements = await db.Placements.AsNoTracking().Where(p => settingIds.Contains(p.SettingId) || authorities.Contains(p.LocalAuthorityId)).ToListAsync();
        var offerById = offers.ToDictionary(o => o.Id);
        var pending = approvals.Where(a => a.Status == ApprovalStatus.Pending).ToList();

        // 1. No setting over its registered places on any day: placements cover [start, end), pending holds from their offer's start on.
        foreach (var setting in settings)
        {
            var stays = placements.Where(p => p.SettingId == setting.Id)
                .Select(p => (Start: p.StartDate, End: p.EndDate, p.Places, What: $"placement {Short(p.Id)} {p.Status} {p.StartDate:yyyy-MM-dd}..{p.EndDate:yyyy-MM-dd} x{p.Places}"))
                .Concat(pending.Where(a => offerById.TryGetValue(a.OfferId, out var o) && o.SettingId == setting.Id)
                    .Select(a => (Start: offerById[a.OfferId].StartDate, End: (DateOnly?)null, Places: a.PlacesHeld, What: $"hold {Short(a.Id)} from {offerById[a.OfferId].StartDate:yyyy-MM-dd} x{a.PlacesHeld}")))
                .ToList();
            foreach (var day in stays.Select(s => s.Start).Distinct().Order())
            {
                var covering = stays.Where(s => s.Start <= day && (s.End is null || s.End > day)).ToList();
                if (covering.Sum(s => s.Places) > setting.RegisteredPlaces)
                {
                    broken.Add($"Setting {Index(market, setting.Id)} is registered for {setting.RegisteredPlaces} but {covering.Sum(s => s.Places)} places are taken or held on {day:yyyy-MM-dd}: "
                        + string.Join("; ", covering.Select(s => s.What)));
                    break;
                }
            }
            // 1b. Two placements never overlap on a single place.
            if (setting.RegisteredPlaces == 1)
            {
                var own = placements.Where(p => p.SettingId == setting.Id && (p.EndDate is null || p.EndDate > p.StartDate)).OrderBy(p => p.StartDate).ToList();
                for (var i = 0; i + 1 < own.Count; i++)
                {
                    if (own[i].EndDate is null || own[i].EndDate > own[i + 1].StartDate)
                    {
                        broken.Add($"Placements {Short(own[i].Id)} ({own[i].StartDate:yyyy-MM-dd}..{own[i].EndDate:yyyy-MM-dd}) and {Short(own[i + 1].Id)} "
                            + $"(from {own[i + 1].StartDate:yyyy-MM-dd}) overlap in single-place setting {Index(market, setting.Id)}");
                    }
                }
            }
        }

        // 2. No place held without a pending approval, and no pending approval without its held place.
        foreach (var vacancy in vacancies)
        {
            var owed = pending.Where(a => offerById.TryGetValue(a.OfferId, out var o) && o.VacancyId == vacancy.Id).Sum(a => a.PlacesHeld);
            if (vacancy.PlacesHeld != owed)
            {
                broken.Add($"Vacancy {Short(vacancy.Id)} ({vacancy.Status}) holds {vacancy.PlacesHeld} place(s) but its pending approvals hold {owed}");
            }
            if (vacancy.PlacesHeld < 0 || vacancy.Places < vacancy.PlacesHeld)
            {
                broken.Add($"Vacancy {Short(vacancy.Id)} ({vacancy.Status}) has {vacancy.Places} place(s) of which {vacancy.PlacesHeld} held");
            }
        }
        foreach (var approval in approvals)
        {
            var offer = offerById.GetValueOrDefault(approval.OfferId);
            if (approval.Status == ApprovalStatus.Pending && offer?.Status != OfferStatus.PendingApproval)
            {
                broken.Add($"Approval {Short(approval.Id)} is pending but its offer {Short(approval.OfferId)} is {offer?.Status.ToString() ?? "missing"}");
            }
            if (approval.Status == ApprovalStatus.Approved && !placements.Any(p => p.ApprovalId == approval.Id))
            {
                broken.Add($"Approval {Short(approval.Id)} is approved but no placement came of it");
            }
        }
        foreach (var offer in offers.Where(o => o.Status == OfferStatus.PendingApproval))
        {
            var count = pending.Count(a => a.OfferId == offer.Id);
            if (count != 1)
            {
                broken.Add($"Offer {Short(offer.Id)} waits for approval but has {count} pending approval(s)");
            }
        }

        // 3. No placement without an accepted offer from a provider eligible when it was made.
        var membershipsNow = await db.LotMemberships.AsNoTracking().Where(m => market.Providers.Select(p => p.Id).Contains(m.ProviderId))
            .Select(m => new { m.ProviderId, m.LotId, m.Status }).ToListAsync();
        var red = await db.QaFlags.AsNoTracking()
            .Where(f => market.Providers.Select(p => p.Id).Contains(f.ProviderId) && f.Status == FlagStatus.Open && f.Severity == FlagSeverity.Critical)
            .Select(f => f.ProviderId).Distinct().ToListAsync();
        foreach (var placement in placements)
        {
            var offer = offerById.GetValueOrDefault(placement.OfferId);
            var referral = referrals.SingleOrDefault(r => r.Id == placement.ReferralId);
            if (offer is null || offer.Status != OfferStatus.Accepted || offer.ReferralId != placement.ReferralId || offer.SettingId != placement.SettingId
                || offer.VacancyId != placement.VacancyId || offer.ProviderId != placement.ProviderId)
            {
                broken.Add($"Placement {Short(placement.Id)} has no accepted offer of its own (offer {Short(placement.OfferId)} is {offer?.Status.ToString() ?? "missing"})");
            }
            if (referral?.Status != ReferralStatus.Placed)
            {
                broken.Add($"Placement {Short(placement.Id)} is for referral {Short(placement.ReferralId)}, which is {referral?.Status.ToString() ?? "missing"}");
            }
            if (market.PlacementsSeen.Add(placement.Id) && referral is not null)
            {
                // Made in the step just done: eligibility then is eligibility now (no step changes it alongside a placement).
                var vacancyLot = vacancies.SingleOrDefault(v => v.Id == placement.VacancyId)?.LotId;
                if (!membershipsNow.Any(m => m.ProviderId == placement.ProviderId && m.LotId == referral.LotId && m.Status == MembershipStatus.Admitted))
                {
                    broken.Add($"Placement {Short(placement.Id)} was made with provider {Array.FindIndex(market.Providers, p => p.Id == placement.ProviderId)}, not admitted to the referral's lot");
                }
                if (red.Contains(placement.ProviderId))
                {
                    broken.Add($"Placement {Short(placement.Id)} was made with provider {Array.FindIndex(market.Providers, p => p.Id == placement.ProviderId)}, which is red");
                }
                if (vacancyLot != referral.LotId)
                {
                    broken.Add($"Placement {Short(placement.Id)} takes a place published in another lot than the referral's");
                }
                if (settings.SingleOrDefault(s => s.Id == placement.SettingId)?.ClosedAt is { } closed && closed <= placement.CreatedAt)
                {
                    broken.Add($"Placement {Short(placement.Id)} was made in setting {Index(market, placement.SettingId)} after its registration closed");
                }
            }
        }

        // 4. Every referral's state agrees with its offers, approvals and placements.
        foreach (var referral in referrals)
        {
            var own = offers.Where(o => o.ReferralId == referral.Id).ToList();
            var accepted = own.Count(o => o.Status == OfferStatus.Accepted);
            var live = own.Count(o => o.Status is OfferStatus.Submitted or OfferStatus.PendingApproval);
            var placed = placements.Count(p => p.ReferralId == referral.Id);
            var holds = pending.Count(a => a.ReferralId == referral.Id);
            var what = $"Referral {Short(referral.Id)} is {referral.Status} with {accepted} accepted offer(s), {live} live offer(s), {holds} pending approval(s) and {placed} placement(s)";
            var consistent = referral.Status switch
            {
                ReferralStatus.Placed => accepted == 1 && placed == 1 && live == 0 && holds == 0,
                ReferralStatus.Open or ReferralStatus.Draft => accepted == 0 && placed == 0,
                ReferralStatus.Withdrawn or ReferralStatus.Unfilled => accepted == 0 && placed == 0 && live == 0 && holds == 0,
                _ => false,
            };
            if (!consistent)
            {
                broken.Add(what);
            }
        }
        return broken;
    }

    private static int Index(Market market, Guid settingId) => Array.FindIndex(market.Settings, s => s.Id == settingId);
}

public class PlacementLifecyclePropertiesSqlite(SqliteApp app, ITestOutputHelper output) : PlacementLifecycleProperties(app, output), IClassFixture<SqliteApp>;

public class PlacementLifecyclePropertiesPostgres(PostgresApp app, ITestOutputHelper output) : PlacementLifecycleProperties(app, output), IClassFixture<PostgresApp>;
