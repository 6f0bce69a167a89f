using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Providers;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages;

/// <summary>Long lists on the pages are shown a page at a time with GOV.UK pagination, never silently cut.</summary>
public class PaginationPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task ProviderVacancies_MoreThanAPage_ShowGovukPaginationThatLeadsToPageTwo()
    {
        var (provider, _) = await ProviderWithVacanciesAsync(55);
        using var session = await app.SignInAsync(provider.User);

        var first = Parser.ParseDocument(await session.GetPageAsync("/provider/vacancies"));

        Assert.Equal(50, Rows(first).Count);
        Assert.Contains("56 vacancies", first.QuerySelector("caption")!.TextContent);
        // The open vacancy, published last, comes first.
        Assert.Contains("Open", Rows(first)[0].TextContent);
        var nav = first.QuerySelector("nav.govuk-pagination")!;
        Assert.NotNull(nav);
        Assert.Equal("1", nav.QuerySelector(".govuk-pagination__item--current a[aria-current=page]")!.TextContent.Trim());
        Assert.Null(nav.QuerySelector("a[rel=prev]"));
        var next = nav.QuerySelector(".govuk-pagination__next a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/provider/vacancies?page=2", next);
        Assert.NotNull(nav.QuerySelector("a.govuk-pagination__link[aria-label='Page 2']"));

        var second = Parser.ParseDocument(await session.GetPageAsync(next));

        Assert.Equal(6, Rows(second).Count);
        var secondNav = second.QuerySelector("nav.govuk-pagination")!;
        Assert.Equal("2", secondNav.QuerySelector(".govuk-pagination__item--current a[aria-current=page]")!.TextContent.Trim());
        Assert.Equal("/provider/vacancies?page=1", secondNav.QuerySelector(".govuk-pagination__prev a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(secondNav.QuerySelector("a[rel=next]"));
        var firstIds = Rows(first).SelectMany(r => r.QuerySelectorAll("a")).Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.DoesNotContain(Rows(second).SelectMany(r => r.QuerySelectorAll("a")).Select(a => a.GetAttribute("href")), firstIds.Contains);
    }

    [Fact]
    public async Task ProviderVacancies_OnePage_ShowNoPagination()
    {
        var (provider, _) = await ProviderWithVacanciesAsync(3);
        using var session = await app.SignInAsync(provider.User);

        var page = Parser.ParseDocument(await session.GetPageAsync("/provider/vacancies"));

        Assert.Equal(4, Rows(page).Count);
        Assert.Null(page.QuerySelector("nav.govuk-pagination"));
    }

    [Fact]
    public async Task CommissionerVacancySearch_PaginationKeepsTheFilters()
    {
        var (_, dps) = await ProviderWithVacanciesAsync(60);
        using var session = await app.SignInAsync(dps.Commissioner);

        var first = Parser.ParseDocument(await session.GetPageAsync("/vacancies?Status=Filled"));

        Assert.Equal(50, Rows(first).Count);
        var next = first.QuerySelector("nav.govuk-pagination a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("Status=Filled", next);
        Assert.Contains("page=2", next);
        var second = Parser.ParseDocument(await session.GetPageAsync(next));
        Assert.Equal(10, Rows(second).Count);
        Assert.All(Rows(second), r => Assert.DoesNotContain("Open", r.TextContent));
    }

    private static List<IElement> Rows(IDocument page) => [.. page.QuerySelectorAll("table.govuk-table tbody tr")];

    /// <summary>An admitted provider with <paramref name="filled"/> filled vacancies written straight to the database, then one open vacancy published.</summary>
    private async Task<(TestProvider Provider, TestDps Dps)> ProviderWithVacanciesAsync(int filled)
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        var settingId = await app.Data.CreateSettingAsync(provider);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < filled; i++)
            {
                db.Vacancies.Add(new Vacancy
                {
                    SettingId = settingId, ProviderId = provider.Id, LotId = dps.LotId, Places = 1, AgeMin = 10, AgeMax = 17,
                    Genders = [Gender.Female], NeedsMet = [Need.EmotionalBehavioural], WeeklyPrice = 5000m,
                    AvailableFrom = new DateOnly(2026, 1, 1).AddDays(i), Status = VacancyStatus.Filled, CreatedAt = now, UpdatedAt = now,
                });
            }
            await db.SaveChangesAsync();
        }
        await app.Data.CreateVacancyAsync(provider, settingId, dps.LotId);
        return (provider, dps);
    }
}
