using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Provider;

public class OrganisationPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Organisation_ShowsTheDetailsAndTheTeam()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        var text = ProviderPageHelpers.Text(await session.GetPageAsync("/provider/organisation"));

        Assert.Contains($"Name {provider.Name}", text);
        Assert.Contains("Type of provider Independent fostering agency", text);
        Assert.Contains("Companies House or Charity Commission number 01234567", text);
        Assert.Contains("Referrals contact email address referrals@test.placementbroker.uk", text);
        Assert.Contains("Owning group None: independently owned", text);
        Assert.Contains($"Test provider user {provider.User.Email} Administrator", text);
        Assert.Contains("Invite a colleague", text);
    }

    [Fact]
    public async Task Invite_AsTheAdministrator_EmailsTheColleagueAndListsThem()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);
        var email = $"{TestData.Unique("colleague")}@test.placementbroker.uk";

        var page = ProviderPageHelpers.Text(await session.PostFormAndFollowAsync("/provider/organisation/invite",
            new() { ["Input.DisplayName"] = "Priya Shah", ["Input.Email"] = email }));

        Assert.Contains("We have emailed Priya Shah a link to choose a password", page);
        Assert.Contains($"Priya Shah {email} User Not yet", page);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var sent = await db.OutboxEmails.Where(e => e.To == email).Select(e => e.Body).SingleAsync();
        Assert.Contains("/account/set-password?email=", sent);
    }

    [Fact]
    public async Task Invite_BlankForm_ShowsEachProblem()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        var response = await session.PostFormAsync("/provider/organisation/invite", new() { ["Input.DisplayName"] = "", ["Input.Email"] = "not-an-email" });

        var errors = ProviderPageHelpers.ErrorSummary(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter your colleague's full name", errors);
        Assert.Contains("Enter an email address in the correct format, like name@example.com", errors);
    }

    [Fact]
    public async Task Invite_NotTheAdministrator_IsForbidden()
    {
        var provider = await app.Data.CreateProviderAsync();
        var colleague = await app.Data.CreateUserAsync(PlacementBroker.Core.Role.ProviderUser, providerId: provider.Id);
        using var session = await app.SignInAsync(colleague);

        var response = await session.GetAsync("/provider/organisation/invite");
        var organisation = ProviderPageHelpers.Text(await session.GetPageAsync("/provider/organisation"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery);
        Assert.Contains("Your organisation's administrator can invite colleagues.", organisation);
        Assert.DoesNotContain("Invite a colleague", organisation);
    }
}

public class SetPasswordPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task SetPassword_ValidLink_LetsTheColleagueSignIn()
    {
        var provider = await app.Data.CreateProviderAsync();
        var colleague = await app.Data.CreateUserAsync(PlacementBroker.Core.Role.ProviderUser, providerId: provider.Id);
        var token = await ResetTokenAsync(colleague.Email);
        using var session = new PageSession(app);
        var link = $"/account/set-password?email={Uri.EscapeDataString(colleague.Email)}&token={Uri.EscapeDataString(token)}";

        var done = ProviderPageHelpers.Text(await session.PostFormAndFollowAsync(link, new()
        {
            ["Email"] = colleague.Email, ["Token"] = token,
            ["Input.Password"] = "Chosen-Passw0rd!", ["Input.ConfirmPassword"] = "Chosen-Passw0rd!",
        }));

        Assert.Contains("Password created You can now sign in", done);
        using var signedIn = await PageSession.SignedInAsync(app, colleague.Email, "Chosen-Passw0rd!");
        Assert.Contains("Your organisation", await signedIn.GetPageAsync("/"));
    }

    [Fact]
    public async Task SetPassword_BadToken_SaysTheLinkHasExpired()
    {
        var colleague = await app.Data.CreateUserAsync(PlacementBroker.Core.Role.ProviderUser, providerId: (await app.Data.CreateProviderAsync()).Id);
        using var session = new PageSession(app);
        var link = $"/account/set-password?email={Uri.EscapeDataString(colleague.Email)}&token=not-a-real-token";

        var response = await session.PostFormAsync(link, new()
        {
            ["Email"] = colleague.Email, ["Token"] = "not-a-real-token",
            ["Input.Password"] = "Chosen-Passw0rd!", ["Input.ConfirmPassword"] = "Chosen-Passw0rd!",
        });

        var errors = ProviderPageHelpers.ErrorSummary(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This link has expired or has already been used. Ask your organisation's administrator to send you a new invitation.", errors);
        using var stillWorks = await PageSession.SignedInAsync(app, colleague.Email, colleague.Password);
    }

    [Fact]
    public async Task SetPassword_UnknownEmail_ReadsLikeABadLink()
    {
        using var session = new PageSession(app);

        var response = await session.PostFormAsync("/account/set-password?email=nobody%40test.placementbroker.uk&token=abc", new()
        {
            ["Email"] = "nobody@test.placementbroker.uk", ["Token"] = "abc",
            ["Input.Password"] = "Chosen-Passw0rd!", ["Input.ConfirmPassword"] = "Chosen-Passw0rd!",
        });

        Assert.Contains("This link has expired or has already been used. Ask your organisation's administrator to send you a new invitation.",
            ProviderPageHelpers.ErrorSummary(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task SetPassword_PasswordsDifferOrWeak_ShowsTheFieldErrors()
    {
        var colleague = await app.Data.CreateUserAsync(PlacementBroker.Core.Role.ProviderUser, providerId: (await app.Data.CreateProviderAsync()).Id);
        var token = await ResetTokenAsync(colleague.Email);
        using var session = new PageSession(app);
        var link = $"/account/set-password?email={Uri.EscapeDataString(colleague.Email)}&token={Uri.EscapeDataString(token)}";

        var mismatch = await session.PostFormAsync(link, new()
        {
            ["Email"] = colleague.Email, ["Token"] = token, ["Input.Password"] = "Chosen-Passw0rd!", ["Input.ConfirmPassword"] = "Chosen-Passw0rd?",
        });
        var weak = await session.PostFormAsync(link, new()
        {
            ["Email"] = colleague.Email, ["Token"] = token, ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short",
        });

        Assert.Contains("<a href=\"#Input_ConfirmPassword\">The passwords do not match: enter the same password twice</a>", await mismatch.Content.ReadAsStringAsync());
        Assert.Contains("href=\"#Input_Password\"", await weak.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SetPassword_IncompleteLink_SaysSo()
    {
        using var session = new PageSession(app);

        var text = ProviderPageHelpers.Text(await session.GetPageAsync("/account/set-password"));

        Assert.Contains("This link is not complete.", text);
    }

    private async Task<string> ResetTokenAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        return await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!);
    }
}
