using System.Net;
using System.Net.Http.Json;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests;

public static class Placing
{
    /// <summary>
    /// A child placed through the API as officers and providers do it: the officer's referral for the lot (the default
    /// <see cref="TestData.ReferralBody"/>), the provider's offer on its vacancy at the weekly price, accepted as a
    /// spot placement. Returns the placement's id.
    /// </summary>
    public static async Task<string> PlaceChildAsync(this PlacementBrokerApp app, HttpClient officer, Guid lotId, TestProvider provider, Guid vacancyId, decimal weeklyPrice)
    {
        var referralId = (await (await officer.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(lotId))).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        return (await (await officer.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("placementId").GetString()!;
    }
}
