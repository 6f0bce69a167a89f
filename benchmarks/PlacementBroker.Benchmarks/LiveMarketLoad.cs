using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Identity;
using PlacementBroker.Core.Providers;

namespace PlacementBroker.Benchmarks;

public sealed record LiveResults(OfferToOfficerResult OfferToOfficer, ReferralFanOutResult ReferralFanOut, OfferThroughputResult OfferThroughput, double PeakWorkingSetMb);

/// <summary>
/// The live market from outside: the web host runs in a process of its own (PlacementBroker.Web.dll on Kestrel) over a
/// copy of the data set, and this process is the client: provider and officer accounts sign in through the token
/// endpoint, hold SignalR connections, publish referrals and make offers over HTTP.
/// </summary>
public static class LiveMarketLoad
{
    public const string Password = "Harness-Load-Passw0rd!";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<LiveResults> RunAsync(HarnessOptions options, string sourceConnection, TextWriter log, CancellationToken ct)
    {
        var copy = await DataSetCopy.CreateAsync(options, sourceConnection, log);
        try
        {
            var plan = await PrepareAsync(options, copy.ConnectionString, log, ct);
            await using var host = await HostProcess.StartAsync(options, copy.ConnectionString, log, ct);
            using var sampler = new WorkingSetSampler(host.ProcessId);
            var results = await MeasureAsync(options, plan, host.Address, host.ProcessId, log, ct);
            return results with { PeakWorkingSetMb = Math.Round(sampler.PeakBytes / (1024.0 * 1024.0), 1) };
        }
        finally
        {
            await copy.DisposeAsync();
        }
    }

    private sealed record Account(Guid Id, string Email, Guid? ProviderId);

    private sealed record Plan(Guid LotId, Account Officer, List<Account> Providers, List<Account> Others, Dictionary<Guid, List<Guid>> Vacancies, List<Guid> OfferReferrals);

    /// <summary>
    /// In the copy: one lot with at least <see cref="HarnessOptions.Providers"/> admitted providers (topped up when it has
    /// fewer), each alerted to every referral, with open vacancies any child fits; a user for each, the officer who
    /// publishes the referrals, and other officers to make up the connections. One password hash for all.
    /// </summary>
    private static async Task<Plan> PrepareAsync(HarnessOptions options, string connection, TextWriter log, CancellationToken ct)
    {
        await using var db = NationalData.CreateContext(options.Database, connection);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var national = (await db.DynamicPurchasingSystems.AsNoTracking()
            .Select(d => new { d.Id, d.Name, d.LeadLocalAuthorityId, Participants = db.DpsParticipants.Count(p => p.DpsId == d.Id) })
            .ToListAsync(ct)).OrderByDescending(d => d.Participants).ThenBy(d => d.Name).First();
        var lots = await db.Lots.AsNoTracking().Where(l => l.DpsId == national.Id && l.PlacementType != PlacementType.SupportedAccommodation)
            .Select(l => new { l.Id, l.Name, Admitted = db.LotMemberships.Count(m => m.LotId == l.Id && m.Status == MembershipStatus.Admitted) })
            .ToListAsync(ct);
        var lot = lots.OrderByDescending(l => l.Admitted).ThenBy(l => l.Name).First();

        // Providers with a setting a vacancy can be in: the lot's admitted members first, then others admitted now.
        var settingOf = (await db.Settings.AsNoTracking().Where(s => s.ClosedAt == null && s.ReviewStatus == SettingReviewStatus.Approved)
                .Select(s => new { s.Id, s.ProviderId }).ToListAsync(ct))
            .GroupBy(s => s.ProviderId).ToDictionary(g => g.Key, g => g.Min(s => s.Id));
        var verified = await db.Providers.AsNoTracking().Where(p => p.VerifiedAt != null).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var members = (await db.LotMemberships.AsNoTracking().Where(m => m.LotId == lot.Id && m.Status == MembershipStatus.Admitted)
            .Select(m => m.ProviderId).ToListAsync(ct)).ToHashSet();
        var chosen = verified.Where(p => members.Contains(p) && settingOf.ContainsKey(p)).Take(options.Providers).ToList();
        var anyMembership = (await db.LotMemberships.AsNoTracking().Where(m => m.LotId == lot.Id).Select(m => m.ProviderId).ToListAsync(ct)).ToHashSet();
        foreach (var extra in verified.Where(p => !anyMembership.Contains(p) && settingOf.ContainsKey(p)).Take(options.Providers - chosen.Count))
        {
            db.LotMemberships.Add(new LotMembership { LotId = lot.Id, ProviderId = extra, Status = MembershipStatus.Admitted, AdmittedAt = now });
            chosen.Add(extra);
        }
        if (chosen.Count < options.Providers)
        {
            throw new InvalidOperationException($"The data set has only {chosen.Count} providers to admit to one lot; {options.Providers} are needed.");
        }
        await db.Providers.Where(p => chosen.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.AlertForEveryReferral, true), ct);

        var vacancies = new Dictionary<Guid, List<Guid>>();
        foreach (var provider in chosen)
        {
            vacancies[provider] = [];
            for (var i = 0; i < options.VacanciesPerProvider; i++)
            {
                var vacancy = new Vacancy
                {
                    ProviderId = provider, SettingId = settingOf[provider], LotId = lot.Id, Places = 3, AgeMin = 0, AgeMax = 17,
                    Genders = [.. Enum.GetValues<Gender>()], NeedsMet = [.. Enum.GetValues<Need>()], WeeklyPrice = 3_000m, AvailableFrom = today,
                    Status = VacancyStatus.Open, CreatedAt = now, UpdatedAt = now,
                };
                db.Vacancies.Add(vacancy);
                vacancies[provider].Add(vacancy.Id);
            }
        }

        var hash = new PasswordHasher<User>().HashPassword(new User { DisplayName = "" }, Password);
        var authorities = await db.DpsParticipants.AsNoTracking().Where(p => p.DpsId == national.Id).OrderBy(p => p.LocalAuthorityId)
            .Select(p => p.LocalAuthorityId).ToListAsync(ct);
        authorities.Insert(0, national.LeadLocalAuthorityId);
        Account Add(string email, Role role, Guid? authority, Guid? provider)
        {
            var user = new User
            {
                DisplayName = email, Role = role, LocalAuthorityId = authority, ProviderId = provider, CreatedAt = now,
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
            };
            db.Users.Add(user);
            return new Account(user.Id, email, provider);
        }
        var officer = Add("harness-officer@load.test", Role.PlacingOfficer, national.LeadLocalAuthorityId, null);
        var providers = chosen.Select((p, i) => Add($"harness-provider-{i}@load.test", Role.ProviderUser, null, p)).ToList();
        // The other connections belong to officers with several tabs open: OtherConnectionsPerAccount each.
        var otherConnections = Math.Max(0, options.Connections - providers.Count - 1);
        var otherAccounts = Enumerable.Range(0, (otherConnections + options.OtherConnectionsPerAccount - 1) / options.OtherConnectionsPerAccount)
            .Select(i => Add($"harness-officer-{i}@load.test", Role.PlacingOfficer, authorities[i % authorities.Count], null)).ToList();
        var others = Enumerable.Range(0, otherConnections).Select(i => otherAccounts[i % otherAccounts.Count]).ToList();
        // The referrals the throughput offers go to: written here, open and received by the listening providers, as a
        // publication leaves them (publishing is measured by the fan-out, not here).
        var offerReferrals = new List<Guid>();
        for (var k = 0; k < options.ThroughputReferrals; k++)
        {
            var referral = new Core.Referrals.Referral
            {
                LocalAuthorityId = national.LeadLocalAuthorityId, CreatedByUserId = officer.Id, LotId = lot.Id, Urgency = Core.Referrals.Urgency.Planned,
                StartDate = today.AddDays(14), Duration = Core.Referrals.PlacementDuration.LongTerm, Status = Core.Referrals.ReferralStatus.Open,
                ChildReference = $"HARNESS-T{k:0000}", ChildFirstName = "Sam", ChildLastName = "Load", ChildDateOfBirth = today.AddYears(-10).AddDays(-30),
                ChildGender = k % 2 == 0 ? Gender.Female : Gender.Male, SiblingGroupSize = 1, Needs = [Need.EmotionalBehavioural],
                HomePostcode = "B1 1AA", HomeLatitude = 52.48, HomeLongitude = -1.89, MaxDistanceMiles = 100, WeeklyBudget = 5_000m,
                OfferDeadline = now.AddDays(7), CreatedAt = now, UpdatedAt = now, PublishedAt = now,
            };
            db.Referrals.Add(referral);
            foreach (var provider in chosen)
            {
                db.ReferralRecipients.Add(new Core.Referrals.ReferralRecipient { ReferralId = referral.Id, ProviderId = provider, NotifiedAt = now, Fits = true });
            }
            offerReferrals.Add(referral.Id);
        }
        await db.SaveChangesAsync(ct);
        log.WriteLine($"// lot '{lot.Name}': {members.Count} admitted members; {chosen.Count} providers listening, {options.VacanciesPerProvider} new vacancies each; {1 + providers.Count + otherAccounts.Count} accounts for {1 + providers.Count + others.Count} connections");
        return new Plan(lot.Id, officer, providers, others, vacancies, offerReferrals);
    }

    /// <summary>Arrival times (Stopwatch ticks) of one event per key, and a signal when the expected number has come.</summary>
    private sealed class Arrivals(int expected)
    {
        private readonly ConcurrentQueue<long> times = new();
        private int count;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public IEnumerable<long> Times => times;

        public void Add(long at)
        {
            times.Enqueue(at);
            if (Interlocked.Increment(ref count) == expected)
            {
                Done.TrySetResult();
            }
        }
    }

    private static async Task<LiveResults> MeasureAsync(HarnessOptions options, Plan plan, Uri address, int hostProcessId, TextWriter log, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };

        var watch = Stopwatch.StartNew();
        var everyone = plan.Others.Prepend(plan.Officer).Concat(plan.Providers).ToList();
        var tokens = new ConcurrentDictionary<Guid, string>();
        await Parallel.ForEachAsync(everyone.DistinctBy(a => a.Id), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (account, token) =>
        {
            using var response = await http.PostAsJsonAsync("/api/auth/token", new { email = account.Email, password = Password }, token);
            await Expect(response, "token");
            tokens[account.Id] = (await response.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("accessToken").GetString()!;
        });
        log.WriteLine($"// {tokens.Count} tokens in {watch.Elapsed.TotalSeconds:F1} s");

        var fanOut = new ConcurrentDictionary<Guid, Arrivals>();
        var offers = new ConcurrentDictionary<Guid, Arrivals>();
        var providerIds = plan.Providers.Select(p => p.Id).ToHashSet();
        var connections = new ConcurrentBag<HubConnection>();
        watch.Restart();
        try
        {
            await Parallel.ForEachAsync(everyone, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (account, token) =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(address, "/hubs/marketplace"), o =>
                    {
                        o.AccessTokenProvider = () => Task.FromResult<string?>(tokens[account.Id]);
                        o.Transports = HttpTransportType.WebSockets;
                    })
                    .Build();
                var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                connection.On<JsonElement>("connected", _ => connected.TrySetResult());
                if (providerIds.Contains(account.Id))
                {
                    connection.On<JsonElement>("referralReceived", e =>
                    {
                        var at = Stopwatch.GetTimestamp();
                        fanOut.GetOrAdd(e.GetProperty("referralId").GetGuid(), _ => new Arrivals(plan.Providers.Count)).Add(at);
                    });
                }
                if (account == plan.Officer)
                {
                    connection.On<JsonElement>("offerReceived", e =>
                    {
                        var at = Stopwatch.GetTimestamp();
                        offers.GetOrAdd(e.GetProperty("offerId").GetGuid(), _ => new Arrivals(1)).Add(at);
                    });
                }
                connections.Add(connection);
                await connection.StartAsync(token);
                await connected.Task.WaitAsync(TimeSpan.FromSeconds(60), token);
            });
            log.WriteLine($"// {connections.Count} hub connections open in {watch.Elapsed.TotalSeconds:F1} s");

            watch.Restart();
            // Referral fan-out: the officer publishes referrals one after another; each provider's connection hears each.
            var referrals = new List<Guid>();
            var fanOutMs = new List<double>();
            for (var k = 0; k < options.FanOutReferrals + 1; k++)
            {
                var start = Stopwatch.GetTimestamp();
                var id = await PublishReferralAsync(http, tokens[plan.Officer.Id], plan.LotId, k, ct);
                var arrivals = fanOut.GetOrAdd(id, _ => new Arrivals(plan.Providers.Count));
                await arrivals.Done.Task.WaitAsync(options.EventTimeout, ct);
                referrals.Add(id);
                // The first is the warm-up.
                if (k > 0)
                {
                    fanOutMs.AddRange(arrivals.Times.Select(t => Stopwatch.GetElapsedTime(start, t).TotalMilliseconds));
                }
                if (k % 5 == 0)
                {
                    log.WriteLine($"// ... {k + 1} referrals published in {watch.Elapsed.TotalSeconds:F0} s");
                }
                if (k > 0 && watch.Elapsed > options.LiveMeasureBudget && k < options.FanOutReferrals)
                {
                    log.WriteLine($"// fan-out stopped after {k} of {options.FanOutReferrals} referrals: the measure's budget of {options.LiveMeasureBudget.TotalMinutes:0.#} min was spent");
                    break;
                }
            }
            var fanOutResult = new ReferralFanOutResult(plan.Providers.Count, Stats.Percentile(fanOutMs, 95));
            log.WriteLine($"// referral fan-out: {fanOutMs.Count} deliveries, p95 {fanOutResult.P95Ms:F1} ms");

            // The offers to make: each (referral, vacancy) once, consecutive offers to different referrals from different
            // providers, so the referrals fill up together as in a live market (the data set has 33 offers a referral on
            // average) rather than one referral taking all 300 providers' 900 vacancies before the next gets any.
            referrals.AddRange(plan.OfferReferrals);
            var combos = new ConcurrentQueue<(Guid Referral, Account Provider, Guid Vacancy)>(
                from v in Enumerable.Range(0, options.VacanciesPerProvider)
                from i in Enumerable.Range(0, plan.Providers.Count)
                from r in Enumerable.Range(0, referrals.Count)
                let provider = plan.Providers[(i + r) % plan.Providers.Count]
                select (referrals[r], provider, plan.Vacancies[provider.ProviderId!.Value][v]));

            // Offer to officer: one offer at a time; the time from the POST to the officer's connection hearing of it.
            var officerMs = new List<double>();
            watch.Restart();
            for (var j = 0; j < options.OfficerOffers + 1 && combos.TryDequeue(out var combo); j++)
            {
                var start = Stopwatch.GetTimestamp();
                var (ok, offerId, problem) = await OfferAsync(http, tokens[combo.Provider.Id], combo, ct);
                if (!ok)
                {
                    throw new InvalidOperationException($"An offer was refused: {problem}");
                }
                var arrival = offers.GetOrAdd(offerId, _ => new Arrivals(1));
                await arrival.Done.Task.WaitAsync(options.EventTimeout, ct);
                if (j > 0)
                {
                    officerMs.Add(Stopwatch.GetElapsedTime(start, arrival.Times.First()).TotalMilliseconds);
                }
                if (j > 0 && watch.Elapsed > options.LiveMeasureBudget && j < options.OfficerOffers)
                {
                    log.WriteLine($"// offers to the officer stopped after {j} of {options.OfficerOffers}: the measure's budget of {options.LiveMeasureBudget.TotalMinutes:0.#} min was spent");
                    break;
                }
            }
            var officerResult = new OfferToOfficerResult(connections.Count, Stats.Percentile(officerMs, 50), Stats.Percentile(officerMs, 95));
            log.WriteLine($"// offer to officer: {officerMs.Count} offers, p50 {officerResult.P50Ms:F1} ms, p95 {officerResult.P95Ms:F1} ms");

            // Throughput: concurrent submitters for a fixed time, every offer a distinct (referral, vacancy).
            var accepted = 0;
            var errors = 0;
            var problems = new ConcurrentQueue<string>();
            // Where the throughput's ceiling is: the processor time the host and this client spend on each offer.
            using var hostProcess = Process.GetProcessById(hostProcessId);
            var hostCpuBefore = hostProcess.TotalProcessorTime;
            var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var deadline = Stopwatch.StartNew();
            var submitters = Enumerable.Range(0, options.Submitters).Select(_ => Task.Run(async () =>
            {
                while (deadline.Elapsed < options.ThroughputDuration && combos.TryDequeue(out var combo))
                {
                    try
                    {
                        var (ok, _, problem) = await OfferAsync(http, tokens[combo.Provider.Id], combo, ct);
                        if (ok)
                        {
                            Interlocked.Increment(ref accepted);
                        }
                        else
                        {
                            Interlocked.Increment(ref errors);
                            problems.Enqueue(problem);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref errors);
                        problems.Enqueue(e.Message);
                    }
                }
            }, ct)).ToList();
            await Task.WhenAll(submitters);
            var elapsed = deadline.Elapsed.TotalSeconds;
            if (combos.IsEmpty && elapsed < options.ThroughputDuration.TotalSeconds)
            {
                log.WriteLine($"// (the prepared offers ran out after {elapsed:F1} s)");
            }
            foreach (var problem in problems.Take(5))
            {
                log.WriteLine($"// refused: {problem}");
            }
            var throughput = new OfferThroughputResult(Math.Round(accepted / elapsed, 1), errors);
            log.WriteLine($"// throughput: {accepted} offers accepted in {elapsed:F1} s by {options.Submitters} submitters, {errors} errors");
            hostProcess.Refresh();
            var hostCpuMs = (hostProcess.TotalProcessorTime - hostCpuBefore).TotalMilliseconds;
            var clientCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore).TotalMilliseconds;
            if (accepted > 0)
            {
                var perOffer = (hostCpuMs + clientCpuMs) / accepted;
                log.WriteLine($"// processor time per offer accepted: host {hostCpuMs / accepted:F1} ms, this client {clientCpuMs / accepted:F1} ms; "
                    + $"the host used {hostCpuMs / 1000 / elapsed:F2} of {Environment.ProcessorCount} cores; at these costs {Environment.ProcessorCount} cores "
                    + $"could take at most {Environment.ProcessorCount * 1000 / perOffer:F0} offers a second");
            }
            return new LiveResults(officerResult, fanOutResult, throughput, 0);
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static async Task<Guid> PublishReferralAsync(HttpClient http, string token, Guid lotId, int n, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var body = new
        {
            lotId,
            urgency = "Planned",
            startDate = today.AddDays(14),
            duration = "LongTerm",
            child = new
            {
                reference = $"HARNESS-{n:0000}", firstName = "Sam", lastName = "Load", dateOfBirth = today.AddYears(-10).AddDays(-30),
                gender = n % 2 == 0 ? "Female" : "Male", siblingGroupSize = 1, needs = new[] { "EmotionalBehavioural" }, mustHaveNeeds = Array.Empty<string>(),
            },
            homePostcode = "B1 1AA",
            homeLatitude = 52.48,
            homeLongitude = -1.89,
            maxDistanceMiles = 100,
            weeklyBudget = 5_000,
            offerDeadline = DateTime.UtcNow.AddDays(7),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        await Expect(response, "referral");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }

    private static async Task<(bool Ok, Guid Id, string Problem)> OfferAsync(HttpClient http, string token, (Guid Referral, Account Provider, Guid Vacancy) combo, CancellationToken ct)
    {
        var body = new { vacancyId = combo.Vacancy, weeklyPrice = 3_000.00m, startDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/referrals/{combo.Referral}/offers") { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            return (false, Guid.Empty, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
        return (true, (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid(), "");
    }

    private static async Task Expect(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The {what} request failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// The live phase writes (accounts, vacancies, referrals, offers), so it runs on a copy and the data set stays
    /// reusable. SQLite: an online backup into the output folder; PostgreSQL: <c>CREATE DATABASE … TEMPLATE</c> the data
    /// set. The copy is deleted (dropped) at the end.
    /// </summary>
    private sealed class DataSetCopy : IAsyncDisposable
    {
        private readonly Func<Task> drop;

        private DataSetCopy(string connectionString, Func<Task> drop)
        {
            ConnectionString = connectionString;
            this.drop = drop;
        }

        public string ConnectionString { get; }

        public static async Task<DataSetCopy> CreateAsync(HarnessOptions options, string source, TextWriter log)
        {
            var watch = Stopwatch.StartNew();
            if (options.Database == DatabaseKind.Sqlite)
            {
                var path = Path.GetFullPath(Path.Combine(options.OutputDirectory, "live-copy.db"));
                SqliteConnection.ClearAllPools();
                DeleteSqlite(path);
                using (var from = new SqliteConnection(source))
                using (var to = new SqliteConnection(NationalData.SqliteConnectionString(path)))
                {
                    from.Open();
                    to.Open();
                    from.BackupDatabase(to);
                }
                SqliteConnection.ClearAllPools();
                log.WriteLine($"// copied the data set to {path} in {watch.Elapsed.TotalSeconds:F1} s");
                return new DataSetCopy(NationalData.SqliteConnectionString(path), () =>
                {
                    SqliteConnection.ClearAllPools();
                    DeleteSqlite(path);
                    return Task.CompletedTask;
                });
            }
            var builder = new NpgsqlConnectionStringBuilder(source);
            var template = builder.Database ?? throw new ArgumentException("The PostgreSQL connection string names no database");
            var name = template + "_live";
            var admin = new NpgsqlConnectionStringBuilder(source) { Database = "postgres", Pooling = false }.ConnectionString;
            // A template database must have no other sessions: this process's pooled ones are closed first.
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
            log.WriteLine($"// copied the data set to database {name} in {watch.Elapsed.TotalSeconds:F1} s");
            return new DataSetCopy(new NpgsqlConnectionStringBuilder(source) { Database = name }.ConnectionString, async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            });
        }

        private static async Task ExecuteAsync(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        private static void DeleteSqlite(string path)
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }

        public async ValueTask DisposeAsync() => await drop();
    }

    /// <summary>Samples a process's working set every 100 ms and keeps the largest.</summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task loop;
        private long peak;

        public WorkingSetSampler(int processId)
        {
            var process = Process.GetProcessById(processId);
            loop = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        process.Refresh();
                        Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), process.WorkingSet64));
                    }
                    catch (InvalidOperationException)
                    {
                        return; // the process has gone
                    }
                    await Task.Delay(100, CancellationToken.None);
                }
            });
        }

        public long PeakBytes
        {
            get
            {
                stop.Cancel();
                loop.Wait();
                return Interlocked.Read(ref peak);
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            loop.Wait();
            stop.Dispose();
        }
    }

    /// <summary>PlacementBroker.Web.dll (as built next to this project's configuration) on Kestrel in a child process.</summary>
    private sealed class HostProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StreamWriter output;

        private HostProcess(Process process, StreamWriter output, Uri address)
        {
            this.process = process;
            this.output = output;
            Address = address;
        }

        public Uri Address { get; }
        public int ProcessId => process.Id;

        public static async Task<HostProcess> StartAsync(HarnessOptions options, string connection, TextWriter log, CancellationToken ct)
        {
            var dll = WebAssemblyPath();
            var port = FreePort();
            var dataFolder = Path.GetFullPath(Path.Combine(options.OutputDirectory, "host-data"));
            Directory.CreateDirectory(dataFolder);
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet && File.Exists(dotnet) ? dotnet : "dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            const string raised = "1000000";
            var environment = new Dictionary<string, string>
            {
                // Development: no production secrets needed; the demo seed is switched off and nothing else differs for the API.
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = "",
                ["PlacementBroker__Database__Provider"] = options.Database.ToString(),
                // SQLite pooled, as the application's own connection string is by default (the copy's has pooling off so that
                // this process can delete it): unpooled, every query of the host paid SQLite's open and its schema read.
                ["ConnectionStrings__PlacementBroker"] = options.Database == DatabaseKind.Sqlite
                    ? new SqliteConnectionStringBuilder(connection) { Pooling = true }.ToString() : connection,
                ["PlacementBroker__DataFolder"] = dataFolder,
                ["PlacementBroker__Seed"] = "none",
                // A node that serves requests only: the recurring jobs would run over the national data during the measures.
                ["PlacementBroker__Jobs__RunServer"] = "false",
                ["PlacementBroker__RateLimits__RegistrationsPerHourPerAddress"] = raised,
                ["PlacementBroker__RateLimits__InvitationsPerHourPerAddress"] = raised,
                ["PlacementBroker__RateLimits__OffersPerMinutePerProvider"] = raised,
                ["PlacementBroker__RateLimits__TokensPerMinutePerAddress"] = raised,
                ["ConnectionStrings__Redis"] = options.Redis ?? "",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            };
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
            var output = new StreamWriter(Path.Combine(options.OutputDirectory, "host.log"), append: false) { AutoFlush = true };
            var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start");
            Running.Add(process);
            process.OutputDataReceived += (_, e) => Write(output, e.Data);
            process.ErrorDataReceived += (_, e) => Write(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var host = new HostProcess(process, output, new Uri($"http://127.0.0.1:{port}"));
            try
            {
                await host.WaitReadyAsync(ct);
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
            log.WriteLine($"// host {Path.GetFileName(dll)} (process {process.Id}) ready at {host.Address}; its output in {Path.Combine(options.OutputDirectory, "host.log")}");
            return host;
        }

        private static void Write(StreamWriter output, string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (output)
            {
                try
                {
                    output.WriteLine(line);
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }

        private async Task WaitReadyAsync(CancellationToken ct)
        {
            using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromMinutes(3))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The host exited with code {process.ExitCode}: see host.log");
                }
                try
                {
                    using var response = await http.GetAsync("/health/ready", ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }
                await Task.Delay(250, ct);
            }
            throw new TimeoutException("The host was not ready within 3 minutes: see host.log");
        }

        public async ValueTask DisposeAsync()
        {
            Kill(process);
            await process.WaitForExitAsync();
            Running.TryTake(out _);
            lock (output)
            {
                output.Dispose();
            }
            process.Dispose();
        }

        private static readonly ConcurrentBag<Process> Running = [];

        static HostProcess()
        {
            // Ctrl-C or an exit in the middle of a run does not leave the host behind.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
            Console.CancelKeyPress += (_, _) => KillAll();
            Terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, _ => KillAll());
        }

        private static readonly IDisposable Terminate;

        private static void KillAll()
        {
            foreach (var p in Running)
            {
                Kill(p);
            }
        }

        private static void Kill(Process p)
        {
            try
            {
                if (!p.HasExited)
                {
                    p.Kill(entireProcessTree: true);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>src/PlacementBroker.Web/bin/{this configuration}/{tfm}/PlacementBroker.Web.dll; built with this project (a build-order reference).</summary>
        private static string WebAssemblyPath()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlacementBroker.sln")))
            {
                dir = dir.Parent;
            }
            if (dir is null)
            {
                throw new InvalidOperationException("Run the harness from a checkout: PlacementBroker.sln was not found above " + AppContext.BaseDirectory);
            }
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
            var configuration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var candidates = new[] { configuration, "Release", "Debug" }.Distinct()
                .Select(c => Path.Combine(dir.FullName, "src", "PlacementBroker.Web", "bin", c, tfm, "PlacementBroker.Web.dll"))
                .Where(File.Exists).ToList();
            return candidates.FirstOrDefault()
                ?? throw new InvalidOperationException($"PlacementBroker.Web.dll was not found: build src/PlacementBroker.Web ({configuration}) first");
        }
    }
}
