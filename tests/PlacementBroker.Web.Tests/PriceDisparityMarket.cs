using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests;

/// <summary>
/// A DPS with a lead and a participating authority, each of which has placed a child with the same children's home at a
/// different spot price: £4,000 a week for the lead, £5,000 for the participant.
/// </summary>
public static class PriceDisparityMarket
{
    public static async Task<(TestDps Dps, TestProvider Provider)> CreateAsync(PlacementBrokerApp app)
    {
        var participantAuthority = await app.Data.CreateLocalAuthorityAsync();
        var dps = await app.Data.CreateDpsAsync(participants: [participantAuthority.Id]);
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        var setting = await app.Data.CreateSettingAsync(provider, places: 4);
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        foreach (var (authority, price) in new[] { (dps.Commissioner.LocalAuthorityId!.Value, 4000m), (participantAuthority.Id, 5000m) })
        {
            var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer, authority);
            using var officerClient = await app.Data.ClientForAsync(officer);
            var vacancyId = await app.Data.CreateVacancyAsync(provider, setting, dps.LotId, price);
            var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
            var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = price })).ReadJsonAsync(HttpStatusCode.Created))
                .GetProperty("id").GetString();
            await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created);
        }
        return (dps, provider);
    }
}
