using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Placements;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Contracts;

/// <summary>
/// The contract's fee-uplift routes over a market whose every price is known. Pennine has two children placed at £4,200
/// a week (one by the lead council, one by a participating council) and a block contract of 2 places at £3,500 each;
/// Oakfield a child at £3,500; Moorside a child at £2,800. The round's prices start on 15 December: Pennine's 5% is
/// accepted, Oakfield's 6% part-accepted at 3.5%, Moorside's 8% refused. December's invoices then charge 14 days at the
/// old price and 17 at the new one, to the penny.
/// </summary>
public abstract class UpliftApiTests(PlacementBrokerApp app)
{
    private sealed record Provider(TestProvider Who, HttpClient Client, string Placement);

    private sealed record Market(
        TestDps Dps, HttpClient Lead, HttpClient Participant, HttpClient LeadOfficer, HttpClient ParticipantOfficer, Provider Pennine, Provider Oakfield,
        Provider Moorside, string PennineElsewhere, string Block);

    private async Task<T> InDbAsync<T>(Func<PlacementBrokerDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }

    private async Task<Market> MarketAsync()
    {
        var participantCommissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        var participantLa = participantCommissioner.LocalAuthorityId!.Value;
        var dps = await app.Data.CreateDpsAsync(participants: [participantLa]);
        var leadOfficer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        var participantOfficer = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacingOfficer, participantLa));

        var pennine = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(pennine, dps);
        var pennineHome = await app.Data.CreateSettingAsync(pennine);
        var pennineVacancy = await app.Data.CreateVacancyAsync(pennine, pennineHome, dps.LotId, 4200m, places: 2);
        var penninePlacement = await app.Data.Placement(leadOfficer, dps.LotId).With(pennine, pennineVacancy).At(4200m).PlaceAsync();
        var pennineElsewhere = await app.Data.Placement(participantOfficer, dps.LotId).With(pennine, pennineVacancy).At(4200m).PlaceAsync();
        var (oakfield, oakfieldVacancy) = await app.Data.FittingProviderAsync(dps, 3500m);
        var oakfieldPlacement = await app.Data.Placement(leadOfficer, dps.LotId).With(oakfield, oakfieldVacancy).At(3500m).PlaceAsync();
        var (moorside, moorsideVacancy) = await app.Data.FittingProviderAsync(dps, 2800m);
        var moorsidePlacement = await app.Data.Placement(leadOfficer, dps.LotId).With(moorside, moorsideVacancy).At(2800m).PlaceAsync();

        var lead = await app.Data.ClientForAsync(dps.Commissioner);
        var block = (await (await lead.PostAsJsonAsync("/api/block-contracts", new
        {
            providerId = pennine.Id, lotId = dps.LotId, places = 2, weeklyPricePerPlace = 3500m, startDate = "2026-04-01", endDate = "2027-03-31",
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        return new Market(dps, lead, await app.Data.ClientForAsync(participantCommissioner), leadOfficer, participantOfficer,
            new(pennine, await app.Data.ClientForAsync(pennine.User), penninePlacement),
            new(oakfield, await app.Data.ClientForAsync(oakfield.User), oakfieldPlacement),
            new(moorside, await app.Data.ClientForAsync(moorside.User), moorsidePlacement),
            pennineElsewhere, block);
    }

    private static object RoundBody(string effectiveFrom = "2026-12-15", string closesOn = "2026-12-10") => new
    {
        name = "2026 fee uplift", opensOn = "2026-11-23", closesOn, effectiveFrom, guidancePercent = 3.5m,
        guidance = "CPI at 3.8% and the National Living Wage up 6.7%: we expect most uplifts near 3.5%.",
    };

    private static object RequestBody(Provider provider, decimal percent) => new
    {
        providerId = provider.Who.Id, requestedPercent = percent,
        costBreakdown = new[]
        {
            new { category = "Staffing", lastYear = 820000m, nextYear = 874940m },
            new { category = "Premises", lastYear = 96000m, nextYear = 99000m },
            new { category = "ManagementAndOverheads", lastYear = 120000m, nextYear = 123600m },
        },
        justification = "Care staff pay follows the National Living Wage, which rises by 6.7% in April.",
    };

    private static async Task<Guid> OpenRoundAsync(Market m, object? body = null) =>
        (await (await m.Lead.PostAsJsonAsync($"/api/dps/{m.Dps.Id}/uplift-rounds", body ?? RoundBody())).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<Guid> RequestAsync(Guid round, Provider provider, decimal percent) =>
        (await (await provider.Client.PostAsJsonAsync($"/api/uplift-rounds/{round}/requests", RequestBody(provider, percent))).ReadJsonAsync(HttpStatusCode.Created))
        .GetProperty("id").GetGuid();

    private static async Task<JsonElement> DecideAsync(HttpClient who, Guid request, object body) =>
        await (await who.PostAsJsonAsync($"/api/uplift-requests/{request}/decision", body)).ReadJsonAsync(HttpStatusCode.OK);

    private static JsonElement InvoiceOf(JsonElement run, Provider provider) =>
        run.GetProperty("invoices").EnumerateArray().Single(i => i.GetProperty("providerId").GetGuid() == provider.Who.Id);

    [Fact]
    public async Task Round_OneAcceptedOnePartAcceptedOneRefused_RepricesInScope_AndDecemberIsBilledOldThenNewToThePenny()
    {
        var m = await MarketAsync();
        var round = await OpenRoundAsync(m);
        var pennine = await RequestAsync(round, m.Pennine, 5m);
        var oakfield = await RequestAsync(round, m.Oakfield, 6m);
        var moorside = await RequestAsync(round, m.Moorside, 8m);

        var accepted = await DecideAsync(m.Lead, pennine, new { decision = "Accept", reason = "Costs evidenced; prices sit at the median" });
        var part = await DecideAsync(m.Lead, oakfield, new { decision = "PartAccept", agreedPercent = 3.5m, reason = "In line with the guidance" });
        var refused = await DecideAsync(m.Lead, moorside, new { decision = "Refuse", reason = "Prices already above the upper quartile" });

        // Pennine: both children (each council's) and the block contract; Oakfield its one child; Moorside nothing.
        Assert.Equal(("Accepted", 3), (accepted.GetProperty("status").GetString(), accepted.GetProperty("priceChanges").GetInt32()));
        Assert.Equal(("PartAccepted", 1), (part.GetProperty("status").GetString(), part.GetProperty("priceChanges").GetInt32()));
        Assert.Equal(("Refused", 0), (refused.GetProperty("status").GetString(), refused.GetProperty("priceChanges").GetInt32()));

        var variations = await (await m.LeadOfficer.GetAsync($"/api/placements/{m.Pennine.Placement}/variations")).ReadJsonAsync(HttpStatusCode.OK);
        var variation = Assert.Single(variations.EnumerateArray());
        Assert.Equal("2026-12-15", variation.GetProperty("date").GetString());
        Assert.Equal("PriceChange", variation.GetProperty("kind").GetString());
        Assert.Equal(4200m, variation.GetProperty("weeklyPriceBefore").GetDecimal());
        Assert.Equal(4410m, variation.GetProperty("weeklyPriceAfter").GetDecimal());
        Assert.Contains("2026 fee uplift", variation.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.String, variation.GetProperty("agreedBy").ValueKind);
        // The participating council's child with Pennine is re-priced too, and its officer and the provider read the variation.
        var elsewhere = await (await m.ParticipantOfficer.GetAsync($"/api/placements/{m.PennineElsewhere}/variations")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(4410m, Assert.Single(elsewhere.EnumerateArray()).GetProperty("weeklyPriceAfter").GetDecimal());
        Assert.Equal(1, (await (await m.Pennine.Client.GetAsync($"/api/placements/{m.Pennine.Placement}/variations")).ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(3622.50m, (await (await m.LeadOfficer.GetAsync($"/api/placements/{m.Oakfield.Placement}/variations")).ReadJsonAsync(HttpStatusCode.OK))[0]
            .GetProperty("weeklyPriceAfter").GetDecimal());
        Assert.Equal(0, (await (await m.LeadOfficer.GetAsync($"/api/placements/{m.Moorside.Placement}/variations")).ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength());
        var block = await (await m.Lead.GetAsync($"/api/block-contracts/{m.Block}")).ReadJsonAsync(HttpStatusCode.OK);
        var blockVariation = Assert.Single(block.GetProperty("variations").EnumerateArray());
        Assert.Equal((3500m, 3675m), (blockVariation.GetProperty("weeklyPricePerPlaceBefore").GetDecimal(), blockVariation.GetProperty("weeklyPricePerPlaceAfter").GetDecimal()));

        var run = await (await m.Lead.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);

        var pennineInvoice = InvoiceOf(run, m.Pennine);
        var lines = pennineInvoice.GetProperty("lines").EnumerateArray().ToList();
        // 14 days at £600 a day, then 17 at £630.
        Assert.Equal(19110m, lines.Single(l => l.GetProperty("placementId").GetString() == m.Pennine.Placement).GetProperty("amount").GetDecimal());
        // Two places: 14 days at £1,000 a day, then 17 at £1,050.
        Assert.Equal(31850m, lines.Single(l => l.GetProperty("blockContractId").GetString() == m.Block).GetProperty("amount").GetDecimal());
        Assert.Equal(50960m, pennineInvoice.GetProperty("total").GetDecimal());
        // 14 days at £500, then 17 at £517.50.
        Assert.Equal(15797.50m, InvoiceOf(run, m.Oakfield).GetProperty("total").GetDecimal());
        Assert.Equal(12400m, InvoiceOf(run, m.Moorside).GetProperty("total").GetDecimal());

        // The round's cost: each provider's year of spend before and after, and the uplift agreed weighted by spend.
        var view = await (await m.Lead.GetAsync($"/api/uplift-rounds/{round}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Open", view.GetProperty("status").GetString());
        Assert.Equal(1128400m, view.GetProperty("annualSpendBefore").GetDecimal());
        Assert.Equal(1174810m, view.GetProperty("annualSpendAfter").GetDecimal());
        Assert.Equal(4.11m, view.GetProperty("weightedAverageAgreedPercent").GetDecimal());
        var requests = view.GetProperty("requests").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetGuid());
        Assert.Equal(3, requests.Count);
        Assert.Equal((5m, "Accepted", 5m), (requests[pennine].GetProperty("requestedPercent").GetDecimal(), requests[pennine].GetProperty("status").GetString(),
            requests[pennine].GetProperty("agreedPercent").GetDecimal()));
        Assert.Equal(3.5m, requests[oakfield].GetProperty("agreedPercent").GetDecimal());
        Assert.Equal(0m, requests[moorside].GetProperty("agreedPercent").GetDecimal());
        Assert.Equal(m.Moorside.Who.Id, requests[moorside].GetProperty("providerId").GetGuid());
        var lot = Assert.Single(view.GetProperty("lots").EnumerateArray());
        Assert.Equal((3, 3), (lot.GetProperty("requestsReceived").GetInt32(), lot.GetProperty("requestsDecided").GetInt32()));

        // The provider is told the decision and the reason.
        var told = await InDbAsync(db => db.OutboxEmails.Where(e => e.To == db.Providers.Where(p => p.Id == m.Moorside.Who.Id).Select(p => p.ContactEmail).Single())
            .Select(e => new { e.Subject, e.Body }).ToListAsync());
        Assert.Contains(told, e => e.Subject.StartsWith("Uplift request refused") && e.Body.Contains("Prices already above the upper quartile"));
        Assert.Contains(told, e => e.Subject.StartsWith("Fee uplift round"));
    }

    [Fact]
    public async Task Round_AnotherCouncilSeesNothing_ParticipantsReadButDoNotDecide_ProvidersSeeOnlyTheirOwn()
    {
        var m = await MarketAsync();
        using var stranger = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.Commissioner));
        using var outsider = await app.Data.ClientForAsync((await app.Data.CreateProviderAsync()).User);
        var round = await OpenRoundAsync(m);
        var pennine = await RequestAsync(round, m.Pennine, 5m);
        await (await m.Oakfield.Client.PutAsJsonAsync($"/api/uplift-rounds/{round}/requests", new { requestedPercent = 4m })).ReadJsonAsync(HttpStatusCode.OK);
        var draftId = (await (await m.Oakfield.Client.GetAsync($"/api/uplift-rounds/{round}/my-request")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetGuid();

        await (await stranger.GetAsync($"/api/uplift-rounds/{round}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/dps/{m.Dps.Id}/uplift-rounds")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await stranger.GetAsync("/api/uplift-rounds")).ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength());
        await (await stranger.GetAsync($"/api/uplift-requests/{pennine}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"/api/uplift-requests/{pennine}/decision", new { decision = "Refuse", reason = "Not ours" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"/api/dps/{m.Dps.Id}/uplift-rounds", RoundBody())).AssertProblemAsync(HttpStatusCode.NotFound);

        // The participating council reads the round (its placements are re-priced by it) but only the lead decides.
        var seen = await (await m.Participant.GetAsync($"/api/uplift-rounds/{round}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(seen.GetProperty("lead").GetBoolean());
        await (await m.Participant.PostAsJsonAsync($"/api/uplift-requests/{pennine}/decision", new { decision = "Accept", reason = "Fine" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await m.Participant.PostAsJsonAsync($"/api/dps/{m.Dps.Id}/uplift-rounds", RoundBody())).AssertProblemAsync(HttpStatusCode.Forbidden);

        // A draft is the provider's own until it is submitted.
        Assert.Single(seen.GetProperty("requests").EnumerateArray());
        await (await m.Lead.GetAsync($"/api/uplift-requests/{draftId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Lead.PostAsJsonAsync($"/api/uplift-requests/{draftId}/decision", new { decision = "Accept", reason = "Early" })).AssertProblemAsync(HttpStatusCode.NotFound);
        // Providers: their own request only, never another's; a provider off the DPS finds no round.
        await (await m.Oakfield.Client.GetAsync($"/api/uplift-requests/{pennine}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var own = await (await m.Pennine.Client.GetAsync($"/api/uplift-requests/{pennine}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, own.GetProperty("benchmarks").ValueKind);
        await (await outsider.GetAsync($"/api/uplift-rounds/{round}/my-request")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostAsJsonAsync($"/api/uplift-rounds/{round}/requests", RequestBody(m.Pennine, 4m))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Oakfield.Client.PostAsJsonAsync($"/api/uplift-rounds/{round}/requests", RequestBody(m.Pennine, 4m))).AssertProblemAsync(HttpStatusCode.Forbidden);
        var rounds = await (await m.Pennine.Client.GetAsync("/api/provider/uplift-rounds")).ReadJsonAsync(HttpStatusCode.OK);
        var mine = Assert.Single(rounds.EnumerateArray(), r => r.GetProperty("id").GetGuid() == round);
        Assert.Equal(pennine, mine.GetProperty("myRequestId").GetGuid());
        Assert.Equal(0, mine.GetProperty("requestsReceived").GetInt32());
        Assert.DoesNotContain(rounds.EnumerateArray(), r => r.GetProperty("id").GetGuid() == round && r.GetRawText().Contains(m.Oakfield.Who.Id.ToString()));

        // The commissioners' view of a request carries its benchmark context.
        var request = await (await m.Lead.GetAsync($"/api/uplift-requests/{pennine}")).ReadJsonAsync(HttpStatusCode.OK);
        var benchmarks = request.GetProperty("benchmarks");
        // A council sees its own placements one by one; the other council's only in each council's price summary and the totals.
        Assert.Equal(m.Pennine.Placement, Assert.Single(benchmarks.GetProperty("prices").EnumerateArray()).GetProperty("placementId").GetString());
        Assert.Equal(2, benchmarks.GetProperty("councils").GetArrayLength());
        Assert.Equal("Green", benchmarks.GetProperty("qaStatus").GetString());
        Assert.True(request.GetProperty("canDecide").GetBoolean());
        Assert.Equal(3, request.GetProperty("costBreakdown").GetArrayLength());
        Assert.Equal(2, request.GetProperty("inScope").GetArrayLength());
        Assert.DoesNotContain(m.PennineElsewhere, request.GetRawText());
        Assert.Equal(800800m, request.GetProperty("annualSpendBefore").GetDecimal());
        var participants = await (await m.Participant.GetAsync($"/api/uplift-requests/{pennine}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(m.PennineElsewhere, Assert.Single(participants.GetProperty("inScope").EnumerateArray()).GetProperty("placementId").GetString());
        Assert.DoesNotContain(m.Pennine.Placement, participants.GetRawText());
        Assert.DoesNotContain(m.Block, participants.GetRawText());
        Assert.False(participants.GetProperty("canDecide").GetBoolean());
    }

    [Fact]
    public async Task Requests_OutsideTheWindow_Twice_Incomplete_OrWithNothingInScope_AreRefused()
    {
        var m = await MarketAsync();
        var round = await OpenRoundAsync(m);

        await (await m.Pennine.Client.PostAsJsonAsync($"/api/uplift-rounds/{round}/requests", new { providerId = m.Pennine.Who.Id }))
            .AssertValidationProblemAsync("requestedPercent", "costBreakdown", "justification");
        await (await m.Pennine.Client.PostAsJsonAsync($"/api/uplift-rounds/{round}/requests", new
        {
            providerId = m.Pennine.Who.Id, requestedPercent = 120m, justification = "x",
            costBreakdown = new object[] { new { category = "Staffing", lastYear = -1m, nextYear = 10m }, new { category = "Staffing", lastYear = 1m, nextYear = 2m } },
        })).AssertValidationProblemAsync("requestedPercent", "costBreakdown[0].lastYear", "costBreakdown[1].category");
        await (await m.Pennine.Client.PostAsJsonAsync($"/api/uplift-rounds/{round}/requests", new { providerId = m.Pennine.Who.Id, requestedPercent = 3m, costBreakdown = new[] { new { category = "Rent", lastYear = 1m, nextYear = 2m } }, justification = "x" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await RequestAsync(round, m.Pennine, 5m);
        await (await m.Pennine.Client.PostAsJsonAsync($"/api/uplift-rounds/{round}/requests", RequestBody(m.Pennine, 6m))).AssertProblemAsync(HttpStatusCode.Conflict);

        // A provider on the DPS with nothing the round re-prices has nothing to uplift.
        var (idle, _) = await app.Data.FittingProviderAsync(m.Dps);
        using var idleClient = await app.Data.ClientForAsync(idle.User);
        await (await idleClient.PostAsJsonAsync($"/api/uplift-rounds/{round}/requests", RequestBody(new Provider(idle, idleClient, ""), 5m)))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        // A round not open yet takes drafts, not requests.
        var later = await OpenRoundAsync(m, new { name = "Next year", opensOn = "2027-01-10", closesOn = "2027-02-10", effectiveFrom = "2027-12-20" });
        await (await m.Oakfield.Client.PostAsJsonAsync($"/api/uplift-rounds/{later}/requests", RequestBody(m.Oakfield, 4m))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await m.Oakfield.Client.PutAsJsonAsync($"/api/uplift-rounds/{later}/requests", new { requestedPercent = 4m })).ReadJsonAsync(HttpStatusCode.OK);
        await (await m.Oakfield.Client.PutAsJsonAsync($"/api/uplift-rounds/{later}/requests", RequestBody(m.Oakfield, 4m))).ReadJsonAsync(HttpStatusCode.OK);
        // A second save replaces the breakdown: a heading left out goes, one changed keeps its new figures.
        var saved = await (await m.Oakfield.Client.PutAsJsonAsync($"/api/uplift-rounds/{later}/requests", new
        {
            costBreakdown = new[] { new { category = "Staffing", lastYear = 820000m, nextYear = 860000m }, new { category = "Therapy", lastYear = 40000m, nextYear = 42000m } },
        })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Staffing:860000", "Therapy:42000"],
            saved.GetProperty("costBreakdown").EnumerateArray().Select(c => $"{c.GetProperty("category").GetString()}:{c.GetProperty("nextYear").GetDecimal():0}"));
        Assert.Equal(4m, saved.GetProperty("requestedPercent").GetDecimal());

        // The window closes: a late request is refused, and nothing is written.
        await InDbAsync(db => db.UpliftRounds.Where(r => r.Id == round).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosesOn, new DateOnly(2026, 11, 22))));
        var late = await (await m.Oakfield.Client.PostAsJsonAsync($"/api/uplift-rounds/{round}/requests", RequestBody(m.Oakfield, 4m)))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("closed", late.GetProperty("detail").GetString());
        Assert.False(await InDbAsync(db => db.UpliftRequests.AnyAsync(r => r.UpliftRoundId == round && r.ProviderId == m.Oakfield.Who.Id)));

        // Rounds: a window that closes before it opens, or one that overlaps another round on the same lots.
        await (await m.Lead.PostAsJsonAsync($"/api/dps/{m.Dps.Id}/uplift-rounds", new { name = "Backwards", opensOn = "2027-03-10", closesOn = "2027-03-01", effectiveFrom = "2027-04-01" }))
            .AssertValidationProblemAsync("closesOn");
        await (await m.Lead.PostAsJsonAsync($"/api/dps/{m.Dps.Id}/uplift-rounds", new { name = "Twice", opensOn = "2027-01-20", closesOn = "2027-03-01", effectiveFrom = "2027-04-01" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        // Windows apart, but prices up twice within a year.
        await (await m.Lead.PostAsJsonAsync($"/api/dps/{m.Dps.Id}/uplift-rounds", new { name = "Again", opensOn = "2027-06-01", closesOn = "2027-06-30", effectiveFrom = "2027-07-01" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await m.Lead.PostAsJsonAsync($"/api/dps/{m.Dps.Id}/uplift-rounds", new { name = "Ancient", opensOn = "2027-06-01", closesOn = "2027-06-30", effectiveFrom = "0001-01-01" }))
            .AssertValidationProblemAsync("effectiveFrom");
        await (await m.Lead.PostAsJsonAsync($"/api/dps/{m.Dps.Id}/uplift-rounds", new { name = "Elsewhere", opensOn = "2027-06-01", closesOn = "2027-06-30", effectiveFrom = "2027-07-01", lotIds = new[] { Guid.NewGuid() } }))
            .AssertValidationProblemAsync("lotIds");
    }

    [Fact]
    public async Task Decision_AfterDecemberIsBilled_RepricesFromJanuary_AndDecemberIsNeverRewritten()
    {
        var m = await MarketAsync();
        var round = await OpenRoundAsync(m);
        var pennine = await RequestAsync(round, m.Pennine, 5m);
        var december = await (await m.Lead.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(18600m + 31000m, InvoiceOf(december, m.Pennine).GetProperty("total").GetDecimal());

        await (await m.Lead.PostAsJsonAsync($"/api/uplift-requests/{pennine}/decision", new { decision = "PartAccept", reason = "x" })).AssertValidationProblemAsync("agreedPercent");
        await (await m.Lead.PostAsJsonAsync($"/api/uplift-requests/{pennine}/decision", new { decision = "PartAccept", agreedPercent = 5m, reason = "x" })).AssertValidationProblemAsync("agreedPercent");
        await (await m.Lead.PostAsJsonAsync($"/api/uplift-requests/{pennine}/decision", new { decision = "Accept" })).AssertValidationProblemAsync("reason");
        var decided = await DecideAsync(m.Lead, pennine, new { decision = "Accept", reason = "Evidenced" });
        Assert.Equal(3, decided.GetProperty("priceChanges").GetInt32());

        // The lead council billed December, so its child and block are re-priced from 1 January; the participating council
        // has billed nothing, so its child's new price starts on the effective date.
        var lead = Assert.Single((await (await m.LeadOfficer.GetAsync($"/api/placements/{m.Pennine.Placement}/variations")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("2027-01-01", lead.GetProperty("date").GetString());
        var elsewhere = Assert.Single((await (await m.ParticipantOfficer.GetAsync($"/api/placements/{m.PennineElsewhere}/variations")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("2026-12-15", elsewhere.GetProperty("date").GetString());

        var january = await (await m.Lead.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2027-01-01", periodEnd = "2027-01-31" })).ReadJsonAsync(HttpStatusCode.Created);
        var lines = InvoiceOf(january, m.Pennine).GetProperty("lines").EnumerateArray().ToList();
        // 31 days at £630, and 31 days of two places at £525: no adjustment to December.
        Assert.Equal(2, lines.Count);
        Assert.Equal(19530m + 32550m, InvoiceOf(january, m.Pennine).GetProperty("total").GetDecimal());
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("adjustsPeriodStart").ValueKind));

        await (await m.Lead.PostAsJsonAsync($"/api/uplift-requests/{pennine}/decision", new { decision = "Refuse", reason = "Changed our mind" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Decision_OnADayWithAPriceTheManagerAgreed_RaisesThatPrice_AndALongReasonIsKept()
    {
        var m = await MarketAsync();
        using var manager = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, m.Dps.Commissioner.LocalAuthorityId));
        await (await manager.PostAsJsonAsync($"/api/placements/{m.Oakfield.Placement}/price-changes", new { weeklyPrice = 4000m, effectiveFrom = "2026-12-15", reason = "Extra night staff" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var round = await OpenRoundAsync(m);
        var oakfield = await RequestAsync(round, m.Oakfield, 5m);

        var decided = await DecideAsync(m.Lead, oakfield, new { decision = "Accept", reason = new string('r', 3990) });

        Assert.Equal(1, decided.GetProperty("priceChanges").GetInt32());
        var variations = await (await m.LeadOfficer.GetAsync($"/api/placements/{m.Oakfield.Placement}/variations")).ReadJsonAsync(HttpStatusCode.OK);
        // £4,000 agreed from 15 December, then 5% on it: £4,200, not 5% on the £3,500 before.
        var uplift = variations.EnumerateArray().Last();
        Assert.Equal((4000m, 4200m), (uplift.GetProperty("weeklyPriceBefore").GetDecimal(), uplift.GetProperty("weeklyPriceAfter").GetDecimal()));
        var run = await (await m.Lead.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);
        // 14 days at £500, 17 at £600.
        Assert.Equal(7000m + 10200m, InvoiceOf(run, m.Oakfield).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Decision_TwoCommissionersAtOnce_OneWins_AndPricesChangeOnce()
    {
        var m = await MarketAsync();
        var round = await OpenRoundAsync(m);
        var oakfield = await RequestAsync(round, m.Oakfield, 6m);
        using var colleague = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.Commissioner, m.Dps.Commissioner.LocalAuthorityId));

        var answers = await Task.WhenAll(
            m.Lead.PostAsJsonAsync($"/api/uplift-requests/{oakfield}/decision", new { decision = "Accept", reason = "Evidenced" }),
            colleague.PostAsJsonAsync($"/api/uplift-requests/{oakfield}/decision", new { decision = "PartAccept", agreedPercent = 2m, reason = "Guidance" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var placement = Guid.Parse(m.Oakfield.Placement);
        Assert.Equal(1, await InDbAsync(db => db.PlacementVariations.CountAsync(v => v.PlacementId == placement)));
        Assert.Equal(2, await InDbAsync(db => db.PlacementPriceChanges.CountAsync(c => c.PlacementId == placement)));
    }

    [Fact]
    public async Task BlockContract_VariedFromADate_BillsEachDayOnItsTerms_NeverFewerPlacesThanFilled_NeverIntoABilledPeriod()
    {
        var m = await MarketAsync();
        using var stranger = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.Commissioner));

        await (await m.Lead.PostAsJsonAsync($"/api/block-contracts/{m.Block}/variations", new { effectiveFrom = "2026-12-11", reason = "x" })).AssertValidationProblemAsync("places");
        await (await m.Lead.PostAsJsonAsync($"/api/block-contracts/{m.Block}/variations", new { effectiveFrom = "2027-06-01", places = 3, reason = "x" })).AssertValidationProblemAsync("effectiveFrom");
        await (await stranger.PostAsJsonAsync($"/api/block-contracts/{m.Block}/variations", new { effectiveFrom = "2026-12-11", places = 3, reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Participant.PostAsJsonAsync($"/api/block-contracts/{m.Block}/variations", new { effectiveFrom = "2026-12-11", places = 3, reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.LeadOfficer.PostAsJsonAsync($"/api/block-contracts/{m.Block}/variations", new { effectiveFrom = "2026-12-11", places = 3, reason = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        // A third place from 11 December; a price of £3,640 from 21 December.
        await (await m.Lead.PostAsJsonAsync($"/api/block-contracts/{m.Block}/variations", new { effectiveFrom = "2026-12-21", weeklyPricePerPlace = 3640m, reason = "Agreed uplift" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var varied = await (await m.Lead.PostAsJsonAsync($"/api/block-contracts/{m.Block}/variations", new { effectiveFrom = "2026-12-11", places = 3, reason = "Demand for a third place" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, varied.GetProperty("terms").GetArrayLength());
        // Recorded after it but dated before: the price change from the 21st keeps its price, and takes the third place with it.
        Assert.Equal((3, 3640m), (varied.GetProperty("terms")[2].GetProperty("places").GetInt32(), varied.GetProperty("terms")[2].GetProperty("weeklyPricePerPlace").GetDecimal()));
        // Today (23 November) the contract still has its two places at £3,500.
        Assert.Equal((2, 3500m), (varied.GetProperty("places").GetInt32(), varied.GetProperty("weeklyPricePerPlace").GetDecimal()));

        var run = await (await m.Lead.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);
        var line = InvoiceOf(run, m.Pennine).GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("blockContractId").GetString() == m.Block);
        // 10 days of 2 places at £500, 10 days of 3 at £500, 11 days of 3 at £520.
        Assert.Equal(10000m + 15000m + 17160m, line.GetProperty("amount").GetDecimal());
        Assert.Contains("from 11 Dec", line.GetProperty("description").GetString());

        var intoBilled = await (await m.Lead.PostAsJsonAsync($"/api/block-contracts/{m.Block}/variations", new { effectiveFrom = "2026-12-31", places = 4, reason = "x" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("billed up to 31 December 2026", intoBilled.GetProperty("detail").GetString());

        // Both places filled: the contract cannot go down to one.
        await InDbAsync(db => db.BlockContracts.Where(b => b.Id == Guid.Parse(m.Block)).ExecuteUpdateAsync(s => s.SetProperty(b => b.PlacesTaken, 2)));
        await (await m.Lead.PostAsJsonAsync($"/api/block-contracts/{m.Block}/variations", new { effectiveFrom = "2027-02-01", places = 1, reason = "Fewer needed" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var provider = await (await m.Pennine.Client.GetAsync($"/api/block-contracts/{m.Block}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, provider.GetProperty("variations").GetArrayLength());
        await (await m.Oakfield.Client.GetAsync($"/api/block-contracts/{m.Block}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Variations_RecordedByTheManager_OtherCouncilsAndProvidersCannot_APriceChangeKeepsTheBillingRules()
    {
        var m = await MarketAsync();
        using var manager = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, m.Dps.Commissioner.LocalAuthorityId));
        using var otherManager = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager));
        var path = $"/api/placements/{m.Pennine.Placement}/variations";

        await (await manager.PostAsJsonAsync(path, new { date = "2026-12-07", kind = "AdditionalSupport", reason = "Two hours a week of one-to-one support after school" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await manager.PostAsJsonAsync(path, new { date = "2026-12-14", kind = "PriceChange", weeklyPriceAfter = 4500m, reason = "One-to-one support added" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await manager.PostAsJsonAsync(path, new { date = "2026-11-01", kind = "Other", reason = "Before the start" })).AssertValidationProblemAsync("date");
        await (await manager.PostAsJsonAsync(path, new { date = "2026-12-14", kind = "ChangeOfSetting", weeklyPriceAfter = 1m, reason = "x" })).AssertValidationProblemAsync("weeklyPriceAfter");
        await (await otherManager.PostAsJsonAsync(path, new { date = "2026-12-07", kind = "Other", reason = "Not ours" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherManager.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Oakfield.Client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Pennine.Client.PostAsJsonAsync(path, new { date = "2026-12-07", kind = "Other", reason = "Ours" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var list = await (await m.Pennine.Client.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["AdditionalSupport", "PriceChange"], list.EnumerateArray().Select(v => v.GetProperty("kind").GetString()));
        Assert.Equal((4200m, 4500m), (list[1].GetProperty("weeklyPriceBefore").GetDecimal(), list[1].GetProperty("weeklyPriceAfter").GetDecimal()));

        await (await m.Lead.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await manager.PostAsJsonAsync(path, new { date = "2026-12-20", kind = "PriceChange", weeklyPriceAfter = 4600m, reason = "Into December" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        // Not a price: the support agreed from a billed day is still recorded.
        await (await manager.PostAsJsonAsync(path, new { date = "2026-12-20", kind = "Other", reason = "Contact with her brother weekly" })).ReadJsonAsync(HttpStatusCode.Created);
    }
}

public class UpliftApiSqliteTests(SqliteApp app) : UpliftApiTests(app), IClassFixture<SqliteApp>;

public class UpliftApiServerTests(ServerApp app) : UpliftApiTests(app), IClassFixture<ServerApp>;
