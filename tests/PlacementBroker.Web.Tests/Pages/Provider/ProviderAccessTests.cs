using System.Net;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Provider;

public class ProviderAccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static TheoryData<string> ProviderPages =>
    [
        "/provider/dps",
        "/provider/applications",
        "/provider/memberships",
        "/provider/organisation",
        "/provider/organisation/invite",
        "/provider/settings",
        "/provider/settings/new",
        "/provider/vacancies",
        "/provider/vacancies/new",
    ];

    [Theory]
    [MemberData(nameof(ProviderPages))]
    public async Task ProviderPages_OtherRoles_SeeTheNoAccessPage(string path)
    {
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        using var session = await app.SignInAsync(commissioner);

        var response = await session.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery);
        var page = await session.OpenAsync(response.Headers.Location.PathAndQuery, HttpStatusCode.Forbidden);
        Assert.Contains("You do not have access to this page", page.Text);
    }

    [Theory]
    [MemberData(nameof(ProviderPages))]
    public async Task ProviderPages_ProviderUser_SeeThePageWithOneHeading(string path)
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        var html = await session.OpenAsync(path);

        Assert.Single(html.All("h1"));
        Assert.DoesNotContain(html.All("script"), s => !s.HasAttribute("src"));
        Assert.Empty(html.All("[style]"));
    }

    [Fact]
    public async Task ProviderPages_SignedOut_GoToSignIn()
    {
        using var session = new PageSession(app);

        var response = await session.GetAsync("/provider/vacancies");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Navigation_ProviderUser_ShowsTheProviderAreas()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        var html = await session.OpenAsync("/provider/settings");

        foreach (var (text, href) in new[]
        {
            ("Home", "/"), ("DPS and lots", "/provider/dps"), ("Applications", "/provider/applications"),
            ("Settings", "/provider/settings"), ("Vacancies", "/provider/vacancies"), ("Organisation", "/provider/organisation"),
        })
        {
            Assert.True(html.HasLink(href, text), $"No link \"{text}\" to {href}");
        }
        Assert.NotEmpty(html.All("[aria-current='page']"));
    }
}
