using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>POST /api/providers/register: open to anyone; the organisation is unverified until its address is confirmed; vetting happens on admission to a lot.</summary>
public abstract class ProviderRegistrationApiTests(PlacementBrokerApp app)
{
    private static object Registration(string email, string? providerType = "ResidentialChildrensHome") => new
    {
        organisationName = "Brightwater Homes Ltd",
        providerType,
        registrationNumber = "09876543",
        contactEmail = "referrals@brightwater.example",
        user = new { email, password = "Provider-Passw0rd!", displayName = "Alex Referrals" },
    };

    [Fact]
    public async Task Register_Anonymous_Returns201AndTheUserCanSignInAtOnce()
    {
        using var anonymous = app.CreateClient();
        var email = $"{TestData.Unique("brightwater")}@test.placementbroker.uk";

        var response = await anonymous.PostAsJsonAsync("/api/providers/register", Registration(email));

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        var providerId = body.GetProperty("providerId").GetString();
        Assert.True(Guid.TryParse(body.GetProperty("userId").GetString(), out _));
        using var provider = app.CreateClient();
        provider.DefaultRequestHeaders.Authorization = new("Bearer", await app.Data.TokenAsync(email, "Provider-Passw0rd!"));
        var me = await (await provider.GetAsync("/api/me")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ProviderUser", me.GetProperty("role").GetString());
        Assert.Equal(providerId, me.GetProperty("providerId").GetString());
    }

    [Fact]
    public async Task Register_EmailTaken_Returns201AsForANewAddressAndWritesNoSecondProvider()
    {
        var existing = await app.Data.CreateProviderAsync();
        using var anonymous = app.CreateClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var before = await db.Providers.CountAsync();

        var response = await anonymous.PostAsJsonAsync("/api/providers/register", Registration(existing.User.Email));

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.True(Guid.TryParse(body.GetProperty("providerId").GetString(), out _));
        Assert.Equal(before, await db.Providers.CountAsync());
    }

    [Fact]
    public async Task Register_NonsenseInput_Returns400NamingEachField()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/providers/register", new
        {
            organisationName = "",
            registrationNumber = "ABC",
            contactEmail = "nope",
            user = new { email = "also nope", password = "weak", displayName = "" },
        });

        await response.AssertValidationProblemAsync(
            "organisationName", "providerType", "registrationNumber", "contactEmail", "user.email", "user.password", "user.displayName");
    }

    [Fact]
    public async Task Register_UnknownProviderType_Returns400NamingTheField()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/providers/register",
            Registration($"{TestData.Unique("odd")}@test.placementbroker.uk", providerType: "Orphanage"));

        await response.AssertValidationProblemAsync("providerType");
    }

    [Fact]
    public async Task Register_WithoutUser_Returns400()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/providers/register", new
        {
            organisationName = "No User Ltd", providerType = "SupportedAccommodation", registrationNumber = "01234567", contactEmail = "a@b.example",
        });

        await response.AssertValidationProblemAsync("user");
    }
}

public class ProviderRegistrationApiSqliteTests(SqliteApp app) : ProviderRegistrationApiTests(app), IClassFixture<SqliteApp>;

public class ProviderRegistrationApiServerTests(ServerApp app) : ProviderRegistrationApiTests(app), IClassFixture<ServerApp>;
