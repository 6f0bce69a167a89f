using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

/// <summary>Small helpers for reading the commissioner pages as a user sees them.</summary>
internal static class CommissioningPages
{
    /// <summary>The page's text with HTML entities decoded ("£" rather than "&amp;#xA3;").</summary>
    public static async Task<string> TextAsync(this PageSession session, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        WebUtility.HtmlDecode(await session.GetPageAsync(path, expected));

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Asserts a redirect (the post/redirect/get of a successful form) and returns where to.</summary>
    public static string RedirectedTo(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect but got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static async Task<string> LotNameAsync(this PlacementBrokerApp app, Guid lotId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Lots.Where(l => l.Id == lotId).Select(l => l.Name).SingleAsync();
    }
}
