using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

public abstract class AuthTokenApiTests(PlacementBrokerApp app)
{
    [Fact]
    public async Task Token_CorrectPassword_ReturnsBearerTokenThatOpensTheApi()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = user.Password });

        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        var token = body.GetProperty("accessToken").GetString()!;
        var expiresAt = body.GetProperty("expiresAt").GetDateTime();
        Assert.True(expiresAt > app.Clock.GetUtcNow().UtcDateTime);
        using var authorised = app.CreateClient();
        authorised.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = await (await authorised.GetAsync("/api/me")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.Equal("PlacingOfficer", me.GetProperty("role").GetString());
        Assert.Equal(user.LocalAuthorityId.ToString(), me.GetProperty("localAuthorityId").GetString());
    }

    [Fact]
    public async Task Token_WrongPassword_Returns401Problem()
    {
        var user = await app.Data.CreateUserAsync(Role.Commissioner);
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = "Not-the-passw0rd" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_UnknownEmail_Returns401WithoutSayingTheAccountIsMissing()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = "nobody@nowhere.example", password = "Whatever-1" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("not found", problem.GetProperty("detail").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Token_MissingFields_Returns400WithFieldErrors()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { });

        await response.AssertValidationProblemAsync("email", "password");
    }

    [Fact]
    public async Task Token_MalformedJson_Returns400Problem()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/auth/token", new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Token_RepeatedFailures_LocksTheAccountEvenForTheRightPassword()
    {
        var user = await app.Data.CreateUserAsync(Role.QaOfficer);
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = $"Wrong-{i}-Passw0rd" });
        }

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = user.Password });

        await response.AssertProblemAsync(HttpStatusCode.Locked);
        Assert.True(response.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Token_ExpiredToken_IsRefused()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var client = await app.Data.ClientForAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        var response = await client.GetAsync("/api/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_AccountLockedAfterIssue_StopsWorkingAtOnce()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var client = await app.Data.ClientForAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        using var attacker = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await attacker.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = $"Guess-{i}-Passw0rd" });
        }

        var response = await client.GetAsync("/api/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_CarriesRoleAndOrganisationClaims()
    {
        var provider = await app.Data.CreateProviderAsync();

        var token = new JsonWebTokenHandler().ReadJsonWebToken(await app.Data.TokenAsync(provider.User));

        Assert.Equal("ProviderUser", token.Claims.Single(c => c.Type == "role").Value);
        Assert.Equal(provider.Id.ToString(), token.Claims.Single(c => c.Type == "provider").Value);
        Assert.DoesNotContain(token.Claims, c => c.Type == "la");
    }
}

public class AuthTokenApiSqliteTests(SqliteApp app) : AuthTokenApiTests(app), IClassFixture<SqliteApp>;

public class AuthTokenApiServerTests(ServerApp app) : AuthTokenApiTests(app), IClassFixture<ServerApp>;
