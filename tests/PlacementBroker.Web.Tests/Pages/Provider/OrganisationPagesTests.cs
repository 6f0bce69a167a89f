using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Pages.Account;

namespace PlacementBroker.Web.Tests.Pages.Provider;

public class OrganisationPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Organisation_ShowsTheDetailsAndTheTeam()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        var text = await session.OpenAsync("/provider/organisation");

        Assert.Contains($"Name {provider.Name}", text.Text);
        Assert.Contains("Type of provider Residential children's home", text.Text);
        Assert.Contains("Companies House or Charity Commission number 01234567", text.Text);
        Assert.Contains("Referrals contact email address referrals@test.placementbroker.uk", text.Text);
        Assert.Contains("Owning group None: independently owned", text.Text);
        Assert.Contains($"Test provider user {provider.User.Email} Administrator", text.Text);
        Assert.Contains("Invite a colleague", text.Text);
    }

    [Fact]
    public async Task Invite_AsTheAdministrator_EmailsTheColleagueAndListsThem()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);
        var email = $"{TestData.Unique("colleague")}@test.placementbroker.uk";

        var page = await session.PostFormAndOpenAsync("/provider/organisation/invite",
            new() { ["Input.DisplayName"] = "Priya Shah", ["Input.Email"] = email });

        Assert.Contains("We have emailed Priya Shah a link to choose a password", page.Text);
        Assert.Contains($"Priya Shah {email} User Not yet", page.Text);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var sent = await db.OutboxEmails.Where(e => e.To == email).Select(e => e.Body).SingleAsync();
        Assert.Contains("/account/set-password?code=", sent);
        Assert.DoesNotContain(email, sent[sent.IndexOf("http", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Invite_AddressAlreadyInUse_IsShownAtTheEmailAndNothingIsSent()
    {
        var provider = await app.Data.CreateProviderAsync();
        var other = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var emailsBefore = await db.OutboxEmails.CountAsync(e => e.To == other.User.Email);

        var response = await session.PostFormAsync("/provider/organisation/invite",
            new() { ["Input.DisplayName"] = "Someone Else", ["Input.Email"] = other.User.Email });

        var page = await response.PageAsync();
        Assert.Equal([("An account with that email address already exists.", "Input_Email")], page.ErrorSummary());
        Assert.NotNull(page.FieldError("Input_Email"));
        Assert.Equal(emailsBefore, await db.OutboxEmails.CountAsync(e => e.To == other.User.Email));
    }

    [Fact]
    public async Task Invite_BlankForm_ShowsEachProblem()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        var response = await session.PostFormAsync("/provider/organisation/invite", new() { ["Input.DisplayName"] = "", ["Input.Email"] = "not-an-email" });

        var errors = (await response.PageAsync()).Errors();
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
        var organisation = await session.OpenAsync("/provider/organisation");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery);
        Assert.Contains("Your organisation's administrator can invite colleagues.", organisation.Text);
        Assert.DoesNotContain("Invite a colleague", organisation.PageText);
    }
}

public class SetPasswordPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task SetPassword_ValidLink_LetsTheColleagueSignIn()
    {
        var (email, code) = await InviteAsync();
        using var session = new PageSession(app);
        var link = $"/account/set-password?code={Uri.EscapeDataString(code)}";
        Assert.Contains($"You will sign in to PlacementBroker as {email}", (await session.OpenAsync(link)).Text);

        var done = (await session.PostFormAndOpenAsync(link, new()
        {
            ["Code"] = code, ["Input.Password"] = "Chosen-Passw0rd!", ["Input.ConfirmPassword"] = "Chosen-Passw0rd!",
        })).Text;

        Assert.Contains("Password created You can now sign in", done);
        using var signedIn = await PageSession.SignedInAsync(app, email, "Chosen-Passw0rd!");
        Assert.Contains("Your organisation", (await signedIn.OpenAsync("/")).Text);
    }

    [Fact]
    public async Task SetPassword_LinkUsedTwice_SecondTimeSaysTheLinkHasExpired()
    {
        var (email, code) = await InviteAsync();
        using var session = new PageSession(app);
        var link = $"/account/set-password?code={Uri.EscapeDataString(code)}";
        await session.PostFormAndFollowAsync(link, new()
        {
            ["Code"] = code, ["Input.Password"] = "Chosen-Passw0rd!", ["Input.ConfirmPassword"] = "Chosen-Passw0rd!",
        });

        var again = await session.OpenAsync(link);
        var replay = await app.UseAsync<AccountLinks, PlacementBroker.Core.Outcome<User>>(l => l.SetPasswordAsync(code, "Hijacked-Passw0rd!", null));

        Assert.Contains(SetPasswordModel.InvalidLink, again.Errors());
        Assert.DoesNotContain("Create password", $"{again.Title} {again.PageText}".Replace("Create a password", ""));
        Assert.False(replay.Succeeded);
        using var stillTheirs = await PageSession.SignedInAsync(app, email, "Chosen-Passw0rd!");
    }

    [Fact]
    public async Task SetPassword_BadCode_SaysTheLinkHasExpired()
    {
        using var session = new PageSession(app);

        var page = await session.OpenAsync("/account/set-password?code=not-a-real-code");

        Assert.Contains(SetPasswordModel.InvalidLink, page.Errors());
        Assert.Empty(page.All("input[type=password], [name='Input.Password'], [data-valmsg-for='Input.Password']"));
    }

    [Fact]
    public async Task SetPassword_AfterADay_TheLinkHasExpired()
    {
        var (email, code) = await InviteAsync();
        // The clock only moves forward; every other test in this class is indifferent to the day.
        app.Clock.Advance(AccountLinks.InvitationLifetime + TimeSpan.FromMinutes(1));

        var outcome = await app.UseAsync<AccountLinks, PlacementBroker.Core.Outcome<User>>(l => l.SetPasswordAsync(code, "Chosen-Passw0rd!", null));
        using var session = new PageSession(app);
        var page = await session.OpenAsync($"/account/set-password?code={Uri.EscapeDataString(code)}");

        Assert.False(outcome.Succeeded);
        Assert.Contains(SetPasswordModel.InvalidLink, page.Errors());
    }

    [Fact]
    public async Task SetPassword_TheDatabaseHoldsOnlyTheCodesHash()
    {
        var (email, code) = await InviteAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);

        var stored = await db.AccountLinkCodes.SingleAsync(c => c.UserId == user.Id);

        Assert.Equal(AccountLinkPurpose.Invitation, stored.Purpose);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code))), stored.CodeHash);
        Assert.NotEqual(code, stored.CodeHash);
        // The stored hash is no working code: using it as one fails.
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AccountLinks>().FindAsync(stored.CodeHash));
        Assert.DoesNotContain(await db.AuditEvents.Select(a => a.Detail).ToListAsync(), d => d != null && d.Contains(code));
    }

    [Fact]
    public async Task SetPassword_PasswordsDifferWeakOrCommon_ShowsTheFieldErrorsAndKeepsTheLink()
    {
        var (email, code) = await InviteAsync();
        using var session = new PageSession(app);
        var link = $"/account/set-password?code={Uri.EscapeDataString(code)}";

        var mismatch = await session.PostFormAsync(link, new()
        {
            ["Code"] = code, ["Input.Password"] = "Chosen-Passw0rd!", ["Input.ConfirmPassword"] = "Chosen-Passw0rd?",
        });
        var weak = await session.PostFormAsync(link, new()
        {
            ["Code"] = code, ["Input.Password"] = "Short-Pass!", ["Input.ConfirmPassword"] = "Short-Pass!",
        });
        var common = await session.PostFormAsync(link, new()
        {
            ["Code"] = code, ["Input.Password"] = "Password123456!", ["Input.ConfirmPassword"] = "Password123456!",
        });

        Assert.Contains(("The passwords do not match: enter the same password twice", "Input_ConfirmPassword"), (await mismatch.PageAsync()).ErrorSummary());
        Assert.Contains("Input_Password", (await weak.PageAsync()).ErrorFields());
        Assert.Contains("This password is too common", string.Join(" ", (await common.PageAsync()).Errors()));
        // None of those spent the code.
        await session.PostFormAndFollowAsync(link, new()
        {
            ["Code"] = code, ["Input.Password"] = "Chosen-Passw0rd!", ["Input.ConfirmPassword"] = "Chosen-Passw0rd!",
        });
        using var signedIn = await PageSession.SignedInAsync(app, email, "Chosen-Passw0rd!");
    }

    [Fact]
    public async Task SetPassword_IncompleteLink_SaysSo()
    {
        using var session = new PageSession(app);

        var text = await session.OpenAsync("/account/set-password");

        Assert.Contains("This link is not complete.", text.Text);
    }

    /// <summary>A provider's administrator invites a colleague; returns the colleague's email and the code from the emailed link.</summary>
    private async Task<(string Email, string Code)> InviteAsync()
    {
        var provider = await app.Data.CreateProviderAsync();
        var email = $"{TestData.Unique("colleague")}@test.placementbroker.uk";
        using var scope = app.Services.CreateScope();
        var invited = await scope.ServiceProvider.GetRequiredService<PlacementBroker.Core.Providers.ProviderTeamService>()
            .InviteAsync(TestData.ActorFor(provider.User), new PlacementBroker.Core.Providers.InviteColleagueRequest(email, "Casey Colleague"),
                "https://placementbroker.test/account/set-password");
        Assert.True(invited.Succeeded, invited.Message);
        return (email, await EmailedCodeAsync(app, email));
    }

    /// <summary>The code in the link of the last email sent to the address, read from the outbox as the person would.</summary>
    public static async Task<string> EmailedCodeAsync(PlacementBrokerApp app, string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var body = (await db.OutboxEmails.Where(e => e.To == email).ToListAsync()).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Last().Body;
        var match = System.Text.RegularExpressions.Regex.Match(body, @"\?code=([A-Za-z0-9_\-%]+)");
        Assert.True(match.Success, body);
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }
}
