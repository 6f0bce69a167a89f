using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Identity;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>A browser on the real server from 127.0.0.1: keeps cookies, follows no redirects, posts forms with their antiforgery token.</summary>
public sealed partial class Browser(Uri server) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server };

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    /// <summary>Loads the form at <paramref name="formPath"/> and posts the fields, with its token, to <paramref name="action"/> (the form's own path by default).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPath, Dictionary<string, string> fields, string? action = null)
    {
        var token = AntiforgeryToken().Match(await _client.GetStringAsync(formPath));
        Assert.True(token.Success, $"{formPath} has no antiforgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await _client.PostAsync(action ?? formPath, new FormUrlEncodedContent(fields));
    }

    public void Dispose() => _client.Dispose();

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryToken();
}

public class AbuseLimitTests(AbuseLimitedApp app) : IClassFixture<AbuseLimitedApp>
{
    private static object Registration(string email) => new
    {
        organisationName = "Brightwater Homes Ltd",
        providerType = "ResidentialChildrensHome",
        registrationNumber = "09876543",
        contactEmail = "referrals@brightwater.example",
        user = new { email, password = "Provider-Passw0rd!", displayName = "Alex Referrals" },
    };

    private static string NewEmail() => $"{TestData.Unique("limit")}@test.placementbroker.uk";

    private static async Task<int> AssertRejectedAsync(HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);
        return (int)retryAfter.Value.TotalSeconds;
    }

    private static void AssertServed(HttpResponseMessage response) =>
        Assert.True(response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500,
            $"Expected the request to be served, got {(int)response.StatusCode}");

    [Fact]
    public async Task Register_PastTheHourlyLimitFromOneAddress_Is429WithRetryAfter_AndRegistersNothing()
    {
        using var client = app.ClientAt("203.0.113.10");
        for (var i = 0; i < AbuseLimitedApp.Registrations; i++)
        {
            AssertServed(await client.PostAsJsonAsync("/api/providers/register", Registration(NewEmail())));
        }

        var email = NewEmail();
        await AssertRejectedAsync(await client.PostAsJsonAsync("/api/providers/register", Registration(email)));

        using var scope = app.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Register_AnotherAddress_IsNotHeldUpByTheFirst()
    {
        using var busy = app.ClientAt("203.0.113.11");
        using var other = app.ClientAt("198.51.100.11");
        for (var i = 0; i <= AbuseLimitedApp.Registrations; i++)
        {
            await busy.PostAsJsonAsync("/api/providers/register", new { });
        }
        await AssertRejectedAsync(await busy.PostAsJsonAsync("/api/providers/register", new { }));

        var email = NewEmail();
        var response = await other.PostAsJsonAsync("/api/providers/register", Registration(email));

        AssertServed(response);
        using var scope = app.Services.CreateScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Register_ReadingTheFormIsNeverLimited_SendingItIs_AndThePageIsTheGovukError()
    {
        // The page test's browser speaks from 127.0.0.1 (no X-Forwarded-For): no other test registers from there.
        using var browser = new Browser(app.ServerAddress);
        for (var i = 0; i < AbuseLimitedApp.Registrations; i++)
        {
            var refused = await browser.PostFormAsync("/providers/register", new() { ["Input.OrganisationName"] = "" });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }
        // Loading the form again (a GET) still works: only submissions count.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/providers/register")).StatusCode);

        var response = await browser.PostFormAsync("/providers/register", new() { ["Input.OrganisationName"] = "" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta?.TotalSeconds >= 1);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1 class=\"govuk-heading-l\">You have tried to do this too many times</h1>", html);
        Assert.Matches(@"Try again in \d+ minutes?\.", html);
    }

    [Fact]
    public async Task OfferAndInvitePages_PastTheirLimits_ShowTheGovukErrorWith429()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = new Browser(app.ServerAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/sign-in",
            new() { ["Input.Email"] = provider.User.Email, ["Input.Password"] = provider.User.Password })).StatusCode);
        var offerPage = $"/provider/referrals/{Guid.NewGuid()}/offer";
        // Every submission counts, whatever it is (here a referral that does not exist).
        for (var i = 0; i < AbuseLimitedApp.Offers; i++)
        {
            var response = await session.PostFormAsync("/provider/organisation/invite", new() { ["Input.WeeklyPrice"] = "5000" }, offerPage);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
        for (var i = 0; i < AbuseLimitedApp.Invitations; i++)
        {
            var response = await session.PostFormAsync("/provider/organisation/invite",
                new() { ["Input.DisplayName"] = "Priya Shah", ["Input.Email"] = NewEmail() });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var offer = await session.PostFormAsync("/provider/organisation/invite", new() { ["Input.WeeklyPrice"] = "5000" }, offerPage);
        var invite = await session.PostFormAsync("/provider/organisation/invite",
            new() { ["Input.DisplayName"] = "Priya Shah", ["Input.Email"] = NewEmail() });

        foreach (var refused in new[] { offer, invite })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Contains("You have tried to do this too many times", await refused.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Offers_PastTheLimitForOneProvider_Is429ForAllItsPeople_AnotherProviderAtTheSameAddressIsNot()
    {
        var a = await app.Data.CreateProviderAsync();
        var aColleague = await app.Data.CreateUserAsync(Role.ProviderUser, providerId: a.Id);
        var b = await app.Data.CreateProviderAsync();
        const string office = "203.0.113.20";
        using var aAdmin = app.ClientAt(office, await app.Data.TokenAsync(a.User));
        using var aOther = app.ClientAt(office, await app.Data.TokenAsync(aColleague));
        using var bAdmin = app.ClientAt(office, await app.Data.TokenAsync(b.User));
        var offer = new { vacancyId = Guid.NewGuid(), weeklyPrice = 5000m };

        for (var i = 0; i < AbuseLimitedApp.Offers; i++)
        {
            AssertServed(await (i % 2 == 0 ? aAdmin : aOther).PostAsJsonAsync($"/api/referrals/{Guid.NewGuid()}/offers", offer));
        }

        await AssertRejectedAsync(await aOther.PostAsJsonAsync($"/api/referrals/{Guid.NewGuid()}/offers", offer));
        await AssertRejectedAsync(await aAdmin.PostAsJsonAsync($"/api/referrals/{Guid.NewGuid()}/offers", offer));
        AssertServed(await bAdmin.PostAsJsonAsync($"/api/referrals/{Guid.NewGuid()}/offers", offer));
        // Other provider work goes on: only offer submissions are limited.
        AssertServed(await aAdmin.GetAsync("/api/provider/users"));
    }

    [Fact]
    public async Task Invitations_PastTheHourlyLimitFromOneAddress_Are429_AnotherAddressIsNot()
    {
        var provider = await app.Data.CreateProviderAsync();
        var token = await app.Data.TokenAsync(provider.User);
        using var here = app.ClientAt("203.0.113.30", token);
        using var elsewhere = app.ClientAt("198.51.100.30", token);
        for (var i = 0; i < AbuseLimitedApp.Invitations; i++)
        {
            var invited = await here.PostAsJsonAsync("/api/provider/users", new { email = NewEmail(), displayName = "Casey Colleague" });
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }

        var email = NewEmail();
        await AssertRejectedAsync(await here.PostAsJsonAsync("/api/provider/users", new { email, displayName = "Casey Colleague" }));
        var fine = await elsewhere.PostAsJsonAsync("/api/provider/users", new { email, displayName = "Casey Colleague" });

        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
    }

    [Fact]
    public async Task Tokens_TheDefaultAllowsAThousandAMinuteFromOneAddress_AndRefusesTheNext()
    {
        var limit = new RateLimitOptions().TokensPerMinutePerAddress;
        Assert.True(limit >= 1_000, "A council office shares one address: never below 1,000 token requests a minute.");
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var office = app.ClientAt("203.0.113.40");
        // Incomplete requests count like any other; they are quick, so the whole minute's allowance fits in the test.
        var early = new List<HttpStatusCode>();
        for (var i = 0; i < limit - 1; i++)
        {
            early.Add((await office.PostAsJsonAsync("/api/auth/token", new { email = user.Email })).StatusCode);
        }
        Assert.All(early, s => Assert.Equal(HttpStatusCode.BadRequest, s));

        var last = await office.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = user.Password });
        var next = await office.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        var wait = await AssertRejectedAsync(next);
        Assert.True(wait <= 60, $"Retry-After {wait}s is longer than the one-minute window");
        using var colleague = app.ClientAt("198.51.100.40");
        Assert.Equal(HttpStatusCode.OK, (await colleague.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = user.Password })).StatusCode);
    }
}

public class RateLimitOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var limits = new PlacementBrokerOptions().RateLimits;

        Assert.Equal(20, limits.RegistrationsPerHourPerAddress);
        Assert.Equal(20, limits.InvitationsPerHourPerAddress);
        Assert.Equal(600, limits.OffersPerMinutePerProvider);
        Assert.Equal(1_000, limits.TokensPerMinutePerAddress);
        Assert.True(PlacementBrokerOptions.NestedSettingsAreValid(new PlacementBrokerOptions()));
    }

    [Fact]
    public void TokensBelowAThousandAMinute_AreRefused()
    {
        var options = new PlacementBrokerOptions();
        options.RateLimits.TokensPerMinutePerAddress = 999;

        Assert.False(PlacementBrokerOptions.NestedSettingsAreValid(options));
    }

    [Theory]
    [InlineData(nameof(RateLimitOptions.RegistrationsPerHourPerAddress))]
    [InlineData(nameof(RateLimitOptions.InvitationsPerHourPerAddress))]
    [InlineData(nameof(RateLimitOptions.OffersPerMinutePerProvider))]
    public void ZeroLimits_AreRefused(string limit)
    {
        var options = new PlacementBrokerOptions();
        typeof(RateLimitOptions).GetProperty(limit)!.SetValue(options.RateLimits, 0);

        Assert.False(PlacementBrokerOptions.NestedSettingsAreValid(options));
    }
}
