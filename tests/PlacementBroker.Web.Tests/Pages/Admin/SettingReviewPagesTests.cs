using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Api;

namespace PlacementBroker.Web.Tests.Pages.Admin;

/// <summary>The platform admin's Ofsted URN review pages, and what the provider sees of a held setting.</summary>
public class SettingReviewPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static int _urn = Random.Shared.Next(900_000, 999_000);

    private async Task<(TestProvider Held, Guid HeldId)> SecondClaimAsync()
    {
        var urn = $"SC{Interlocked.Increment(ref _urn)}";
        var first = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        var second = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        foreach (var (provider, name) in new[] { (first, "Elm House"), (second, "Elm House Annexe") })
        {
            using var client = await app.Data.ClientForAsync(provider.User);
            var created = await (await client.PostAsJsonAsync($"/api/providers/{provider.Id}/settings", new
            {
                name, ofstedUrn = urn, postcode = "M14 5AB", latitude = 53.45, longitude = -2.22, ofstedGrade = "Outstanding",
                lastInspectionDate = "2026-03-01", registeredPlaces = 2,
            })).ReadJsonAsync(HttpStatusCode.Created);
            if (provider == second)
            {
                return (second, created.GetProperty("id").GetGuid());
            }
        }
        throw new InvalidOperationException("unreachable");
    }

    [Fact]
    public async Task Admin_RejectsAHeldSetting_AndTheProviderSeesTheReason()
    {
        var (held, heldId) = await SecondClaimAsync();
        using var admin = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);

        var queue = await admin.OpenAsync("/admin/setting-reviews");
        Assert.NotEmpty(queue.All($"[data-setting-id='{heldId}']"));
        Assert.Contains("Elm House Annexe", queue.Text);
        Assert.DoesNotContain("M14 5AB", queue.PageText);

        var blank = await admin.PostFormAsync($"/admin/setting-reviews/{heldId}", new() { ["Input.Decision"] = "Reject", ["Input.Reason"] = "" });
        var blankHtml = PageDocument.Parse(await blank.Content.ReadAsStringAsync());
        Assert.True(blankHtml.HasErrorSummary);
        Assert.Contains("Enter the reason for rejecting the setting", blankHtml.Text);

        var decided = await admin.PostFormAndFollowAsync($"/admin/setting-reviews/{heldId}",
            new() { ["Input.Decision"] = "Reject", ["Input.Reason"] = "The URN belongs to another provider's home" });
        Assert.Contains("Elm House Annexe rejected", decided);

        using var provider = await PageSession.SignedInAsync(app, held.User.Email, held.User.Password);
        var settings = await provider.OpenAsync("/provider/settings");
        Assert.Contains("Rejected", settings.Text);
        Assert.Contains("The URN belongs to another provider's home", settings.Text);
        Assert.Contains("M14 5AB", settings.Text);
        Assert.Contains("Declared, not yet confirmed by Ofsted's register", settings.Text);
    }

    [Theory]
    [InlineData(Role.ProviderUser)]
    [InlineData(Role.Commissioner)]
    public async Task ReviewPages_OtherRoles_SeeTheNoAccessPage(Role role)
    {
        var (_, heldId) = await SecondClaimAsync();
        var user = role == Role.ProviderUser ? (await app.Data.CreateProviderAsync()).User : await app.Data.CreateUserAsync(role);
        using var session = await PageSession.SignedInAsync(app, user.Email, user.Password);

        foreach (var path in new[] { "/admin/setting-reviews", $"/admin/setting-reviews/{heldId}" })
        {
            var response = await session.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery);
        }
    }
}
