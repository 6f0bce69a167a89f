using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>A provider's administrator invites colleagues, who choose their own password from the emailed link.</summary>
public class ProviderTeamApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Invite_OrganisationAdmin_EmailsALinkThatSetsThePassword()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);
        var email = $"{TestData.Unique("colleague")}@test.placementbroker.uk";

        var created = await (await client.PostAsJsonAsync("/api/provider/users", new { email, displayName = "Casey Colleague" })).ReadJsonAsync(HttpStatusCode.Created);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var invitation = await db.OutboxEmails.SingleAsync(e => e.To == email);
        var link = new Uri(invitation.Body[invitation.Body.IndexOf("http", StringComparison.Ordinal)..].Trim());
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var colleague = await users.FindByEmailAsync(email);
        Assert.Equal(created.GetProperty("id").GetString(), colleague!.Id.ToString());
        Assert.Equal("/account/set-password", link.AbsolutePath);
        Assert.True((await scope.ServiceProvider.GetRequiredService<AccountLinks>().SetPasswordAsync(query["code"], "Casey-Passw0rd!", null)).Succeeded);
        using var casey = app.CreateClient();
        casey.DefaultRequestHeaders.Authorization = new("Bearer", await app.Data.TokenAsync(email, "Casey-Passw0rd!"));
        var me = await (await casey.GetAsync("/api/me")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(provider.Id.ToString(), me.GetProperty("providerId").GetString());
        var team = await (await client.GetAsync("/api/provider/users")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, team.GetArrayLength());
    }

    [Fact]
    public async Task Invite_ColleagueWhoIsNotTheAdmin_Is403()
    {
        var provider = await app.Data.CreateProviderAsync();
        var colleague = await app.Data.CreateUserAsync(Role.ProviderUser, providerId: provider.Id);
        using var client = await app.Data.ClientForAsync(colleague);

        await (await client.PostAsJsonAsync("/api/provider/users", new { email = "x@test.placementbroker.uk", displayName = "X" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Invite_NonsenseIs400AndTakenEmailIs409()
    {
        var provider = await app.Data.CreateProviderAsync();
        var someone = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var client = await app.Data.ClientForAsync(provider.User);

        await (await client.PostAsJsonAsync("/api/provider/users", new { email = "nope", displayName = "" })).AssertValidationProblemAsync("email", "displayName");
        await (await client.PostAsJsonAsync("/api/provider/users", new { email = someone.Email, displayName = "Someone" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Invite_NotAProvider_Is403()
    {
        using var client = await app.Data.ClientForAsync(Role.Commissioner);

        await (await client.PostAsJsonAsync("/api/provider/users", new { email = "x@test.placementbroker.uk", displayName = "X" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
