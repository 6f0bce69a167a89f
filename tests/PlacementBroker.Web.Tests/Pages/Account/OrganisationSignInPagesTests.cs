using System.Net;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Account;

/// <summary>The pages around the organisation's account when no identity provider is configured.</summary>
public class OrganisationSignInPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task LinkPage_WithoutAnIdentityProvider_SaysItIsNotOfferedAndCannotLink()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var session = await PageSession.SignedInAsync(app, user.Email, user.Password);

        var page = await session.OpenAsync("/account/organisation-sign-in");
        var link = await session.PostFormAsync("/account/organisation-sign-in", [], "/account/organisation-sign-in/Link");

        Assert.Contains("This service does not offer sign-in with an organisation", page.Text);
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Equal("/account/organisation-sign-in", link.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ExternalCallback_WithoutAnExternalSignIn_SendsToSignIn()
    {
        using var session = new PageSession(app);

        var response = await session.GetAsync("/sign-in/external");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AccountPages_WhenNotSignedIn_SendToSignIn()
    {
        using var session = new PageSession(app);

        var twoFactor = await session.GetAsync("/account/two-factor");
        var organisation = await session.GetAsync("/account/organisation-sign-in");

        Assert.StartsWith("/sign-in", twoFactor.Headers.Location!.PathAndQuery);
        Assert.StartsWith("/sign-in", organisation.Headers.Location!.PathAndQuery);
    }
}
