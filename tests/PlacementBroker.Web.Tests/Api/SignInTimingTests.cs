using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;
using PlacementBroker.Core;
using PlacementBroker.Core.Identity;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>An unknown email takes as long as a wrong password: both check a password hash, so timing tells nothing.</summary>
public class SignInTimingTests(WatchedHasherApp app) : IClassFixture<WatchedHasherApp>
{
    [Fact]
    public async Task Token_UnknownEmail_ChecksAPasswordHashLikeAKnownOne()
    {
        using var client = app.CreateClient();
        var guess = $"Guess-{Guid.NewGuid():N}1!";

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = $"{TestData.Unique("nobody")}@nowhere.example", password = guess });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        app.Hasher.Received(1).VerifyHashedPassword(Arg.Any<User>(), Arg.Is<string>(h => !string.IsNullOrEmpty(h)), guess);
    }

    [Fact]
    public async Task Token_KnownEmailWrongPassword_ChecksTheAccountsHash()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var client = app.CreateClient();
        var guess = $"Guess-{Guid.NewGuid():N}1!";

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = guess });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        app.Hasher.Received(1).VerifyHashedPassword(Arg.Is<User>(u => u.Id == user.Id), Arg.Any<string>(), guess);
    }

    [Fact]
    public async Task SignInPage_UnknownEmail_ChecksAPasswordHash()
    {
        using var browser = new Pages.PageSession(app);
        var guess = $"Guess-{Guid.NewGuid():N}1!";

        var response = await browser.PostFormAsync("/sign-in", new() { ["Input.Email"] = $"{TestData.Unique("nobody")}@nowhere.example", ["Input.Password"] = guess });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        app.Hasher.Received(1).VerifyHashedPassword(Arg.Any<User>(), Arg.Any<string>(), guess);
    }
}
