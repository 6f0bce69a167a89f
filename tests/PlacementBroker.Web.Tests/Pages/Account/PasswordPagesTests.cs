using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Pages.Account;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Account;

/// <summary>Forgotten passwords (reset by an emailed one-time code) and changing one's own password.</summary>
public class PasswordPagesTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private const string NewPassword = "Heron-Lantern-Orchard";

    [Fact]
    public async Task Forgot_KnownAndUnknownAddresses_ReadTheSame_AndOnlyTheKnownOneGetsAnEmail()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var nobody = $"{TestData.Unique("nobody")}@test.placementbroker.uk";
        using var session = new PageSession(app);

        var known = await session.PostFormAsync("/account/forgot-password", new() { ["Email"] = officer.Email });
        var unknown = await session.PostFormAsync("/account/forgot-password", new() { ["Email"] = nobody });

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(Sent(await known.PageAsync()).Replace(officer.Email, "X"), Sent(await unknown.PageAsync()).Replace(nobody, "X"));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.Equal(1, await db.OutboxEmails.CountAsync(e => e.To == officer.Email));
        Assert.Equal(0, await db.OutboxEmails.CountAsync(e => e.To == nobody));
    }

    [Fact]
    public async Task Reset_TheEmailedCodeWorksOnce_AndEndsTheOtherSessions()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var otherDevice = await app.Data.ClientForAsync(officer);
        using var otherBrowser = await PageSession.SignedInAsync(app, officer.Email, officer.Password);
        using var session = new PageSession(app);
        await session.PostFormAsync("/account/forgot-password", new() { ["Email"] = officer.Email });
        var code = await SetPasswordPageTests.EmailedCodeAsync(app, officer.Email);
        var link = $"/account/reset-password?code={Uri.EscapeDataString(code)}";

        var done = (await session.PostFormAndOpenAsync(link, new()
        {
            ["Code"] = code, ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        })).Text;

        Assert.Contains("Password changed", done);
        using var signedIn = await PageSession.SignedInAsync(app, officer.Email, NewPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherDevice.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await otherBrowser.GetAsync("/referrals")).StatusCode);
        var replay = await session.OpenAsync(link);
        Assert.Contains(ResetPasswordModel.InvalidLink, replay.Errors());
        var second = await app.UseAsync<AccountLinks, Outcome<User>>(l => l.SetPasswordAsync(code, "Attacker-Chosen-Words", null));
        Assert.False(second.Succeeded);
        using var stillMine = await PageSession.SignedInAsync(app, officer.Email, NewPassword);
    }

    [Fact]
    public async Task Reset_TheSameCodeUsedTwiceAtOnce_OnlyOneWins()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        await app.UseAsync<AccountLinks, bool>(async l =>
        {
            await l.RequestPasswordResetAsync(officer.Email, "https://placementbroker.test/account/reset-password", null);
            return true;
        });
        var code = await SetPasswordPageTests.EmailedCodeAsync(app, officer.Email);

        var results = await Task.WhenAll(
            app.UseAsync<AccountLinks, Outcome<User>>(l => l.SetPasswordAsync(code, "First-Racer-Passphrase", null)),
            app.UseAsync<AccountLinks, Outcome<User>>(l => l.SetPasswordAsync(code, "Second-Racer-Passphrase", null)));

        Assert.Single(results, r => r.Succeeded);
        var winner = results[0].Succeeded ? "First-Racer-Passphrase" : "Second-Racer-Passphrase";
        var loser = results[0].Succeeded ? "Second-Racer-Passphrase" : "First-Racer-Passphrase";
        using var signedIn = await PageSession.SignedInAsync(app, officer.Email, winner);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/token", new { email = officer.Email, password = loser })).StatusCode);
    }

    [Fact]
    public async Task Reset_TheDatabaseHoldsOnlyTheHash_AndTheCodeExpiresAfterAnHour()
    {
        var officer = await app.Data.CreateUserAsync(Role.Commissioner);
        await app.UseAsync<AccountLinks, bool>(async l =>
        {
            await l.RequestPasswordResetAsync(officer.Email, "https://placementbroker.test/account/reset-password", null);
            return true;
        });
        var code = await SetPasswordPageTests.EmailedCodeAsync(app, officer.Email);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var stored = await db.AccountLinkCodes.SingleAsync(c => c.UserId == officer.Id);
            Assert.Equal(AccountLinkPurpose.PasswordReset, stored.Purpose);
            Assert.Equal(AccountLinks.Hash(code), stored.CodeHash);
            Assert.DoesNotContain(code, stored.CodeHash);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<AccountLinks>().FindAsync(stored.CodeHash));
        }

        app.Clock.Advance(AccountLinks.PasswordResetLifetime + TimeSpan.FromSeconds(1));
        var late = await app.UseAsync<AccountLinks, Outcome<User>>(l => l.SetPasswordAsync(code, NewPassword, null));

        Assert.False(late.Succeeded);
        using var oldStillWorks = await PageSession.SignedInAsync(app, officer.Email, officer.Password);
    }

    [Fact]
    public async Task Reset_ADisabledAccountGetsNoEmail_AndItsOutstandingLinkDies()
    {
        var officer = await app.Data.CreateUserAsync(Role.QaOfficer);
        await app.UseAsync<AccountLinks, bool>(async l =>
        {
            await l.RequestPasswordResetAsync(officer.Email, "https://placementbroker.test/account/reset-password", null);
            return true;
        });
        var code = await SetPasswordPageTests.EmailedCodeAsync(app, officer.Email);
        using var admin = await app.Data.AdminClientAsync();
        await (await admin.PostAsync($"/api/users/{officer.Id}/disable", null)).ReadJsonAsync(HttpStatusCode.OK);

        using var session = new PageSession(app);
        await session.PostFormAsync("/account/forgot-password", new() { ["Email"] = officer.Email });
        var used = await app.UseAsync<AccountLinks, Outcome<User>>(l => l.SetPasswordAsync(code, NewPassword, null));

        Assert.False(used.Succeeded);
        using var scope = app.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails.CountAsync(e => e.To == officer.Email));
    }

    [Fact]
    public async Task Forgot_RepeatedRequests_SendAtMostThreeEmailsAnHour()
    {
        var officer = await app.Data.CreateUserAsync(Role.QaOfficer);
        using var session = new PageSession(app);

        for (var i = 0; i < AccountLinks.MaxResetEmailsPerHour + 2; i++)
        {
            await session.PostFormAsync("/account/forgot-password", new() { ["Email"] = officer.Email });
        }

        using var scope = app.Services.CreateScope();
        Assert.Equal(AccountLinks.MaxResetEmailsPerHour, await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails.CountAsync(e => e.To == officer.Email));
    }

    [Fact]
    public async Task Change_WithTheCurrentPassword_KeepsThisSessionAndEndsTheOthers()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var otherDevice = await app.Data.ClientForAsync(provider.User);
        using var session = await app.SignInAsync(provider.User);

        var page = (await session.PostFormAndOpenAsync("/account/change-password", new()
        {
            ["Input.CurrentPassword"] = provider.User.Password, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        })).Text;

        Assert.Contains("Your password has been changed", page);
        await session.GetPageAsync("/provider/organisation");
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherDevice.GetAsync("/api/me")).StatusCode);
        using var signedIn = await PageSession.SignedInAsync(app, provider.User.Email, NewPassword);
    }

    [Fact]
    public async Task Change_WrongCurrentPasswordOrCommonNewOne_ShowsTheErrorsAndChangesNothing()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var session = await PageSession.SignedInAsync(app, officer.Email, officer.Password);

        var wrong = await session.PostFormAsync("/account/change-password", new()
        {
            ["Input.CurrentPassword"] = "Not-My-Password-At-All", ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });
        var common = await session.PostFormAsync("/account/change-password", new()
        {
            ["Input.CurrentPassword"] = officer.Password, ["Input.NewPassword"] = "qwertyuiop123", ["Input.ConfirmPassword"] = "qwertyuiop123",
        });
        var shortOne = await session.PostFormAsync("/account/change-password", new()
        {
            ["Input.CurrentPassword"] = officer.Password, ["Input.NewPassword"] = "Elev3n-Char", ["Input.ConfirmPassword"] = "Elev3n-Char",
        });

        Assert.Contains("Your current password is not right", (await wrong.PageAsync()).Errors());
        Assert.Contains("This password is too common", string.Join(" ", (await common.PageAsync()).Errors()));
        Assert.Contains("12", string.Join(" ", (await shortOne.PageAsync()).Errors()));
        using var unchanged = await PageSession.SignedInAsync(app, officer.Email, officer.Password);
    }

    [Fact]
    public async Task Change_SignedOut_IsSentToSignIn()
    {
        using var session = new PageSession(app);

        var response = await session.GetAsync("/account/change-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery);
    }

    private static string Sent(PageDocument page)
    {
        var text = page.PageText;
        var start = text.IndexOf("Check your email", StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        return text[start..text.IndexOf("Back to sign in", start, StringComparison.Ordinal)];
    }
}

/// <summary>Passwords of 12 or more characters, not on the shipped list of common passwords, wherever they are set.</summary>
public class PasswordPolicyApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("Elev3n-Char")]
    [InlineData("password123456")]
    [InlineData("Password123456!")]
    [InlineData("P@ssw0rd2026!!")]
    [InlineData("qwertyuiop123")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    public async Task CreateUser_ShortOrCommonPassword_Is400OnThePassword(string password)
    {
        var authority = await app.Data.CreateLocalAuthorityAsync();
        using var admin = await app.Data.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email = $"{TestData.Unique("weak")}@test.placementbroker.uk", password, displayName = "Weak", role = "PlacingOfficer", localAuthorityId = authority.Id,
        });

        await response.AssertValidationProblemAsync("password");
    }

    [Fact]
    public async Task CreateUser_TwelveCharactersWithoutSymbolsOrDigits_IsAccepted()
    {
        var authority = await app.Data.CreateLocalAuthorityAsync();
        using var admin = await app.Data.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email = $"{TestData.Unique("long")}@test.placementbroker.uk", password = "heron lantern", displayName = "Long", role = "PlacingOfficer", localAuthorityId = authority.Id,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task RegisterProvider_CommonPassword_Is400OnThePassword()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/providers/register", new
        {
            organisationName = TestData.Unique("Weak") + " Ltd", providerType = "IndependentFosteringAgency", registrationNumber = "01234567",
            contactEmail = "referrals@test.placementbroker.uk",
            user = new { email = $"{TestData.Unique("weak")}@test.placementbroker.uk", password = "iloveyou123456", displayName = "Weak" },
        });

        await response.AssertValidationProblemAsync("user.password");
    }

    [Fact]
    public void CommonPasswordList_IsShippedInTheProduct_AndLeavesTheTestAndDemoPasswordsAlone()
    {
        Assert.True(CommonPasswordValidator.CommonPasswords.Count > 400);
        Assert.Contains("password123456", CommonPasswordValidator.CommonPasswords);
        Assert.False(CommonPasswordValidator.IsCommon(TestData.Password));
        Assert.False(CommonPasswordValidator.IsCommon(PlacementBrokerApp.AdminPassword));
        Assert.False(CommonPasswordValidator.IsCommon(PlacementBroker.Core.Seeding.DemoDataSeeder.DemoPassword));
        Assert.True(CommonPasswordValidator.IsCommon("Welcome2026!!!"));
        Assert.True(CommonPasswordValidator.IsCommon("  LETMEIN123456  "));
    }
}
