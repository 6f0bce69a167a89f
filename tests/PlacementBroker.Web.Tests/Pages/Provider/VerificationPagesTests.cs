using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Provider;

/// <summary>The pages of verification: the banner and resend for an unverified provider, the confirm page, the admin's list.</summary>
public partial class VerificationPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly HtmlParser Parser = new();

    private async Task<string> CodeSentToAsync(string address)
    {
        using var scope = app.Services.CreateScope();
        var bodies = await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails.AsNoTracking()
            .Where(e => e.To == address).OrderBy(e => e.CreatedAt).Select(e => e.Body).ToListAsync();
        return Uri.UnescapeDataString(CodeInLink().Match(bodies.Last(b => b.Contains("code="))).Groups[1].Value);
    }

    private async Task<bool> VerifiedAsync(Guid providerId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Providers.AnyAsync(p => p.Id == providerId && p.VerifiedAt != null);
    }

    [Fact]
    public async Task Unverified_SeesTheBannerAndTheUnconfirmedContact_AndIsKeptFromReferralsAndLots()
    {
        var provider = await app.Data.CreateProviderAsync(verified: false);
        using var session = await app.SignInAsync(provider.User);

        var page = Parser.ParseDocument(await session.GetPageAsync("/provider/organisation"));

        var banner = page.QuerySelector("[data-testid=verification-banner]");
        Assert.NotNull(banner);
        Assert.Contains("you cannot apply to a lot, receive referrals or see councils' data", banner.TextContent);
        Assert.Contains("Not yet confirmed", page.QuerySelector("[data-testid=contact-email]")!.TextContent);
        foreach (var path in new[] { "/provider/referrals", "/provider/dps", "/provider/applications", "/provider/memberships" })
        {
            var response = await session.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/provider/organisation", response.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/provider/settings")).StatusCode);
    }

    [Fact]
    public async Task Verified_SeesNoBanner_AndReachesReferrals()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        var page = Parser.ParseDocument(await session.GetPageAsync("/provider/organisation"));

        Assert.Null(page.QuerySelector("[data-testid=verification-banner]"));
        Assert.DoesNotContain("Not yet confirmed", page.QuerySelector("[data-testid=contact-email]")!.TextContent);
        await session.GetPageAsync("/provider/referrals");
    }

    [Fact]
    public async Task Banner_Resend_SendsANewLink()
    {
        var provider = await app.Data.CreateProviderAsync(verified: false);
        app.Clock.Advance(Core.Providers.ProviderVerification.ResendInterval + TimeSpan.FromSeconds(1));
        using var session = await app.SignInAsync(provider.User);

        var page = Parser.ParseDocument(await session.PostFormAndFollowAsync("/provider/organisation", new(), "/provider/organisation?handler=Resend"));

        Assert.Contains($"We have sent a new link to {provider.User.Email}", page.QuerySelector(".govuk-notification-banner--success")!.TextContent);
    }

    [Fact]
    public async Task ConfirmEmailPage_SignedOut_OpeningTheLinkSpendsNothing_TheButtonConfirms()
    {
        var provider = await app.Data.CreateProviderAsync(verified: false);
        var code = await CodeSentToAsync(provider.User.Email);
        using var session = new PageSession(app);
        var path = $"/Account/ConfirmEmail?code={Uri.EscapeDataString(code)}";

        await session.GetPageAsync(path);
        Assert.False(await VerifiedAsync(provider.Id));
        var response = await session.PostFormAsync(path, new() { ["Code"] = code });

        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Email address confirmed", page.QuerySelector("[data-testid=email-confirmed] h1")!.TextContent.Trim());
        Assert.True(await VerifiedAsync(provider.Id));
        var again = Parser.ParseDocument(await (await session.PostFormAsync(path, new() { ["Code"] = code })).Content.ReadAsStringAsync());
        Assert.Contains("expired or has already been used", again.QuerySelector(".govuk-error-summary")!.TextContent);
    }

    [Fact]
    public async Task ConfirmEmailPage_SignedIn_ConfirmsAndTheBannerGoes()
    {
        var provider = await app.Data.CreateProviderAsync(verified: false);
        var code = await CodeSentToAsync(provider.User.Email);
        using var session = await app.SignInAsync(provider.User);
        var path = $"/Account/ConfirmEmail?code={Uri.EscapeDataString(code)}";

        await session.PostFormAsync(path, new() { ["Code"] = code });

        var page = Parser.ParseDocument(await session.GetPageAsync("/provider/organisation"));
        Assert.Null(page.QuerySelector("[data-testid=verification-banner]"));
        await session.GetPageAsync("/provider/referrals");
    }

    [Fact]
    public async Task AdminProvidersPage_ListsTheUnverified_AndVerifyVerifiesIt()
    {
        var provider = await app.Data.CreateProviderAsync(verified: false);
        using var session = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);

        var list = Parser.ParseDocument(await session.GetPageAsync("/admin/providers"));
        Assert.Contains(list.QuerySelectorAll("[data-testid=unverified-provider]"), row => row.TextContent.Contains(provider.Name));

        var after = Parser.ParseDocument(await session.PostFormAndFollowAsync("/admin/providers", new() { ["providerId"] = provider.Id.ToString() },
            "/admin/providers?handler=Verify"));

        Assert.Contains($"{provider.Name} is verified", after.QuerySelector(".govuk-notification-banner--success")!.TextContent);
        Assert.DoesNotContain(after.QuerySelectorAll("[data-testid=unverified-provider]"), row => row.TextContent.Contains(provider.Name));
        Assert.True(await VerifiedAsync(provider.Id));
    }

    [Fact]
    public async Task AdminProvidersPage_ProviderUser_IsRefused()
    {
        var provider = await app.Data.CreateProviderAsync(verified: false);
        using var session = await app.SignInAsync(provider.User);

        var response = await session.GetAsync("/admin/providers");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await VerifiedAsync(provider.Id));
    }

    [Fact]
    public async Task RegisterPage_EmailAlreadyRegistered_LooksExactlyLikeANewRegistration()
    {
        var existing = await app.Data.CreateProviderAsync();
        using var session = new PageSession(app);

        var response = await session.PostFormAsync("/providers/register", new()
        {
            ["Input.OrganisationName"] = "Second Go Ltd",
            ["Input.ProviderType"] = "IndependentFosteringAgency",
            ["Input.RegistrationNumber"] = "07654321",
            ["Input.ContactEmail"] = existing.User.Email,
            ["Input.DisplayName"] = "Someone Else",
            ["Input.Email"] = existing.User.Email,
            ["Input.Password"] = "Another-Passw0rd!",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/providers/registered", response.Headers.Location!.OriginalString);
    }

    [GeneratedRegex(@"/Account/ConfirmEmail\?code=([A-Za-z0-9%_\-]+)")]
    private static partial Regex CodeInLink();
}
