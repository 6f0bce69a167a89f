using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>GET /api/providers/{id} and the admin look-ups behind the Location headers of the identity routes.</summary>
public class ProviderProfileApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Provider_OwnProfile_IsReturned()
    {
        var provider = await app.Data.CreateProviderAsync(ProviderType.SupportedAccommodation);
        using var client = await app.Data.ClientForAsync(provider.User);

        var body = await (await client.GetAsync($"/api/providers/{provider.Id}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(provider.Name, body.GetProperty("name").GetString());
        Assert.Equal("SupportedAccommodation", body.GetProperty("providerType").GetString());
    }

    [Fact]
    public async Task Provider_AnotherProvidersProfile_Is404()
    {
        var provider = await app.Data.CreateProviderAsync();
        var other = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);

        var response = await client.GetAsync($"/api/providers/{other.Id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.Commissioner)]
    [InlineData(Role.QaOfficer)]
    [InlineData(Role.PlatformAdmin)]
    public async Task Provider_ProfileSeenByCouncilsAndOperator(Role role)
    {
        var provider = await app.Data.CreateProviderAsync();
        using var client = role == Role.PlatformAdmin ? await app.Data.AdminClientAsync() : await app.Data.ClientForAsync(role);

        var response = await client.GetAsync($"/api/providers/{provider.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Provider_WithoutToken_Is401()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var client = app.CreateClient();

        await (await client.GetAsync($"/api/providers/{provider.Id}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreatedLocalAuthority_LocationHeader_LeadsToIt()
    {
        using var admin = await app.Data.AdminClientAsync();
        var code = TestData.Unique("L").ToUpperInvariant()[..9];

        var created = await admin.PostAsJsonAsync("/api/local-authorities", new { name = $"{code} Council", code });
        var body = await (await admin.GetAsync(created.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(code, body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task LocalAuthorities_List_IsForPlatformAdminsOnly()
    {
        using var officer = await app.Data.ClientForAsync(Role.PlacingOfficer);

        await (await officer.GetAsync("/api/local-authorities")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreatedUser_LocationHeader_LeadsToIt()
    {
        var authority = await app.Data.CreateLocalAuthorityAsync();
        using var admin = await app.Data.AdminClientAsync();
        var email = $"{TestData.Unique("loc")}@test.placementbroker.uk";

        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            email, password = "Located-Passw0rd!", displayName = "Located", role = "QaOfficer", localAuthorityId = authority.Id,
        });
        var body = await (await admin.GetAsync(created.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.Equal("QaOfficer", body.GetProperty("role").GetString());
        Assert.Equal(authority.Name, body.GetProperty("organisation").GetString());
    }

    [Fact]
    public async Task User_UnknownId_Is404()
    {
        using var admin = await app.Data.AdminClientAsync();

        await (await admin.GetAsync($"/api/users/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
