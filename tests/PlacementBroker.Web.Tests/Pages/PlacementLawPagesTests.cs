using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Provider;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages;

/// <summary>The law on age and the pricing of sibling groups, as the forms and the agreement show them.</summary>
public class PlacementLawPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task SupportedAccommodationVacancy_TakingUnder16s_ShowsTheLawInTheErrorSummary()
    {
        var dps = await app.Data.CreateDpsAsync(lotType: PlacementType.SupportedAccommodation);
        var provider = await app.Data.CreateProviderAsync(ProviderType.SupportedAccommodation);
        await app.Data.ApplyAsync(provider, dps);
        var settingId = await app.Data.CreateSettingAsync(provider, grade: OfstedGrade.NotGraded);
        using var session = await app.SignInAsync(provider.User);

        var response = await session.PostFormPairsAsync("/provider/vacancies/new", new Dictionary<string, string>
        {
            ["Input.SettingId"] = settingId.ToString(), ["Input.LotId"] = dps.LotId.ToString(), ["Input.Places"] = "1", ["Input.AgeMin"] = "15",
            ["Input.AgeMax"] = "17", ["Input.Genders"] = "Female", ["Input.WeeklyPrice"] = "1500", ["Input.AvailableFrom.Day"] = "1",
            ["Input.AvailableFrom.Month"] = "12", ["Input.AvailableFrom.Year"] = "2026",
        });

        var page = await response.PageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("Supported accommodation is for 16- and 17-year-olds only: the youngest age must be 16 or more", "Input_AgeMin")], page.ErrorSummary());
    }

    [Fact]
    public async Task SupportedAccommodationReferral_ChildUnder16OnTheStartDate_ShowsTheLawAtTheDateOfBirth()
    {
        var dps = await app.Data.CreateDpsAsync(lotType: PlacementType.SupportedAccommodation);
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);

        // Amelia (born 17 May 2012) is 14 on the start date.
        var response = await session.WriteReferralAsync(ReferralPageHelpers.ReferralForm(dps.LotId, "LCC-LAW-1"));

        // The law is shown on the question that asks the date of birth, to answer again.
        var page = await response.PageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The child", page.Heading());
        var error = Assert.Single(page.Errors());
        Assert.StartsWith("Supported accommodation is for 16- and 17-year-olds only: the child will be 14 on the start date", error);
        Assert.Contains(page.ErrorFields(), link => link.StartsWith("Input_DateOfBirth"));
    }

    [Fact]
    public async Task SiblingGroup_OffersAndAgreement_ShowThePricePerChildAndTheGroupTotalThatIsBilled()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        var settingId = await app.Data.CreateSettingAsync(provider);
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var vacancyId = Guid.Parse((await (await providerClient.PostAsJsonAsync("/api/vacancies", new
        {
            settingId, lotId = dps.LotId, places = 3, ageMin = 10, ageMax = 17, genders = new[] { "Female", "Male" }, needsMet = new[] { "EmotionalBehavioural" },
            weeklyPrice = 2000m, availableFrom = "2026-11-23",
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
        var referralId = await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId, siblings: 3, budget: 6000m));
        var offerId = await app.OfferAsync(provider, referralId, vacancyId, 2000m);
        using var session = await app.SignInAsync(officer);
        var offers = await session.OpenAsync($"/referrals/{referralId}?handler=Offers");
        Assert.Contains("£2,000 for each child; £6,000 a week for the 3 children", offers.Text);
        var placementId = (await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("placementId").GetString();

        var agreement = await session.OpenAsync($"/placements/{placementId}/agreement");

        Assert.Contains("£2,000 a week for each child; £6,000 a week for the 3 children", agreement.Text);
        Assert.Contains("weekly fee divided by 7, for each child", agreement.Text);
    }
}
