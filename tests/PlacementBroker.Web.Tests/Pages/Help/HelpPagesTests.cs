using System.Net;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Pages.Help;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Help;

/// <summary>The user guides of docs/guides, reachable from every page: /help shows the signed-in user's own.</summary>
public class HelpPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/accessibility")]
    [InlineData("/providers/register")]
    public async Task EveryPage_LinksToHelp(string path)
    {
        using var session = new PageSession(app);

        var page = await session.OpenAsync(path);

        Assert.Contains(page.Document.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/help" && a.TextContent.Contains("Help", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_SeesTheListOfGuides()
    {
        using var session = new PageSession(app);

        var page = await session.OpenAsync("/help");

        Assert.Equal("Help", page.Heading());
        foreach (var (key, _) in UserGuides.ByRole)
        {
            Assert.True(page.HasLinkTo($"/help/{key}"), $"no link to the {key} guide");
        }
    }

    [Fact]
    public async Task SignedInProvider_SeesTheProvidersGuide_AndTheHomePageLinksToIt()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        var home = await session.OpenAsync("/");
        var help = await session.OpenAsync(home.Document.QuerySelectorAll("footer a").Single(a => a.GetAttribute("href") == "/help").GetAttribute("href")!);

        Assert.Equal("Guide for providers", help.Heading());
        Assert.Contains("Register your organisation", help.Text);
        Assert.NotEmpty(help.All("main h2.govuk-heading-m"));
        Assert.NotEmpty(help.All("main ul.govuk-list--bullet"));
        // Links to the technical documents keep their words but are not links; none points at a markdown file.
        Assert.False(help.PointsAt(".md"));
    }

    [Fact]
    public async Task QaOfficer_SeesTheQaOfficersGuide_WithItsTable()
    {
        var qa = await app.Data.CreateUserAsync(Role.QaOfficer);
        using var session = await app.SignInAsync(qa);

        var help = await session.OpenAsync("/help");

        Assert.StartsWith("Guide for QA officers", help.Heading(), StringComparison.Ordinal);
        Assert.NotEmpty(help.All("main table.govuk-table th.govuk-table__header"));
    }

    [Fact]
    public async Task GuideLinks_OpenTheOtherGuideHere()
    {
        using var session = new PageSession(app);

        var admin = await session.OpenAsync("/help/platform-admin");

        Assert.True(admin.HasLinkTo("/help/provider"));
        Assert.True(admin.HasLinkTo("/help/data-protection-lead"));
    }

    [Theory]
    [InlineData("/help/nobody")]
    [InlineData("/help/..%2Fapi")]
    public async Task UnknownGuide_IsNotFound(string path)
    {
        using var session = new PageSession(app);

        var response = await session.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Render_HtmlInAGuide_IsShownAsTextNeverRun()
    {
        var guide = UserGuides.Render("provider", "# Title\n\n<script>alert(1)</script>\n\nSee [the API](../api.md) and [them](commissioner.md#dps).", key => $"/help/{key}");

        Assert.DoesNotContain("<script", guide.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("the API", guide.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("api.md", guide.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/help/commissioner#dps\"", guide.Html, StringComparison.Ordinal);
        Assert.Equal("Title", guide.Title);
    }
}
