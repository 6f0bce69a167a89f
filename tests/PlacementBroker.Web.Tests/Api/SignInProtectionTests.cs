using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

public class SignInProtectionTests(ThrottledApp app) : IClassFixture<ThrottledApp>
{
    private HttpClient Client() => new() { BaseAddress = app.ServerAddress };

    [Fact]
    public async Task Token_ManyFailuresFromOneAddress_Returns429UntilTheWindowPasses()
    {
        using var client = Client();
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        for (var i = 0; i < ThrottledApp.AddressLimit; i++)
        {
            // Different unknown accounts, so no account lockout is involved: only the address.
            await client.PostAsJsonAsync("/api/auth/token", new { email = $"guess{i}@nowhere.example", password = "Guess-Passw0rd1" });
        }

        var blocked = await client.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = user.Password });

        await blocked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(blocked.Headers.RetryAfter);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var later = await client.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Api_OneAddressWithManyColleagues_IsNeverThrottledForSuccessfulUse()
    {
        using var client = Client();
        var colleagues = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            colleagues.Add(await app.Data.CreateUserAsync(Role.PlacingOfficer));
        }
        // Twenty sign-ins a colleague, well past the failure limit, all from the same address.
        var tokens = new List<string>();
        foreach (var colleague in colleagues)
        {
            for (var i = 0; i < 20; i++)
            {
                var response = await client.PostAsJsonAsync("/api/auth/token", new { email = colleague.Email, password = colleague.Password });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                tokens.Add((await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("accessToken").GetString()!);
            }
        }

        // A thousand ordinary API requests in well under a minute.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 1000; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            request.Headers.Authorization = new("Bearer", tokens[i % tokens.Count]);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}

public class SignInBehindProxyTests(BehindProxyApp app) : IClassFixture<BehindProxyApp>
{
    private HttpClient ClientAt(string address)
    {
        var client = new HttpClient { BaseAddress = app.ServerAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    [Fact]
    public async Task BehindATrustedProxy_OneClientsGuessingDoesNotLockOutTheOthers()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var guesser = ClientAt("203.0.113.7");
        using var colleague = ClientAt("198.51.100.20");
        for (var i = 0; i < ThrottledApp.AddressLimit; i++)
        {
            await guesser.PostAsJsonAsync("/api/auth/token", new { email = $"guess{i}@nowhere.example", password = "Guess-Passw0rd1" });
        }

        var blocked = await guesser.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = user.Password });
        var fine = await colleague.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = user.Password });

        await blocked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }
}
