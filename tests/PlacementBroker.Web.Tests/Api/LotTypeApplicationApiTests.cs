using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// A provider applies only to the lots of the placements its type makes: the API refuses any other lot with a 422
/// naming the lot, as the DPS pages offer no others; the right type still applies.
/// </summary>
public class LotTypeApplicationApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static object Answers(Guid providerId, bool draft = false) =>
        new { providerId, answers = new Dictionary<string, object> { ["insurance"] = "Yes", ["safeguarding"] = true }, draft };

    private async Task<int> ApplicationsAsync(Guid providerId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().LotApplications.CountAsync(a => a.ProviderId == providerId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Apply_FosteringAgencyToAChildrensHomesLot_Is422NamingTheLot_AndNothingIsSaved(bool draft)
    {
        var dps = await app.Data.CreateDpsAsync(lotType: PlacementType.ResidentialCare);
        var agency = await app.Data.CreateProviderAsync(ProviderType.IndependentFosteringAgency);
        using var client = await app.Data.ClientForAsync(agency.User);

        var response = await client.PostAsJsonAsync($"/api/lots/{dps.LotId}/applications", Answers(agency.Id, draft));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var message = problem.GetProperty("errors").GetProperty("lotId")[0].GetString()!;
        Assert.Equal("This lot is for residential children's home placements, which your organisation (independent fostering agency) does not provide. "
            + "Apply to a lot for standard fostering, specialist or complex fostering or parent and child placements.", message);
        Assert.Equal(0, await ApplicationsAsync(agency.Id));
    }

    [Fact]
    public async Task Apply_ChildrensHomeToAFosteringLot_Is422_WhileTheFosteringAgencyIsAccepted()
    {
        var dps = await app.Data.CreateDpsAsync(lotType: PlacementType.StandardFostering);
        var home = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        var agency = await app.Data.CreateProviderAsync(ProviderType.IndependentFosteringAgency);
        using var homeClient = await app.Data.ClientForAsync(home.User);
        using var agencyClient = await app.Data.ClientForAsync(agency.User);

        var refused = await homeClient.PostAsJsonAsync($"/api/lots/{dps.LotId}/applications", Answers(home.Id));
        var accepted = await agencyClient.PostAsJsonAsync($"/api/lots/{dps.LotId}/applications", Answers(agency.Id));

        var problem = await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Apply to a lot for residential children's home placements.", problem.GetProperty("errors").GetProperty("lotId")[0].GetString());
        Assert.Equal("Submitted", (await accepted.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task DpsPage_ApplyPostedForALotOfAnotherType_IsRefusedInPlainWords()
    {
        var dps = await app.Data.CreateDpsAsync(lotType: PlacementType.SupportedAccommodation);
        var agency = await app.Data.CreateProviderAsync(ProviderType.IndependentFosteringAgency);
        using var session = await app.SignInAsync(agency.User);

        var response = await session.PostFormAsync("/provider/dps", new() { ["lotId"] = dps.LotId.ToString() }, "/provider/dps?handler=Apply");

        var page = await response.PageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(page.Errors(), e => e.StartsWith("This lot is for supported accommodation (16 and over) placements", StringComparison.Ordinal));
        Assert.Equal(0, await ApplicationsAsync(agency.Id));
    }
}
