using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages;

namespace PlacementBroker.Web.Tests.Hosting;

/// <summary>
/// A host deployed as in production (the Production environment, reached over https at its public address): cookies
/// only over https, HSTS, no caching of anything a signed-in user reads, sessions that end however active they are, and
/// emailed links at the configured address whatever Host the request named.
/// </summary>
public abstract class TransportAndSessionTests(PlacementBrokerApp app)
{
    public const string PublicHost = "placements.example.gov.uk";
    /// <summary>Another name the load balancer answers to, e.g. a node's own: links must not be built from it.</summary>
    public const string OtherHost = "node-2.internal.example";

    [Fact]
    public async Task SignIn_OutsideDevelopment_TheSignInAndAntiforgeryCookiesAreSecure()
    {
        var officer = await app.Data.CreateUserAsync(Core.Role.PlacingOfficer, (await app.Data.CreateLocalAuthorityAsync()).Id);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"https://{PublicHost}") });

        var form = await client.GetAsync("/sign-in");
        var antiforgery = Cookie(form, ".AspNetCore.Antiforgery");
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = officer.Email,
                ["Input.Password"] = officer.Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", Cookie(signedIn, "PlacementBroker.Auth"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HttpsRequest_OutsideDevelopment_IsAnsweredWithHstsForAYearIncludingSubdomains()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = string.Join(",", response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts);
        Assert.Contains("includeSubDomains", hsts);
    }

    [Fact]
    public async Task ReadsOfAChildsReferralAndPlacement_AreNeverCached()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 5000m);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var placementId = await app.Data.Placement(officerClient, dps.LotId).With(provider, vacancyId).At(5000m).PlaceAsync();
        var referrals = await (await officerClient.GetAsync("/api/referrals")).ReadJsonAsync(HttpStatusCode.OK);
        var referralId = referrals[0].GetProperty("id").GetString();
        using var session = await PageSession.SignedInAsync(app, officer.Email, officer.Password);

        var referral = await officerClient.GetAsync($"/api/referrals/{referralId}");
        var placementPage = await session.GetAsync($"/placements/{placementId}");

        Assert.Equal(HttpStatusCode.OK, referral.StatusCode);
        Assert.Contains("Amelia", await referral.Content.ReadAsStringAsync());
        Assert.True(referral.Headers.CacheControl?.NoStore, "GET /api/referrals/{id} must be Cache-Control: no-store");
        Assert.Equal(HttpStatusCode.OK, placementPage.StatusCode);
        Assert.True(placementPage.Headers.CacheControl?.NoStore, "the placement page must be Cache-Control: no-store");
    }

    [Fact]
    public async Task SignedInCookie_KeptActive_IsRejectedOnceOlderThanTheAbsoluteSessionLifetime()
    {
        var officer = await app.Data.CreateUserAsync(Core.Role.PlacingOfficer, (await app.Data.CreateLocalAuthorityAsync()).Id);
        using var session = await PageSession.SignedInAsync(app, officer.Email, officer.Password);

        // Used every few hours, the sliding cookie keeps renewing: within the 12 hours it works.
        app.Clock.Advance(TimeSpan.FromHours(7));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(4.5));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);

        // Twelve and a half hours after signing in, only 1 hour after its last use, it no longer signs anyone in.
        app.Clock.Advance(TimeSpan.FromHours(1));
        var late = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.StartsWith("/sign-in", late.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task InvitationEmail_RequestToAnotherHost_LinksToTheConfiguredPublicAddress()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);
        var email = $"{TestData.Unique("colleague")}@test.placementbroker.uk";

        var response = await client.PostAsJsonAsync($"https://{OtherHost}/api/provider/users", new { email, displayName = "Casey Colleague" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var scope = app.Services.CreateScope();
        var invitation = await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails.SingleAsync(e => e.To == email);
        Assert.Contains($"https://{PublicHost}/account/set-password?", invitation.Body);
        Assert.DoesNotContain(OtherHost, invitation.Body);
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith(name, StringComparison.Ordinal)) is { } cookie
            ? cookie
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri} set no {name} cookie");
}

public class TransportAndSessionSqliteTests(ProductionSqliteApp app) : TransportAndSessionTests(app), IClassFixture<ProductionSqliteApp>;

public class TransportAndSessionPostgresTests(ProductionPostgresApp app) : TransportAndSessionTests(app), IClassFixture<ProductionPostgresApp>;
