using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

/// <summary>The sufficiency statement pages: start a draft with GOV.UK date inputs, write the commentary, publish, print.</summary>
public class SufficiencyStatementPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<TestDps> MarketAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        await (await officer.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created);
        return dps;
    }

    private static Dictionary<string, string> Start(string fromDay = "1", string fromMonth = "1", string fromYear = "2026") => new()
    {
        ["Input.PeriodFrom.Day"] = fromDay, ["Input.PeriodFrom.Month"] = fromMonth, ["Input.PeriodFrom.Year"] = fromYear,
        ["Input.PeriodTo.Day"] = "23", ["Input.PeriodTo.Month"] = "11", ["Input.PeriodTo.Year"] = "2026",
        ["Input.Title"] = "",
    };

    private static Dictionary<string, string> Commentary(string intentions) => new()
    {
        ["Input.Title"] = "Placement sufficiency statement 2026",
        ["Input.Introduction"] = "We look after 1,500 children.\r\n\r\nThis statement covers 2026.",
        ["Input.DemandCommentary"] = "", ["Input.SupplyCommentary"] = "", ["Input.OutcomesCommentary"] = "",
        ["Input.PriceCommentary"] = "", ["Input.QualityCommentary"] = "",
        ["Input.CommissioningIntentions"] = intentions,
    };

    [Fact]
    public async Task Statement_StartWritePublishAndPrint()
    {
        var dps = await MarketAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var index = await session.OpenAsync("/sufficiency/statements");
        // The last financial year is offered: 1 April 2025 to 31 March 2026.
        Assert.Equal("2025", index.All("input[name='Input.PeriodFrom.Year']").Single().GetAttribute("value"));
        Assert.Equal("3", index.All("input[name='Input.PeriodTo.Month']").Single().GetAttribute("value"));

        var edit = await session.PostFormAndOpenAsync("/sufficiency/statements", Start());
        Assert.Contains("The draft of Placement sufficiency statement 2026 was started", edit.Text);
        Assert.Contains("1 referrals in the period", edit.Text);
        var id = edit.FromAddress("/sufficiency/statements/([0-9a-f-]{36})/print");

        var refused = PageDocument.Parse(await (await session.PostFormAsync($"/sufficiency/statements/{id}", Commentary(intentions: ""), $"/sufficiency/statements/{id}?handler=Publish")).TextAsync());
        Assert.True(refused.HasErrorSummary);
        Assert.Contains("Write the commissioning intentions before publishing", refused.Text);
        Assert.Contains("We look after 1,500 children.", refused.Text);

        var print = await session.PostFormAndOpenAsync($"/sufficiency/statements/{id}", Commentary("Buy a block of four local places."), $"/sufficiency/statements/{id}?handler=Publish");
        Assert.Contains("Placement sufficiency statement 2026 is published", print.Text);
        Assert.Contains("We look after 1,500 children.", print.All("p.govuk-body").Select(p => PageDocument.VisibleText(p)));
        Assert.Contains("This statement covers 2026.", print.All("p.govuk-body").Select(p => PageDocument.VisibleText(p)));
        Assert.Contains("Buy a block of four local places.", print.All("p.govuk-body").Select(p => PageDocument.VisibleText(p)));
        Assert.Contains("No commentary on supply yet.", print.Text);
        Assert.Contains("Published on 23 November 2026", print.Text);
        Assert.DoesNotContain("Draft: not published", print.PageText);
        Assert.NotEmpty(print.All("[data-chart-table='statement-by-month']"));
        Assert.True(print.PointsAt("/js/print.js"));
        var published = await session.OpenAsync($"/sufficiency/statements/{id}");
        Assert.Contains("A published statement does not change", published.Text);
        Assert.DoesNotContain("Save the draft", published.PageText);
    }

    [Fact]
    public async Task Statement_NotARealDate_ShowsTheErrorSummary()
    {
        var dps = await MarketAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var page = PageDocument.Parse(await (await session.PostFormAsync("/sufficiency/statements", Start(fromDay: "31", fromMonth: "2"))).TextAsync());
        var late = PageDocument.Parse(await (await session.PostFormAsync("/sufficiency/statements", Start(fromYear: "2024"))).TextAsync());

        Assert.True(page.HasErrorSummary);
        Assert.Contains("The first day must be a real date", page.Text);
        Assert.Contains("A statement covers a year at most", late.Text);
        Assert.Contains("No statement yet.", late.Text);
    }

    [Fact]
    public async Task Statement_AnotherAuthoritysCommissioner_GetsNotFound()
    {
        var dps = await MarketAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var edit = await session.PostFormAndOpenAsync("/sufficiency/statements", Start());
        var id = edit.FromAddress("/sufficiency/statements/([0-9a-f-]{36})/print");
        var stranger = await app.Data.CreateUserAsync(Role.Commissioner, (await app.Data.CreateLocalAuthorityAsync()).Id);
        using var strangerSession = await PageSession.SignedInAsync(app, stranger.Email, stranger.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await strangerSession.GetAsync($"/sufficiency/statements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerSession.GetAsync($"/sufficiency/statements/{id}/print")).StatusCode);
        Assert.Contains("No statement yet.", (await strangerSession.OpenAsync("/sufficiency/statements")).Text);
    }
}
