using System.Net;
using PlacementBroker.Core;
using PlacementBroker.Core.Providers;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Providers;

/// <summary>
/// /providers: QA officers and commissioners find any provider by name, the URN of any of its settings, Ofsted grade and
/// QA status, and act from the result; other roles are refused. On PostgreSQL, whose text comparison is case-sensitive.
/// </summary>
public class ProviderSearchPagesTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    // Seven-digit URNs: never part of the builder's SC numbers.
    private static int _urn = Random.Shared.Next(2_000_000, 2_900_000);

    private static string Urn() => $"{Interlocked.Increment(ref _urn)}";

    private async Task<(TestProvider Provider, string Urn)> ProviderWithSettingAsync(string name, OfstedGrade grade)
    {
        var provider = await app.Data.Provider().Named(name).CreateAsync();
        var urn = Urn();
        await app.Data.Setting(provider).Graded(grade).Urn(urn).CreateAsync();
        return (provider, urn);
    }

    private static IReadOnlyList<string> Found(PageDocument page) =>
        [.. page.AllByTestId("provider-result").Select(r => PageDocument.VisibleText(r.QuerySelector(".govuk-summary-card__title")!))];

    [Fact]
    public async Task QaOfficer_SearchesByTheUrnOfASetting_FindsTheProviderAndCanActOnIt()
    {
        var (provider, urn) = await ProviderWithSettingAsync(TestData.Unique("Wharfedale Homes"), OfstedGrade.Good);
        var qa = await app.Data.CreateUserAsync(Role.QaOfficer);
        using var session = await app.SignInAsync(qa);

        var page = await session.OpenAsync($"/providers?urn=+{urn}+");

        Assert.Equal([provider.Name], Found(page));
        var card = page.ByTestId("provider-result");
        Assert.Contains($"URN {urn}", PageDocument.VisibleText(card));
        Assert.NotEmpty(page.All("[data-qa-status='Green']"));
        Assert.True(page.HasLinkTo($"/qa/providers/{provider.Id}/flags/new"));
        Assert.True(page.HasLinkTo($"/qa/providers/{provider.Id}/visits/new"));
        Assert.True(page.HasLinkTo($"/qa/providers/{provider.Id}"));
        // The scorecard is a commissioner's page.
        Assert.False(page.PointsAt("/provider-performance/"));
    }

    [Fact]
    public async Task Search_ByNameInAnyCaseGradeAndQaStatus_NarrowsTheList()
    {
        var stem = TestData.Unique("Calderbrook");
        var (good, _) = await ProviderWithSettingAsync($"{stem} Good Homes", OfstedGrade.Good);
        var (inadequate, _) = await ProviderWithSettingAsync($"{stem} Struggling Homes", OfstedGrade.Inadequate);
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        using var session = await app.SignInAsync(commissioner);
        var name = Uri.EscapeDataString(stem.ToUpperInvariant());

        Assert.Equal([good.Name, inadequate.Name], Found(await session.OpenAsync($"/providers?name={name}")));
        Assert.Equal([inadequate.Name], Found(await session.OpenAsync($"/providers?name={name}&grade=Inadequate")));
        // A setting graded Inadequate makes the provider amber.
        Assert.Equal([inadequate.Name], Found(await session.OpenAsync($"/providers?name={name}&status=Amber")));
        Assert.Equal([good.Name], Found(await session.OpenAsync($"/providers?name={name}&status=Green")));
        var none = await session.OpenAsync($"/providers?name={name}&status=Red");
        Assert.Empty(Found(none));
        Assert.Contains("No provider matches", none.Text);
    }

    [Fact]
    public async Task Commissioner_SeesTheScorecardOnlyOfProvidersOnItsDps_AndRaisesNoFlags()
    {
        var dps = await app.Data.CreateDpsAsync();
        var stem = TestData.Unique("Airedale");
        var member = await app.Data.Provider().Named($"{stem} Member").ChildrensHome().CreateAsync();
        await app.Data.ApplyAsync(member, dps);
        var stranger = await app.Data.Provider().Named($"{stem} Stranger").CreateAsync();
        using var session = await app.SignInAsync(dps.Commissioner);

        var page = await session.OpenAsync($"/providers?name={Uri.EscapeDataString(stem)}");

        Assert.Equal([member.Name, stranger.Name], Found(page));
        Assert.True(page.HasLinkTo($"/provider-performance/{member.Id}"));
        Assert.False(page.HasLinkTo($"/provider-performance/{stranger.Id}"));
        Assert.True(page.HasLinkTo($"/qa/providers/{stranger.Id}"));
        Assert.False(page.PointsAt("/flags/new"));
        Assert.False(page.PointsAt("/visits/new"));
        // The scorecard it links to opens.
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/provider-performance/{member.Id}")).StatusCode);
    }

    [Fact]
    public async Task ManyProviders_AreShownAPageAtATime()
    {
        var stem = TestData.Unique("Pagedale");
        for (var i = 0; i < PlacementBroker.Web.Api.Paging.WebPageSize + 1; i++)
        {
            await app.Data.Provider().Named($"{stem} {i:00}").CreateAsync();
        }
        var qa = await app.Data.CreateUserAsync(Role.QaOfficer);
        using var session = await app.SignInAsync(qa);

        var first = await session.OpenAsync($"/providers?name={stem}");
        var second = await session.OpenAsync($"/providers?name={stem}&page=2");

        Assert.Equal(PlacementBroker.Web.Api.Paging.WebPageSize, Found(first).Count);
        Assert.Equal([$"{stem} {PlacementBroker.Web.Api.Paging.WebPageSize:00}"], Found(second));
        Assert.Contains($"{PlacementBroker.Web.Api.Paging.WebPageSize + 1} providers match your search", first.Text);
        Assert.True(first.PointsAt("page=2"));
    }

    [Theory]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.PlacementManager)]
    [InlineData(Role.DataProtectionLead)]
    [InlineData(Role.ProviderUser)]
    public async Task OtherRoles_AreRefused(Role role)
    {
        var user = role == Role.ProviderUser ? (await app.Data.CreateProviderAsync()).User : await app.Data.CreateUserAsync(role);
        using var session = await app.SignInAsync(user);

        var response = await session.GetAsync("/providers");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", Location(response));
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var session = new PageSession(app);

        var response = await session.GetAsync("/providers");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in?ReturnUrl=", Location(response));
    }

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;
}
