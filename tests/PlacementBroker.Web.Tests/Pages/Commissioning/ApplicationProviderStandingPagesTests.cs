using PlacementBroker.Core;
using PlacementBroker.Core.Providers;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

/// <summary>
/// An application shows the commissioner the provider's settings, their Ofsted grades and its QA status, so the decision
/// is made knowing them; it is about the provider, never about the children placed with it.
/// </summary>
public class ApplicationProviderStandingPagesTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Application_ShowsTheProvidersSettingsGradesAndQaStatus_ButNoChildPlacedThere()
    {
        // The provider is on one council's DPS with a child placed, and applies to another council's DPS.
        var placing = await app.Data.CreateDpsAsync();
        var (provider, vacancy) = await app.Data.FittingProviderAsync(placing, weeklyPrice: 5000m);
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(placing));
        await app.Data.Placement(officer, placing.LotId).With(provider, vacancy).At(5000m).PlaceAsync();
        await app.Data.Setting(provider).Named("Moorside View").Graded(OfstedGrade.Inadequate).CreateAsync();
        var other = await app.Data.CreateDpsAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, other, admit: false);
        using var session = await app.SignInAsync(other.Commissioner);

        var page = await session.OpenAsync($"/applications/{applicationId}");

        var standing = page.ByTestId("provider-standing");
        var text = PageDocument.VisibleText(standing);
        Assert.Contains("Moorside View", text);
        Assert.Contains("Inadequate", text);
        Assert.Contains("Good", text);
        Assert.NotNull(standing.QuerySelector("[data-qa-status='Amber']"));
        Assert.Contains("Moorside View is graded Inadequate by Ofsted", text);
        Assert.Equal(2, page.AllByTestId("provider-setting").Count);
        Assert.True(page.HasLinkTo($"/qa/providers/{provider.Id}"));
        // The placed child (TestData.ReferralBody) is nowhere on the page.
        foreach (var childData in new[] { "Amelia", "Hartley-Testcase", "LCC-", "Headingley" })
        {
            Assert.DoesNotContain(childData, page.PageText, StringComparison.OrdinalIgnoreCase);
        }
    }
}
