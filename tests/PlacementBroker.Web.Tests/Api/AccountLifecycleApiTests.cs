using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>Platform admins disable and enable accounts; a disabled account's token and cookie stop at their next request.</summary>
public class AccountLifecycleApiServerTests(ServerApp app) : IClassFixture<ServerApp>
{
    [Fact]
    public async Task Disable_TheUsersBearerTokenIs401AtOnceAndTheyCannotGetAnother()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var theirs = await app.Data.ClientForAsync(officer);
        await (await theirs.GetAsync("/api/me")).ReadJsonAsync(HttpStatusCode.OK);
        using var admin = await app.Data.AdminClientAsync();

        var disabled = await (await admin.PostAsync($"/api/users/{officer.Id}/disable", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await theirs.GetAsync("/api/me")).StatusCode);
        using var anonymous = app.CreateClient();
        var signIn = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = officer.Email, password = officer.Password });
        var problem = await signIn.AssertProblemAsync(HttpStatusCode.Unauthorized);
        // Exactly what a wrong password gets: nothing says the account exists or is disabled.
        Assert.Equal("The email address or password is not right.", problem.GetProperty("detail").GetString());
        var shown = await (await admin.GetAsync($"/api/users/{officer.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(shown.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Enable_TheUserSignsInAgain_ButTokensFromBeforeStayRefused()
    {
        var provider = await app.Data.CreateProviderAsync();
        var oldToken = await app.Data.TokenAsync(provider.User);
        using var admin = await app.Data.AdminClientAsync();
        await (await admin.PostAsync($"/api/users/{provider.User.Id}/disable", null)).ReadJsonAsync(HttpStatusCode.OK);

        var enabled = await (await admin.PostAsync($"/api/users/{provider.User.Id}/enable", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.False(enabled.GetProperty("disabled").GetBoolean());
        using var old = app.CreateClient();
        old.DefaultRequestHeaders.Authorization = new("Bearer", oldToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/me")).StatusCode);
        using var fresh = await app.Data.ClientForAsync(provider.User);
        await (await fresh.GetAsync("/api/me")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disable_UnknownUserIs404_AndEnableToo()
    {
        using var admin = await app.Data.AdminClientAsync();

        await (await admin.PostAsync($"/api/users/{Guid.NewGuid()}/disable", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/users/{Guid.NewGuid()}/enable", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.PlacementManager)]
    [InlineData(Role.ProviderUser)]
    public async Task Disable_AnyoneButAPlatformAdmin_Is403AndChangesNothing(Role role)
    {
        var victim = await app.Data.CreateUserAsync(Role.QaOfficer);
        using var client = await app.Data.ClientForAsync(role);

        await (await client.PostAsync($"/api/users/{victim.Id}/disable", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsync($"/api/users/{victim.Id}/enable", null)).AssertProblemAsync(HttpStatusCode.Forbidden);

        using var stillWorks = await app.Data.ClientForAsync(victim);
        await (await stillWorks.GetAsync("/api/me")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disable_Anonymous_Is401()
    {
        var victim = await app.Data.CreateUserAsync(Role.QaOfficer);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync($"/api/users/{victim.Id}/disable", null)).StatusCode);
    }

    [Fact]
    public async Task Disable_OneselfIs422()
    {
        using var admin = await app.Data.AdminClientAsync();
        var me = await (await admin.GetAsync("/api/me")).ReadJsonAsync(HttpStatusCode.OK);

        await (await admin.PostAsync($"/api/users/{me.GetProperty("id").GetString()}/disable", null)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        await (await admin.GetAsync("/api/me")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disable_IsAuditedWithTheAdmin_AndEnableToo()
    {
        var officer = await app.Data.CreateUserAsync(Role.Commissioner);
        using var admin = await app.Data.AdminClientAsync();

        await (await admin.PostAsync($"/api/users/{officer.Id}/disable", null)).ReadJsonAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/users/{officer.Id}/enable", null)).ReadJsonAsync(HttpStatusCode.OK);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var events = await db.AuditEvents.Where(e => e.EntityId == officer.Id.ToString()).OrderBy(e => e.Id).Select(e => new { e.Action, e.ActorEmail, e.LocalAuthorityId }).ToListAsync();
        Assert.Contains(events, e => e.Action == AuditActions.UserDisabled && e.ActorEmail == PlacementBrokerApp.AdminEmail && e.LocalAuthorityId == officer.LocalAuthorityId);
        Assert.Contains(events, e => e.Action == AuditActions.UserEnabled && e.ActorEmail == PlacementBrokerApp.AdminEmail);
    }

    [Fact]
    public async Task Disable_TheUsersCookieSessionIsSentToSignIn_AndTheSignInPageSaysNothingMore()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var session = await PageSession.SignedInAsync(app, officer.Email, officer.Password);
        await session.GetPageAsync("/");
        using var admin = await app.Data.AdminClientAsync();

        await (await admin.PostAsync($"/api/users/{officer.Id}/disable", null)).ReadJsonAsync(HttpStatusCode.OK);

        var next = await session.GetAsync("/referrals");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/sign-in", next.Headers.Location!.PathAndQuery);
        using var again = new PageSession(app);
        var refused = await again.PostFormAsync("/sign-in", new() { ["Input.Email"] = officer.Email, ["Input.Password"] = officer.Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(["Enter a correct email address and password"], (await refused.PageAsync()).Errors());
    }

    [Fact]
    public async Task AdminUsersPage_DisableAndEnableButtons_PostWithAntiforgery()
    {
        var officer = await app.Data.CreateUserAsync(Role.QaOfficer);
        using var admin = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);
        using var theirs = await app.Data.ClientForAsync(officer);

        var disabled = (await admin.PostFormAndOpenAsync("/admin/users", new(), $"/admin/users?handler=Disable&id={officer.Id}")).Text;

        Assert.Contains("Test QaOfficer is disabled", disabled);
        Assert.Equal(HttpStatusCode.Unauthorized, (await theirs.GetAsync("/api/me")).StatusCode);
        var enabled = (await admin.PostFormAndOpenAsync("/admin/users", new(), $"/admin/users?handler=Enable&id={officer.Id}")).Text;
        Assert.Contains("Test QaOfficer can sign in again", enabled);
        using var fresh = await app.Data.ClientForAsync(officer);
        await (await fresh.GetAsync("/api/me")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AdminUsersPage_PostWithoutAntiforgeryToken_IsRefused()
    {
        var officer = await app.Data.CreateUserAsync(Role.QaOfficer);
        using var admin = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);

        var response = await admin.PostRawAsync($"/admin/users?handler=Disable&id={officer.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var stillWorks = await app.Data.ClientForAsync(officer);
        await (await stillWorks.GetAsync("/api/me")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AdminUsersPage_DisablingOneself_ShowsAnError()
    {
        using var admin = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);
        using var scope = app.Services.CreateScope();
        var me = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(PlacementBrokerApp.AdminEmail);

        var page = await admin.PostFormAndOpenAsync("/admin/users", new(), $"/admin/users?handler=Disable&id={me!.Id}");

        Assert.Contains("You cannot disable your own account", page.Text);
        await admin.GetPageAsync("/admin/users");
    }
}
