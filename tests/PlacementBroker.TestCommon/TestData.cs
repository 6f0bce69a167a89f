using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Identity;

namespace PlacementBroker.TestCommon;

public sealed record TestUser(Guid Id, string Email, string Password, Role Role, Guid? LocalAuthorityId, Guid? ProviderId);

public sealed record TestProvider(Guid Id, string Name, TestUser User);

/// <summary>Creates what a test needs through the product's own services, each time with fresh names.</summary>
public class TestData(PlacementBrokerApp app)
{
    public const string Password = "Test-Passw0rd!";

    private static Actor AdminActor => new(Guid.Empty, PlacementBrokerApp.AdminEmail, Role.PlatformAdmin, null, null);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public async Task<LocalAuthority> CreateLocalAuthorityAsync(string? name = null)
    {
        using var scope = app.Services.CreateScope();
        var code = Unique("LA").ToUpperInvariant()[..12];
        var outcome = await scope.ServiceProvider.GetRequiredService<IdentityAdministration>()
            .CreateLocalAuthorityAsync(AdminActor, new CreateLocalAuthorityRequest(name ?? $"{code} Council", code));
        return outcome.Value ?? throw new InvalidOperationException(outcome.Message);
    }

    public async Task<TestUser> CreateUserAsync(Role role, Guid? localAuthorityId = null, Guid? providerId = null)
    {
        if (IdentityAdministration.AuthorityRoles.Contains(role) && localAuthorityId is null)
        {
            localAuthorityId = (await CreateLocalAuthorityAsync()).Id;
        }
        if (role == Role.ProviderUser && providerId is null)
        {
            return (await CreateProviderAsync()).User;
        }
        using var scope = app.Services.CreateScope();
        var email = $"{Unique(role.ToString().ToLowerInvariant())}@test.placementbroker.uk";
        var outcome = await scope.ServiceProvider.GetRequiredService<IdentityAdministration>().CreateUserAsync(AdminActor,
            new CreateUserRequest(email, Password, $"Test {role}", role, localAuthorityId, providerId));
        var user = outcome.Value ?? throw new InvalidOperationException(outcome.Message);
        return new TestUser(user.Id, email, Password, role, localAuthorityId, providerId);
    }

    public async Task<TestProvider> CreateProviderAsync(ProviderType type = ProviderType.IndependentFosteringAgency)
    {
        using var scope = app.Services.CreateScope();
        var name = Unique("Provider") + " Ltd";
        var email = $"{Unique("provider")}@test.placementbroker.uk";
        var outcome = await scope.ServiceProvider.GetRequiredService<IdentityAdministration>().RegisterProviderAsync(
            new RegisterProviderRequest(name, type, "01234567", "referrals@test.placementbroker.uk", new NewProviderUser(email, Password, "Test provider user")),
            "127.0.0.1");
        var registered = outcome.Value ?? throw new InvalidOperationException(outcome.Message);
        return new TestProvider(registered.ProviderId, name,
            new TestUser(registered.UserId, email, Password, Role.ProviderUser, null, registered.ProviderId));
    }

    public Task<string> TokenAsync(TestUser user) => TokenAsync(user.Email, user.Password);

    public async Task<string> TokenAsync(string email, string password)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    /// <summary>An API client signed in as the user with a bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(TestUser user) => WithToken(await TokenAsync(user));

    public async Task<HttpClient> AdminClientAsync() => WithToken(await TokenAsync(PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword));

    public async Task<HttpClient> ClientForAsync(Role role) => await ClientForAsync(await CreateUserAsync(role));

    private HttpClient WithToken(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenBody(string AccessToken, DateTime ExpiresAt);
}
