using System.Net;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages;

/// <summary>What the host serves around the product: error pages, headers, the API description, health, the jobs dashboard.</summary>
public class HostPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task UnknownPage_ShowsTheGovukPageNotFound()
    {
        using var session = new PageSession(app);

        var html = await session.OpenAsync("/no-such-page", HttpStatusCode.NotFound);

        Assert.Contains("Page not found", html.Text);
        Assert.NotEmpty(html.All(".govuk-template"));
    }

    [Fact]
    public async Task UnknownApiRoute_Is404ProblemDetails()
    {
        using var client = await app.Data.AdminClientAsync();

        var response = await client.GetAsync("/api/no-such-thing");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        using var session = new PageSession(app);

        var response = await session.GetAsync("/sign-in");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task GovukFrontend_IsServedFromTheBuild()
    {
        using var client = app.CreateClient();

        var css = await client.GetAsync("/lib/govuk-frontend/govuk-frontend.min.css");
        var js = await client.GetAsync("/lib/govuk-frontend/govuk-frontend.min.js");
        var font = await client.GetAsync("/assets/fonts/light-94a07e06a1-v2.woff2");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Contains(font.StatusCode, new[] { HttpStatusCode.OK });
    }

    [Fact]
    public async Task OpenApi_DescribesTheContractRoutes()
    {
        using var client = app.CreateClient();

        var json = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/auth/token\"", json);
        Assert.Contains("\"/api/local-authorities\"", json);
        Assert.Contains("\"/api/users\"", json);
        Assert.Contains("\"/api/providers/register\"", json);
    }

    [Fact]
    public async Task ApiReference_IsBrowsable()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api-docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_LiveAndReady_AreOpenAndHealthy()
    {
        using var client = app.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task JobsDashboard_Anonymous_IsSentToSignIn()
    {
        using var client = app.CreateBrowserlessClient();

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task JobsDashboard_CommissionerCookie_IsForbidden()
    {
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        using var session = await PageSession.SignedInAsync(app, commissioner.Email, commissioner.Password);

        var response = await session.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task JobsDashboard_PlatformAdminCookie_Opens()
    {
        using var session = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);

        var html = await session.OpenAsync("/jobs");

        Assert.Contains("PlacementBroker jobs", html.Text);
    }
}
