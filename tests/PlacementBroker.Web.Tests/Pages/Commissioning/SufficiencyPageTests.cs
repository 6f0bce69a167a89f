using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

/// <summary>/sufficiency over a small market with known numbers: one referral placed at £5,000 three hours after it went out, one unfilled.</summary>
public class SufficiencyPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<TestDps> SmallMarketAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, grade: OfstedGrade.Outstanding);
        var placedId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var unfilledId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{placedId}/offers", new { vacancyId, weeklyPrice = 5000 }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var placed = await db.Referrals.SingleAsync(r => r.Id == Guid.Parse(placedId));
        var offer = await db.Offers.SingleAsync(o => o.Id == Guid.Parse(offerId));
        // An offer's creation time is set once; the test rewrites the stored one to make the provider answer three hours in.
        db.Entry(offer).Property(o => o.CreatedAt).CurrentValue = placed.PublishedAt!.Value.AddHours(3);
        var unfilled = await db.Referrals.SingleAsync(r => r.Id == Guid.Parse(unfilledId));
        unfilled.Status = ReferralStatus.Unfilled;
        await db.SaveChangesAsync();
        return dps;
    }

    [Fact]
    public async Task Sufficiency_SmallMarket_ShowsItsFiguresExactly()
    {
        var dps = await SmallMarketAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var page = await session.OpenAsync("/sufficiency");

        Assert.Contains("Market sufficiency", page.Text);
        Assert.Equal("2", page.TextOf("[data-measure=referrals]"));
        Assert.Equal("1 (50%)", page.TextOf("[data-measure=placed]"));
        Assert.Equal("1 (50%)", page.TextOf("[data-measure=unfilled]"));
        Assert.Equal("3", page.TextOf("[data-measure=medianHoursToFirstOffer]"));
        Assert.Contains("Lower quartile £5,000, median £5,000, upper quartile £5,000", page.Text);
        Assert.Equal("100%", page.TextOf("[data-measure=goodOrOutstandingPercent]"));
        Assert.Equal("100%", page.TextOf("[data-measure=within20MilesPercent]"));
        Assert.Equal("—", page.TextOf("[data-measure=occupancyPercent]"));
        Assert.NotEmpty(page.All("[data-label='Placed'][data-value^='1']"));
        Assert.NotEmpty(page.All("[data-label='Unfilled'][data-value^='1']"));
        Assert.NotEmpty(page.All("[data-label='Median'][data-value^='5000']"));
        Assert.NotEmpty(page.All("canvas[data-chart=line][data-chart-table=demand-by-month]"));
        Assert.True(page.PointsAt("/lib/chart.umd.min.js"));
        Assert.Contains(page.Rows("Emotional and behavioural"), row => row.Take(4).SequenceEqual(["Emotional and behavioural", "2", "1", "50%"]));
        Assert.Contains(page.Links(), link => link.Href.StartsWith("/sufficiency?handler=Csv&", StringComparison.Ordinal));
        Assert.True(page.HasLinkTo("/sufficiency"));
    }

    [Fact]
    public async Task Sufficiency_Csv_DownloadsTheFiguresForTheSameFilters()
    {
        var dps = await SmallMarketAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var response = await session.GetAsync($"/sufficiency?handler=Csv&lotId={dps.LotId}&from=2026-01-01&to=2026-12-31&scope=authority");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("sufficiency-2026-01-01-to-2026-12-31.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.StartsWith("section,measure,label,value\n", csv.TrimStart('\uFEFF'));
        Assert.Contains("period,from,From,2026-01-01\n", csv);
        Assert.Contains("demand,referrals,Referrals,2\n", csv);
        Assert.Contains("outcomes,placed,Placed,1\n", csv);
        Assert.Contains("outcomes,unfilled,Unfilled,1\n", csv);
        Assert.Contains("outcomes,medianHoursToFirstOffer,Median hours to first offer,3\n", csv);
        Assert.Contains("price,acceptedWeeklyPrice.median,\"Accepted weekly price, median\",5000\n", csv);
        Assert.Contains("unmetNeeds,EmotionalBehavioural,Emotional and behavioural,1/2\n", csv);
        Assert.Contains("price,benchmark,Lot benchmark,5200\n", csv);
    }

    [Fact]
    public async Task Sufficiency_FiltersInTheUrl_ChangeTheFigures()
    {
        var dps = await SmallMarketAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var before = await session.OpenAsync("/sufficiency?from=2020-01-01&to=2020-12-31");
        var lot = await session.OpenAsync($"/sufficiency?lotId={dps.LotId}&scope=authority");

        Assert.Equal("0", before.TextOf("[data-measure=referrals]"));
        Assert.Equal("0 (0%)", before.TextOf("[data-measure=placed]"));
        // An address with from and to as YYYY-MM-DD fills the form's GOV.UK date inputs.
        Assert.Equal("2020", before.All("input[name='fromYear']").Single().GetAttribute("value"));
        Assert.Equal("31", before.All("input[name='toDay']").Single().GetAttribute("value"));
        Assert.Equal("2", lot.TextOf("[data-measure=referrals]"));
        Assert.True(lot.IsChosen($"{dps.LotId}"));
        Assert.Contains("Lot benchmark", lot.Text);
        Assert.Contains("£5,200", lot.Text);
    }

    [Fact]
    public async Task Sufficiency_TheFormsDateInputs_FilterTheFiguresAndExplainWhatIsWrong()
    {
        var dps = await SmallMarketAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var november = await session.OpenAsync("/sufficiency?fromDay=1&fromMonth=11&fromYear=2026&toDay=30&toMonth=11&toYear=2026&scope=authority");
        var lastYear = await session.OpenAsync("/sufficiency?fromDay=1&fromMonth=1&fromYear=2025&toDay=31&toMonth=12&toYear=2025");
        var wrong = await session.OpenAsync("/sufficiency?fromDay=31&fromMonth=2&fromYear=2026&toDay=&toMonth=12&toYear=2026");

        Assert.Equal("2", november.TextOf("[data-measure=referrals]"));
        Assert.True(november.PointsAt("handler=Csv&from=2026-11-01&to=2026-11-30"));
        Assert.Equal("0", lastYear.TextOf("[data-measure=referrals]"));
        Assert.True(wrong.HasErrorSummary);
        Assert.Contains("The start date must be a real date", wrong.Text);
        Assert.Contains("The end date must include a day", wrong.Text);
    }

    [Fact]
    public async Task Sufficiency_PlacingOfficer_GetsThe403Page()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await PageSession.SignedInAsync(app, officer.Email, officer.Password);

        var response = await session.GetAsync("/sufficiency");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET /sufficiency: {(int)response.StatusCode}");
        Assert.StartsWith("/error/403", response.RedirectTarget());
    }

    [Fact]
    public async Task Sufficiency_WholeDpsForAParticipant_OrABadLotOrDate_ShowsTheErrorSummary()
    {
        var participant = await app.Data.CreateLocalAuthorityAsync();
        await app.Data.CreateDpsAsync(participants: [participant.Id]);
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner, participant.Id);
        using var session = await PageSession.SignedInAsync(app, commissioner.Email, commissioner.Password);

        var dps = await session.OpenAsync("/sufficiency?scope=dps");
        var lot = await session.OpenAsync($"/sufficiency?lotId={Guid.NewGuid()}");
        var date = await session.OpenAsync("/sufficiency?from=yesterday");
        var mine = await session.OpenAsync("/sufficiency");

        Assert.True(dps.HasErrorSummary);
        Assert.Contains("Only a lead authority can see its whole DPS", dps.Text);
        Assert.True(lot.HasErrorSummary);
        Assert.Contains("Select a lot of a DPS your authority uses", lot.Text);
        Assert.True(date.HasErrorSummary);
        Assert.Contains("'yesterday' is not a date: use YYYY-MM-DD", date.Text);
        Assert.False(mine.HasErrorSummary);
        Assert.Equal("0", mine.TextOf("[data-measure=referrals]"));
    }

    [Fact]
    public async Task Sufficiency_WholeDps_ShowsAProviderChargingTwoAuthoritiesDifferently()
    {
        var (dps, _) = await PriceDisparityMarket.CreateAsync(app);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var whole = await session.OpenAsync("/sufficiency?scope=dps");
        var own = await session.OpenAsync("/sufficiency");

        Assert.NotEmpty(whole.All("[id='price-disparities']"));
        // The contents list links to headings: no heading may share its id with a table, or the link goes astray.
        var ids = whole.All("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(whole.All(".app-contents__list a"), a => Assert.Equal("H2", whole.All(a.GetAttribute("href")!).Single().TagName));
        Assert.Contains("Spread 25%", whole.Text);
        Assert.Contains("£4,000", whole.Text);
        Assert.Contains("£5,000", whole.Text);
        Assert.DoesNotContain("Price disparities", own.PageText);
        Assert.Contains("Market sufficiency", own.Text);
    }
}
