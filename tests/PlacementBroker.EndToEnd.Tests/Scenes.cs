using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>Starting points the journeys share, made through the product's services and API as their users would leave them.</summary>
public static class Scenes
{
    /// <summary>
    /// A new council's DPS, a placing officer's referral for Amelia (<see cref="TestData.ReferralBody"/>) on its lot, and
    /// an admitted provider whose open £5,000 vacancy, at a setting of the grade given, fits it (no offer made yet).
    /// </summary>
    public static async Task<(TestDps Dps, TestUser Officer, TestProvider Provider, Guid VacancyId, Guid ReferralId)> ReferralWithAFittingVacancyAsync(
        this DemoSite site, OfstedGrade grade = OfstedGrade.Good)
    {
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await site.Data.FittingProviderAsync(dps, 5000m, grade);
        return (dps, officer, provider, vacancyId, await site.Data.Referral(dps.LotId).SendAsync(officer));
    }
}
