using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Provider;

/// <summary>A new provider's way in: its next steps on the home page, and only the lots of its own type to apply to.</summary>
public class ProviderGuidancePagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string Status(PageDocument page, string id) => PageDocument.VisibleText(page.Document.GetElementById(id)!);

    [Fact]
    public async Task NewProvider_Home_ShowsItsNextStepsUntilItHasASettingAndHasApplied()
    {
        var dps = await app.Data.CreateDpsAsync(lotType: PlacementType.ResidentialCare);
        var provider = await app.Data.Provider().ChildrensHome().CreateAsync();
        using var session = await app.SignInAsync(provider.User);

        var fresh = await session.OpenAsync("/");
        var steps = fresh.ByTestId("next-steps");
        Assert.True(fresh.HasLink("/provider/settings/new", "Add a setting"));
        Assert.Equal("Incomplete", Status(fresh, "step-setting-status"));
        Assert.Equal("Cannot start yet", Status(fresh, "step-apply-status"));
        Assert.DoesNotContain(fresh.Links(steps), l => l.Href == "/provider/dps");

        await app.Data.CreateSettingAsync(provider);
        var withSetting = await session.OpenAsync("/");
        Assert.Equal("Completed", Status(withSetting, "step-setting-status"));
        Assert.Equal("Incomplete", Status(withSetting, "step-apply-status"));
        Assert.Contains(withSetting.Links(withSetting.ByTestId("next-steps")), l => l.Href == "/provider/dps" && l.Name.StartsWith("Apply to join a DPS lot", StringComparison.Ordinal));

        await app.Data.ApplyAsync(provider, dps, admit: false);
        var applied = await session.OpenAsync("/");
        Assert.Null(applied.FindByTestId("next-steps"));
    }

    [Fact]
    public async Task UnverifiedProvider_IsToldToConfirmItsEmailBeforeApplying()
    {
        var provider = await app.Data.Provider().Unverified().CreateAsync();
        await app.Data.CreateSettingAsync(provider);
        using var session = await app.SignInAsync(provider.User);

        var home = await session.OpenAsync("/");

        Assert.Equal("Cannot start yet", Status(home, "step-apply-status"));
        Assert.Contains("confirm your email address", PageDocument.VisibleText(home.ByTestId("next-steps")));
    }

    [Fact]
    public async Task FosteringAgency_IsOfferedOnlyTheLotsOfItsOwnType()
    {
        var dps = await app.Data.CreateDpsAsync(lotType: PlacementType.StandardFostering);
        var homesLot = await app.UseAsync<DpsService, Guid>(async service => (await service.AddLotAsync(TestData.ActorFor(dps.Commissioner), dps.Id,
            new AddLotRequest("Lot 4: Residential children's homes " + TestData.Unique("x"), PlacementType.ResidentialCare, 5200m, []))).Value!.Id);
        var provider = await app.Data.CreateProviderAsync(ProviderType.IndependentFosteringAgency);
        using var session = await app.SignInAsync(provider.User);

        var page = await session.OpenAsync("/provider/dps");

        Assert.Contains(page.All("input[name='lotId']"), i => i.GetAttribute("value") == dps.LotId.ToString());
        Assert.DoesNotContain(page.All("input[name='lotId']"), i => i.GetAttribute("value") == homesLot.ToString());
        Assert.DoesNotContain("Lot 4: Residential children's homes", page.Text);
        Assert.Contains("Independent fostering agency", PageDocument.VisibleText(page.ByTestId("lots-offered")));
    }

    [Fact]
    public async Task ProviderAlreadyOnALotOfAnotherType_StillSeesIt()
    {
        var dps = await app.Data.CreateDpsAsync(lotType: PlacementType.ResidentialCare);
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        // Its registration now says it is a fostering agency: the lot it joined as a children's home stays in its list.
        await app.UseAsync<PlacementBroker.Core.Data.PlacementBrokerDbContext, int>(db => db.Providers.Where(p => p.Id == provider.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Type, ProviderType.IndependentFosteringAgency)));
        using var session = await app.SignInAsync(provider.User);

        var page = await session.OpenAsync("/provider/dps");

        Assert.Contains("View membership", page.Text);
    }
}
