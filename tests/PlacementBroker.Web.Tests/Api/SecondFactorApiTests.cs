using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>The token endpoint with one-time codes: required for accounts with a second factor and for platform admins.</summary>
public abstract class SecondFactorApiTests(PlacementBrokerApp app)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private async Task<HttpResponseMessage> TokenAsync(TestUser user, string? code, string? password = null)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = password ?? user.Password, code });
    }

    [Fact]
    public async Task Token_CurrentCode_ReturnsToken()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var (codes, _) = await app.Data.EnrolSecondFactorAsync(user);

        var response = await TokenAsync(user, codes.Next(app.Clock.GetUtcNow()));

        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task Token_RightPasswordWithoutCode_Returns401AskingForTheCode()
    {
        var user = await app.Data.CreateUserAsync(Role.Commissioner);
        await app.Data.EnrolSecondFactorAsync(user);

        var response = await TokenAsync(user, code: null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("code", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_ReplayedCode_Returns401()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var (codes, _) = await app.Data.EnrolSecondFactorAsync(user);
        var code = codes.Next(app.Clock.GetUtcNow());
        await (await TokenAsync(user, code)).ReadJsonAsync(HttpStatusCode.OK);

        var replay = await TokenAsync(user, code);

        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_CodeFromAnEarlierStepThanTheLastAccepted_Returns401()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var (codes, _) = await app.Data.EnrolSecondFactorAsync(user);
        var now = OneTimeCodes.StepOf(app.Clock.GetUtcNow());
        await (await TokenAsync(user, OneTimeCodes.CodeForStep(codes.Secret, now + 1))).ReadJsonAsync(HttpStatusCode.OK);

        // Still inside the window, but older than a code already used.
        var older = await TokenAsync(user, OneTimeCodes.CodeForStep(codes.Secret, now));

        await older.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_CodeOlderThanTheTolerance_Returns401()
    {
        var user = await app.Data.CreateUserAsync(Role.QaOfficer);
        var (codes, _) = await app.Data.EnrolSecondFactorAsync(user);
        var stale = OneTimeCodes.CodeAt(codes.Secret, app.Clock.GetUtcNow());
        app.Clock.Advance(Step * 2);

        var response = await TokenAsync(user, stale);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        // The code of the moment still works: the refusal was the age, not the account.
        await (await TokenAsync(user, codes.Next(app.Clock.GetUtcNow()))).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_AnotherUsersCode_Returns401()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var other = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        await app.Data.EnrolSecondFactorAsync(user);
        var (otherCodes, _) = await app.Data.EnrolSecondFactorAsync(other);

        var response = await TokenAsync(user, otherCodes.Next(app.Clock.GetUtcNow()));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_GuessingCodes_LocksTheAccountEvenForTheRightCode()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var (codes, _) = await app.Data.EnrolSecondFactorAsync(user);
        var right = codes.Next(app.Clock.GetUtcNow())!;
        for (var i = 0; i < 5; i++)
        {
            var guess = ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 1 + i) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            await (await TokenAsync(user, guess)).AssertProblemAsync(i < 4 ? HttpStatusCode.Unauthorized : HttpStatusCode.Locked);
        }

        var response = await TokenAsync(user, right);

        await response.AssertProblemAsync(HttpStatusCode.Locked);
    }

    [Fact]
    public async Task Token_RecoveryCode_WorksOnce()
    {
        var user = await app.Data.CreateUserAsync(Role.Commissioner);
        var (_, recovery) = await app.Data.EnrolSecondFactorAsync(user);
        Assert.Equal(10, recovery.Count);
        Assert.Equal(10, recovery.Distinct().Count());

        await (await TokenAsync(user, recovery[3])).ReadJsonAsync(HttpStatusCode.OK);
        var again = await TokenAsync(user, recovery[3]);

        await again.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_SameCodeTwiceAtOnce_IssuesOneToken()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var (codes, _) = await app.Data.EnrolSecondFactorAsync(user);
        var code = codes.Next(app.Clock.GetUtcNow());

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TokenAsync(user, code)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task Token_PlatformAdminWithoutCode_Returns401()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = PlacementBrokerApp.AdminEmail, password = PlacementBrokerApp.AdminPassword });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_PlatformAdminWithoutSecondFactor_Returns401TellingThemToEnrol()
    {
        var admin = await app.Data.CreateUserAsync(Role.PlatformAdmin);

        var response = await TokenAsync(admin, code: "123456");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("set up an authenticator app", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_PlatformAdminWithConfiguredSecret_SignsInWithItsCode()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token",
            new { email = PlacementBrokerApp.AdminEmail, password = PlacementBrokerApp.AdminPassword, code = app.NextAdminCode() });

        await response.ReadJsonAsync(HttpStatusCode.OK);
    }
}

public class SecondFactorApiSqliteTests(SqliteApp app) : SecondFactorApiTests(app), IClassFixture<SqliteApp>;

public class SecondFactorApiServerTests(ServerApp app) : SecondFactorApiTests(app), IClassFixture<ServerApp>;
