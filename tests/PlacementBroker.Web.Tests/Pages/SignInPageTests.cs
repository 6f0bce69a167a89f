using System.Net;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages;

public class SignInPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task SignIn_Page_HasTheLabelledFieldsAndButton()
    {
        using var session = new PageSession(app);

        var html = await session.OpenAsync("/sign-in");

        Assert.Equal("Input_Email", html.ByLabel("Email address").Id);
        Assert.Equal("Input_Password", html.ByLabel("Password").Id);
        Assert.Equal("button", html.ByRole("button", "Sign in").LocalName);
    }

    [Fact]
    public async Task Home_Anonymous_RedirectsToSignIn()
    {
        using var session = new PageSession(app);

        var response = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignIn_CorrectPassword_LandsOnTheRolesHomePage()
    {
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        using var session = await PageSession.SignedInAsync(app, commissioner.Email, commissioner.Password);

        var home = await session.OpenAsync("/");

        Assert.Contains("Your Dynamic Purchasing Systems", home.Text);
        Assert.Contains("Applications overdue", home.Text);
        Assert.Contains(home.AllByRole("button"), button => home.AccessibleName(button).StartsWith("Sign out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsTheErrorSummary()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var session = new PageSession(app);

        var response = await session.PostFormAsync("/sign-in", new() { ["Input.Email"] = officer.Email, ["Input.Password"] = "Wrong-passw0rd" });

        var html = PageDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(html.HasErrorSummary);
        Assert.Contains(("Enter a correct email address and password", "Input_Email"), html.ErrorSummary());
        Assert.StartsWith("Error: Sign in", html.Title);
    }

    [Fact]
    public async Task SignIn_BlankFields_NamesBothFields()
    {
        using var session = new PageSession(app);

        var response = await session.PostFormAsync("/sign-in", new() { ["Input.Email"] = "", ["Input.Password"] = "" });

        var html = PageDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter your email address", html.Text);
        Assert.Contains("Enter your password", html.Text);
    }

    [Fact]
    public async Task SignIn_ExternalReturnUrl_IsIgnored()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var session = new PageSession(app);

        var response = await session.PostFormAsync("/sign-in?ReturnUrl=https://evil.example/",
            new() { ["Input.Email"] = officer.Email, ["Input.Password"] = officer.Password, ["ReturnUrl"] = "https://evil.example/" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var session = await PageSession.SignedInAsync(app, officer.Email, officer.Password);

        var signOut = await session.PostFormAsync("/", new(), action: "/sign-out");
        var home = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/sign-in", home.Headers.Location!.PathAndQuery);
    }
}
