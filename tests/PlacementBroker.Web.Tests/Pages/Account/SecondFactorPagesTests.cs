using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Account;

/// <summary>Turning on a second factor on the pages, signing in with it, and platform admins who must have one.</summary>
public class SecondFactorPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Path = "/account/two-factor";
    private static readonly HtmlParser Parser = new();

    private static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    private static string? ErrorSummary(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent;

    /// <summary>Reads the key from the page as a person would type it into their app, and confirms with its code.</summary>
    private async Task<(OneTimeCodes Codes, IHtmlDocument Page)> EnrolAsync(PageSession session)
    {
        var page = Parse(await session.GetPageAsync(Path));
        var secret = page.QuerySelector("[data-testid=totp-secret]")!.TextContent.Trim();
        var codes = new OneTimeCodes(secret);
        var protectedSecret = page.QuerySelector("input[name=ProtectedSecret]")!.GetAttribute("value")!;
        var response = await session.PostFormAsync(Path, new() { ["ProtectedSecret"] = protectedSecret, ["Code"] = codes.Next(app.Clock.GetUtcNow())! }, Path + "?handler=Enable");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (codes, Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Enrol_ThroughThePage_ShowsRecoveryCodesOnceAndSignInThenAsksForTheCode()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var session = await PageSession.SignedInAsync(app, user.Email, user.Password);
        var offer = Parse(await session.GetPageAsync(Path));
        var secret = offer.QuerySelector("[data-testid=totp-secret]")!.TextContent.Trim();
        Assert.Contains($"secret={secret}", offer.QuerySelector("[data-testid=otpauth-uri]")!.GetAttribute("href"));

        var (codes, enrolled) = await EnrolAsync(session);

        Assert.Equal(10, enrolled.QuerySelectorAll("[data-testid=recovery-codes] li").Length);
        var later = Parse(await session.GetPageAsync(Path));
        Assert.Empty(later.QuerySelectorAll("[data-testid=recovery-codes] li"));
        Assert.Contains("10 recovery codes left", later.QuerySelector("[data-testid=second-factor-status]")!.TextContent);

        using var next = new PageSession(app);
        var password = await next.PostFormAsync("/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.StartsWith("/sign-in/code", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/placements")).StatusCode);
        var wrong = await next.PostFormAsync("/sign-in/code", new() { ["Code"] = "000000" });
        Assert.Contains("Enter the current code", ErrorSummary(Parse(await wrong.Content.ReadAsStringAsync())));
        var right = await next.PostFormAsync("/sign-in/code", new() { ["Code"] = codes.Next(app.Clock.GetUtcNow())! });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Enrol_WrongCode_ShowsTheErrorAndLeavesTheSecondFactorOff()
    {
        var user = await app.Data.CreateUserAsync(Role.Commissioner);
        using var session = await PageSession.SignedInAsync(app, user.Email, user.Password);
        var page = Parse(await session.GetPageAsync(Path));
        var protectedSecret = page.QuerySelector("input[name=ProtectedSecret]")!.GetAttribute("value")!;

        var response = await session.PostFormAsync(Path, new() { ["ProtectedSecret"] = protectedSecret, ["Code"] = "123456" }, Path + "?handler=Enable");

        Assert.Contains("The code is not right", ErrorSummary(Parse(await response.Content.ReadAsStringAsync())));
        using var next = await PageSession.SignedInAsync(app, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task CodePage_WithoutThePasswordStep_SendsToSignIn()
    {
        using var session = new PageSession(app);

        var response = await session.GetAsync("/sign-in/code");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("/code", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CodePage_GuessingCodes_LocksTheAccount()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        await app.Data.EnrolSecondFactorAsync(user);
        using var session = new PageSession(app);
        await session.PostFormAsync("/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        for (var i = 0; i < 4; i++)
        {
            await session.PostFormAsync("/sign-in/code", new() { ["Code"] = $"00000{i}" });
        }

        var fifth = await session.PostFormAsync("/sign-in/code", new() { ["Code"] = "000009" });

        Assert.Contains("Your account is locked", ErrorSummary(Parse(await fifth.Content.ReadAsStringAsync())));
        using var again = new PageSession(app);
        var password = await again.PostFormAsync("/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Contains("Your account is locked", ErrorSummary(Parse(await password.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce()
    {
        var user = await app.Data.CreateUserAsync(Role.QaOfficer);
        var (_, recovery) = await app.Data.EnrolSecondFactorAsync(user);

        using var first = await PageSession.SignedInAsync(app, user.Email, user.Password, () => recovery[0]);
        using var second = new PageSession(app);
        await second.PostFormAsync("/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        var reused = await second.PostFormAsync("/sign-in/code", new() { ["Code"] = recovery[0] });

        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.NotNull(ErrorSummary(Parse(await reused.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task TurnOff_NeedsACurrentCode()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var (codes, _) = await app.Data.EnrolSecondFactorAsync(user);
        using var session = await PageSession.SignedInAsync(app, user.Email, user.Password, () => codes.Next(app.Clock.GetUtcNow())!);

        var wrong = await session.PostFormAsync(Path, new() { ["Code"] = "999999" }, Path + "?handler=Disable");
        Assert.Contains("The code is not right", ErrorSummary(Parse(await wrong.Content.ReadAsStringAsync())));
        var right = await session.PostFormAsync(Path, new() { ["Code"] = codes.Next(app.Clock.GetUtcNow())! }, Path + "?handler=Disable");

        Assert.Contains("Your second factor is turned off", (await right.PageAsync()).Text);
        using var next = await PageSession.SignedInAsync(app, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task PlatformAdminWithoutSecondFactor_IsSentToEnrolFromEveryPage_ThenWorks()
    {
        var admin = await app.Data.CreateUserAsync(Role.PlatformAdmin);
        using var session = new PageSession(app);

        var signIn = await session.PostFormAsync("/sign-in", new() { ["Input.Email"] = admin.Email, ["Input.Password"] = admin.Password });
        Assert.Equal(Path, signIn.Headers.Location!.OriginalString);
        var users = await session.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.Equal(Path, users.Headers.Location!.OriginalString);

        var (_, enrolled) = await EnrolAsync(session);

        Assert.Equal(10, enrolled.QuerySelectorAll("[data-testid=recovery-codes] li").Length);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task PlatformAdmin_CannotTurnTheSecondFactorOff()
    {
        using var session = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);
        var page = Parse(await session.GetPageAsync(Path));
        Assert.Null(page.QuerySelector("form[action*=Disable]"));

        await session.PostFormAsync(Path, new() { ["Code"] = app.NextAdminCode() }, Path + "?handler=Disable");

        var after = Parse(await session.GetPageAsync(Path));
        Assert.NotNull(after.QuerySelector("[data-testid=second-factor-status]"));
        Assert.Null(after.QuerySelector("[data-testid=totp-secret]"));
    }
}
