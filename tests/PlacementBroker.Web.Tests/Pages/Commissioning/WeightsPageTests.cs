using System.Net;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

/// <summary>The lead authority's commissioner sets a DPS's ranking weights on a page.</summary>
public class WeightsPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static Dictionary<string, string> Form(string price) => new()
    {
        ["Input[needs]"] = "1", ["Input[ofstedGrade]"] = "1.5", ["Input[price]"] = price, ["Input[distance]"] = "2", ["Input[qaStatus]"] = "1", ["Input[trackRecord]"] = "0",
    };

    [Fact]
    public async Task Weights_LeadCommissionerSavesThem_TheApiAndTheFormShowThem()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var page = await session.OpenAsync($"/dps/{dps.Id}/weights");
        var saved = await session.PostFormAndOpenAsync($"/dps/{dps.Id}/weights", Form("0.5"));
        using var api = await app.Data.ClientForAsync(dps.Commissioner);
        var weights = await (await api.GetAsync($"/api/dps/{dps.Id}/weights")).ReadJsonAsync(HttpStatusCode.OK);
        var again = await session.OpenAsync($"/dps/{dps.Id}/weights");

        Assert.Contains(page.All("[name='Input[price]']"), price => price.GetAttribute("value") == "1");
        Assert.Contains("The ranking weights are saved", saved.Text);
        Assert.Equal(0.5, weights.GetProperty("price").GetDouble());
        Assert.Equal(1.5, weights.GetProperty("ofstedGrade").GetDouble());
        Assert.Equal(0, weights.GetProperty("trackRecord").GetDouble());
        Assert.NotEmpty(again.All("[value='0.5']"));
    }

    [Fact]
    public async Task Weights_NotANumberOrTooBig_ShowsTheErrorSummaryAndSavesNothing()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var words = PageDocument.Parse(await (await session.PostFormAsync($"/dps/{dps.Id}/weights", Form("lots"))).TextAsync());
        var big = PageDocument.Parse(await (await session.PostFormAsync($"/dps/{dps.Id}/weights", Form("7"))).TextAsync());
        using var api = await app.Data.ClientForAsync(dps.Commissioner);
        var weights = await (await api.GetAsync($"/api/dps/{dps.Id}/weights")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.True(words.HasErrorSummary);
        Assert.Contains(words.ErrorSummary(), e => e.Field == "weight-price" && e.Text.StartsWith("Enter a weight for price from 0 to 3", StringComparison.Ordinal));
        Assert.Contains("A weight is from 0 (not counted) to 3", big.Text);
        Assert.Equal(1, weights.GetProperty("price").GetDouble());
    }

    [Fact]
    public async Task Weights_AParticipatingAuthoritysCommissioner_Is403()
    {
        var participant = await app.Data.CreateLocalAuthorityAsync();
        var dps = await app.Data.CreateDpsAsync(participants: [participant.Id]);
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner, participant.Id);
        using var session = await PageSession.SignedInAsync(app, commissioner.Email, commissioner.Password);

        Assert.StartsWith("/error/403", (await session.GetAsync($"/dps/{dps.Id}/weights")).RedirectTarget());
        Assert.False((await session.OpenAsync($"/dps/{dps.Id}")).PointsAt($"/dps/{dps.Id}/weights"));
    }
}
