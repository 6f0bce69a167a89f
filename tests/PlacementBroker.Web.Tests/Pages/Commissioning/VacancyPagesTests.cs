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

        var all = await session.TextAsync("/vacancies");
        var inLs1 = await session.TextAsync("/vacancies?Area=ls1");
        var requiresImprovement = await session.TextAsync("/vacancies?Grade=RequiresImprovement");
        var needsAutism = await session.TextAsync($"/vacancies?Lot={dps.LotId}&Need=Autism");
        var needsOffending = await session.TextAsync("/vacancies?Need=Offending");

        Assert.Contains(leeds.Name, all);
        Assert.Contains(southLeeds.Name, all);
        Assert.Contains("£5,400", all);
        Assert.Contains("£6,150.50", all);
        Assert.Contains("23 November 2026", all);
        Assert.Contains("10 to 17", all);
        Assert.Contains(leeds.Name, inLs1);
        Assert.DoesNotContain(southLeeds.Name, inLs1);
        Assert.Contains("1 vacancy matches your filters", inLs1);
        Assert.Contains("value=\"ls1\"", inLs1);
        Assert.Contains(southLeeds.Name, requiresImprovement);
        Assert.DoesNotContain(leeds.Name, requiresImprovement);
        Assert.Contains("Requires improvement to be good", requiresImprovement);
        Assert.Contains("<option value=\"RequiresImprovement\" selected>", requiresImprovement);
        Assert.Contains("2 vacancies match your filters", needsAutism);
        Assert.Contains("No vacancies match these filters.", needsOffending);
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

        var page = await session.TextAsync("/vacancies");

        Assert.DoesNotContain(provider.Name, page);
        Assert.Contains("No vacancies have been published on your DPS lots yet.", page);
    }
}
