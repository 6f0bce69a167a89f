using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Faults;

/// <summary>
/// The real host as a process of its own on a PostgreSQL cluster of the test's own: killed with SIGKILL it loses nothing
/// it acknowledged, and its job server lives through the database stopping and starting.
/// </summary>
public class HostCrashTests(OwnPostgresApp app) : IClassFixture<OwnPostgresApp>
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(120);

    private Dictionary<string, string> Settings => new()
    {
        ["PlacementBroker:Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:PlacementBroker"] = app.Database.ConnectionString,
        ["PlacementBroker:DataFolder"] = Path.Combine(app.Database.Folder, "process"),
        ["PlacementBroker:Admin:Email"] = PlacementBrokerApp.AdminEmail,
        ["PlacementBroker:Admin:Password"] = PlacementBrokerApp.AdminPassword,
        ["PlacementBroker:Admin:TotpSecret"] = PlacementBrokerApp.AdminTotpSecret,
        ["PlacementBroker:Jwt:SigningKey"] = OwnPostgresApp.SigningKey,
        ["PlacementBroker:Seed"] = "none",
        ["PlacementBroker:Jobs:RunServer"] = "true",
        ["PlacementBroker:PublicBaseUrl"] = PlacementBrokerApp.PublicBaseUrl,
    };

    [Fact]
    public async Task AHostKilledWithSigkill_LosesNothingItAcknowledged()
    {
        // The process runs on the real clock: the scene is made on it too.
        if (DateTimeOffset.UtcNow > app.Clock.GetUtcNow())
        {
            app.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        }
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        var referral = app.Data.ReferralBody(dps.LotId);
        referral["startDate"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)).ToString("yyyy-MM-dd");
        referral["offerDeadline"] = DateTime.UtcNow.AddDays(2).ToString("O");

        string referralId, offerId;
        await using (var host = await HostProcess.StartAsync(Settings, ReadyWithin))
        {
            using var officerClient = await SignedInAsync(host, officer);
            using var providerClient = await SignedInAsync(host, provider.User);
            referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", referral)).ReadJsonAsync(HttpStatusCode.Created))
                .GetProperty("id").GetString()!;
            offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000m }))
                .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

            await host.KillAsync();
        }

        string placementId;
        await using (var host = await HostProcess.StartAsync(Settings, ReadyWithin))
        {
            using var officerClient = await SignedInAsync(host, officer);
            var afterKill = await (await officerClient.GetAsync($"/api/referrals/{referralId}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Open", afterKill.GetProperty("status").GetString());
            var offers = await (await officerClient.GetAsync($"/api/referrals/{referralId}/offers")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Contains(offers.EnumerateArray(), o => o.GetProperty("id").GetString() == offerId);

            var accepted = await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created);
            placementId = accepted.GetProperty("placementId").GetString()!;

            await host.KillAsync();
        }

        await using (var host = await HostProcess.StartAsync(Settings, ReadyWithin))
        {
            using var officerClient = await SignedInAsync(host, officer);
            var placement = await (await officerClient.GetAsync($"/api/placements/{placementId}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Active", placement.GetProperty("status").GetString());
            Assert.Equal(offerId, placement.GetProperty("offerId").GetString());
            var placed = await (await officerClient.GetAsync($"/api/referrals/{referralId}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Placed", placed.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task TheHostAndItsJobServerLiveThroughADatabaseOutage_AndRecoverByThemselves()
    {
        await using var host = await HostProcess.StartAsync(Settings, ReadyWithin);
        using var client = host.CreateClient();

        var logBeforeOutage = host.Output.Length;
        await app.Cluster.StopAsync();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
            var token = await client.PostAsJsonAsync("/api/auth/token", new { email = PlacementBrokerApp.AdminEmail, password = PlacementBrokerApp.AdminPassword });
            await token.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            // The job server polls its queues in the database: wait, within a bound, until it has met the outage.
            bool JobServerMetTheOutage() => host.Output[logBeforeOutage..].Contains("Hangfire.", StringComparison.Ordinal);
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!JobServerMetTheOutage() && !host.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
            Assert.True(JobServerMetTheOutage(), $"The job server never met the outage:\n{host.Output}");
            Assert.False(host.HasExited, host.Output);
        }
        finally
        {
            await app.Cluster.StartAgainAsync();
        }
        var back = DateTime.UtcNow;

        await OwnPostgresApp.WaitUntilReadyAsync(client, TimeSpan.FromSeconds(60), () => $"\n{host.Output}");
        Assert.False(host.HasExited, host.Output);
        // The job server is back at work: its heartbeat (every 30 seconds) resumes in the database, within a bound.
        var beatDeadline = DateTime.UtcNow.AddSeconds(90);
        while (await LastJobServerHeartbeatAsync() is var beat && !(beat > back.AddSeconds(-1)) && DateTime.UtcNow < beatDeadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        Assert.True(await LastJobServerHeartbeatAsync() > back.AddSeconds(-1), $"The job server's heartbeat did not resume:\n{host.Output}");
        Assert.False(host.HasExited, host.Output);
        // The same sign-in that answered 503 during the outage now succeeds, on the same process.
        using var admin = await SignedInAsync(host, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);
    }

    private async Task<DateTime?> LastJobServerHeartbeatAsync()
    {
        // A connection of its own each time: a pooled one from before the restart would be dead.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.Database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT max(lastheartbeat) FROM hangfire.server", connection);
        return await command.ExecuteScalarAsync() is DateTime beat ? beat.ToUniversalTime() : null;
    }

    private static readonly OneTimeCodes AdminCodes = new(PlacementBrokerApp.AdminTotpSecret);

    private static Task<HttpClient> SignedInAsync(HostProcess host, TestUser user) => SignedInAsync(host, user.Email, user.Password);

    private static async Task<HttpClient> SignedInAsync(HostProcess host, string email, string password)
    {
        var client = host.CreateClient();
        // The process runs on the real clock; the admin's codes are handed out once each across the class.
        var code = email == PlacementBrokerApp.AdminEmail ? AdminCodes.Next(DateTimeOffset.UtcNow) : null;
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { email, password, code })).ReadJsonAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }
}
