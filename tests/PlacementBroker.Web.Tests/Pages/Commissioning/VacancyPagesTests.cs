using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

public class VacancyPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Vacancies_Filters_ShowOnlyTheMatchingVacancies()
    {
        var dps = await app.Data.CreateDpsAsync();
        var leeds = await app.Data.CreateProviderAsync();
        var southLeeds = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(leeds, dps);
        await app.Data.ApplyAsync(southLeeds, dps);
        await app.Data.CreateVacancyAsync(leeds, await app.Data.CreateSettingAsync(leeds, grade: OfstedGrade.Good, postcode: "LS1 4AP"), dps.LotId, 5400m);
        await app.Data.CreateVacancyAsync(southLeeds,
            await app.Data.CreateSettingAsync(southLeeds, grade: OfstedGrade.RequiresImprovement, postcode: "LS10 1AB"), dps.LotId, 6150.50m);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var all = await session.OpenAsync("/vacancies");
        var inLs1 = await session.OpenAsync("/vacancies?Area=ls1");
        var requiresImprovement = await session.OpenAsync("/vacancies?Grade=RequiresImprovement");
        var needsAutism = await session.OpenAsync($"/vacancies?Lot={dps.LotId}&Need=Autism");
        var needsOffending = await session.OpenAsync("/vacancies?Need=Offending");

        Assert.Contains(leeds.Name, all.Text);
        Assert.Contains(southLeeds.Name, all.Text);
        Assert.Contains("£5,400", all.Text);
        Assert.Contains("£6,150.50", all.Text);
        Assert.Contains("23 November 2026", all.Text);
        Assert.Contains("10 to 17", all.Text);
        Assert.Contains(leeds.Name, inLs1.Text);
        Assert.DoesNotContain(southLeeds.Name, inLs1.PageText);
        Assert.Contains("1 vacancy matches your filters", inLs1.Text);
        Assert.NotEmpty(inLs1.All("[value='ls1']"));
        Assert.Contains(southLeeds.Name, requiresImprovement.Text);
        Assert.DoesNotContain(leeds.Name, requiresImprovement.PageText);
        Assert.Contains("Requires improvement to be good", requiresImprovement.Text);
        Assert.True(requiresImprovement.IsChosen("RequiresImprovement"));
        Assert.Contains("2 vacancies match your filters", needsAutism.Text);
        Assert.Contains("No vacancies match these filters.", needsOffending.Text);
    }

    [Fact]
    public async Task Vacancies_AnotherAuthoritysDps_AreNotShown()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        await app.Data.CreateVacancyAsync(provider, await app.Data.CreateSettingAsync(provider), dps.LotId);
        var stranger = await app.Data.CreateUserAsync(Role.Commissioner);
        using var session = await PageSession.SignedInAsync(app, stranger.Email, stranger.Password);

        var page = await session.OpenAsync("/vacancies");

        Assert.DoesNotContain(provider.Name, page.PageText);
        Assert.Contains("No vacancies have been published on your DPS lots yet.", page.Text);
    }
}
