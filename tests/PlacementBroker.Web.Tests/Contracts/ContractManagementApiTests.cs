using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Contracts;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Providers;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Contracts;

/// <summary>
/// The contract's contract-management routes: KPIs, quarterly returns pre-filled from a small market whose every
/// figure is known, a return queried and resubmitted, the sweep that makes returns due and overdue, reviews, and an
/// escalated improvement plan suspending the membership; each tried by the other tenants and the wrong roles.
/// </summary>
public abstract class ContractManagementApiTests(PlacementBrokerApp app)
{
    private const string ThisQuarter = "2026-Q4";

    private async Task<T> InDbAsync<T>(Func<PlacementBrokerDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }

    private async Task RunSweepAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ContractManagementJob>().RunAsync();
    }

    private static async Task<List<JsonElement>> StarterSetAsync(HttpClient commissioner, Guid dpsId) =>
        [.. (await (await commissioner.PostAsync($"/api/dps/{dpsId}/kpis/starter-set", null)).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray()];

    private static JsonElement Value(JsonElement returned, string code) =>
        returned.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("code").GetString() == code);

    private static object ReportedValues(JsonElement draft, decimal figure = 3) => new
    {
        values = draft.GetProperty("values").EnumerateArray().Where(v => !v.GetProperty("measured").GetBoolean())
            .Select(v => new { kpiId = v.GetProperty("kpiId").GetGuid(), value = figure, commentary = "As recorded in our quarterly report" }).ToList(),
    };

    private static string ReturnPath(Guid providerId, Guid dpsId, string quarter = ThisQuarter) => $"/api/providers/{providerId}/kpi-returns/{dpsId}/{quarter}";

    [Fact]
    public async Task Kpis_TheLeadCommissionerAgreesThem_TheDpsAndItsProvidersReadThem_NoOneElse()
    {
        var participant = await app.Data.CreateUserAsync(Role.Commissioner);
        var dps = await app.Data.CreateDpsAsync(participants: [participant.LocalAuthorityId!.Value]);
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        using var participating = await app.Data.ClientForAsync(participant);
        using var stranger = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.Commissioner));
        var (member, _) = await app.Data.FittingProviderAsync(dps);
        using var memberClient = await app.Data.ClientForAsync(member.User);
        using var outsider = await app.Data.ClientForAsync((await app.Data.CreateProviderAsync()).User);
        var body = new { code = "kpi1", name = "Placement stability", unit = "Percent", target = 90, higherIsBetter = true, lotIds = new[] { dps.LotId }, measure = "ResponseRate" };

        var created = await (await lead.PostAsJsonAsync($"/api/dps/{dps.Id}/kpis", body)).ReadJsonAsync(HttpStatusCode.Created);
        await (await lead.PostAsJsonAsync($"/api/dps/{dps.Id}/kpis", body)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await lead.PostAsJsonAsync($"/api/dps/{dps.Id}/kpis", body with { code = "KPI2", unit = "Count" })).AssertValidationProblemAsync("unit");
        await (await lead.PostAsJsonAsync($"/api/dps/{dps.Id}/kpis", body with { code = "KPI3", target = 140 })).AssertValidationProblemAsync("target");
        await (await lead.PostAsJsonAsync($"/api/dps/{dps.Id}/kpis", body with { code = "KPI4", lotIds = new[] { Guid.NewGuid() } })).AssertValidationProblemAsync("lotIds");
        await (await participating.PostAsJsonAsync($"/api/dps/{dps.Id}/kpis", body with { code = "KPI5" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsJsonAsync($"/api/dps/{dps.Id}/kpis", body with { code = "KPI6" })).AssertProblemAsync(HttpStatusCode.NotFound);
        var starter = await StarterSetAsync(lead);

        Assert.Equal(9, starter.Count);
        Assert.Empty(await StarterSetAsync(lead));
        var seenByParticipant = await (await participating.GetAsync($"/api/dps/{dps.Id}/kpis")).ReadJsonAsync(HttpStatusCode.OK);
        var seenByMember = await (await memberClient.GetAsync($"/api/dps/{dps.Id}/kpis")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(10, seenByParticipant.GetArrayLength());
        Assert.Equal("KPI1", seenByMember[0].GetProperty("code").GetString());
        Assert.Equal(created.GetProperty("id").GetGuid(), seenByMember[0].GetProperty("id").GetGuid());
        Assert.Equal("Quarterly", seenByMember[0].GetProperty("frequency").GetString());
        Assert.Equal(["RESP", "DEADLINE", "STABILITY", "QA", "OFSTED"],
            seenByMember.EnumerateArray().Where(k => k.GetProperty("measured").GetBoolean()).Skip(1).Select(k => k.GetProperty("code").GetString()));
        await (await stranger.GetAsync($"/api/dps/{dps.Id}/kpis")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"/api/dps/{dps.Id}/kpis")).AssertProblemAsync(HttpStatusCode.NotFound);

        async Task<List<JsonElement>> StarterSetAsync(HttpClient client) => await ContractManagementApiTests.StarterSetAsync(client, dps.Id);
    }

    [Fact]
    public async Task Return_IsPrefilledWithEveryMeasuredFigure_ExactlyAsTheMarketHappened_AndEachCouncilSeesItsOwnPlacements()
    {
        var participantCommissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        var participantLa = participantCommissioner.LocalAuthorityId!.Value;
        var dps = await app.Data.CreateDpsAsync(participants: [participantLa]);
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        await StarterSetAsync(lead, dps.Id);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        using var participantOfficer = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacingOfficer, participantLa));
        async Task<Guid> ReferAsync(HttpClient who) =>
            (await (await who.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        async Task<Guid> OfferAsync(Guid referral) =>
            (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referral}/offers", new { vacancyId, weeklyPrice = 5200m })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // Five referrals: one placed (then disrupted after six weeks), one declined, one unanswered, one offered after its
        // deadline; the participating council's one unanswered.
        var placed = await ReferAsync(officer);
        var declined = await ReferAsync(officer);
        await ReferAsync(officer);
        var late = await ReferAsync(officer);
        await ReferAsync(participantOfficer);
        var placedOffer = await OfferAsync(placed);
        await (await providerClient.PostAsJsonAsync($"/api/referrals/{declined}/decline", new { reason = "NoSuitableVacancy" })).ReadJsonAsync(HttpStatusCode.OK);
        var lateOffer = await OfferAsync(late);
        await InDbAsync(async db =>
        {
            var offeredAt = await db.Offers.Where(o => o.Id == lateOffer).Select(o => o.CreatedAt).SingleAsync();
            return await db.Referrals.Where(r => r.Id == late).ExecuteUpdateAsync(s => s.SetProperty(r => r.OfferDeadline, offeredAt.AddMinutes(-5)));
        });
        var placementId = (await (await officer.PostAsJsonAsync($"/api/offers/{placedOffer}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("placementId").GetGuid();
        await InDbAsync(db => db.Placements.Where(p => p.Id == placementId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.StartDate, new DateOnly(2026, 10, 5)).SetProperty(p => p.EndDate, new DateOnly(2026, 11, 16))
            .SetProperty(p => p.EndReason, PlacementEndReason.Disruption).SetProperty(p => p.Status, PlacementStatus.Ended)));
        // Settings: Good (the fitting one), Requires improvement, and one not yet inspected (not counted).
        await app.Data.CreateSettingAsync(provider, grade: OfstedGrade.RequiresImprovement);
        await app.Data.CreateSettingAsync(provider, grade: OfstedGrade.NotYetInspected);
        // QA: one concern open, one raised and resolved.
        using var qa = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId));
        await (await qa.PostAsJsonAsync("/api/qa/flags", new { providerId = provider.Id, category = "Concern", severity = "Medium", description = "Night staffing" })).ReadJsonAsync(HttpStatusCode.Created);
        var resolved = (await (await qa.PostAsJsonAsync("/api/qa/flags", new { providerId = provider.Id, category = "Complaint", severity = "Low", description = "Late pick-up" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await qa.PostAsJsonAsync($"/api/qa/flags/{resolved}/resolve", new { resolution = "Apologised and fixed the rota" })).ReadJsonAsync(HttpStatusCode.OK);

        var draft = await (await providerClient.GetAsync(ReturnPath(provider.Id, dps.Id))).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("2027-01-29", draft.GetProperty("dueBy").GetString());
        Assert.Equal(60.0m, Value(draft, "RESP").GetProperty("value").GetDecimal());
        Assert.Equal("3 of 5 referrals received answered with an offer or a decline", Value(draft, "RESP").GetProperty("basis").GetString());
        Assert.Equal(20.0m, Value(draft, "DEADLINE").GetProperty("value").GetDecimal());
        Assert.Equal("1 of 5 referrals received answered with an offer by the offer deadline", Value(draft, "DEADLINE").GetProperty("basis").GetString());
        Assert.Equal(1m, Value(draft, "STABILITY").GetProperty("value").GetDecimal());
        Assert.Equal(1m, Value(draft, "QA").GetProperty("value").GetDecimal());
        Assert.Equal(50.0m, Value(draft, "OFSTED").GetProperty("value").GetDecimal());
        Assert.All(new[] { "RESP", "DEADLINE", "STABILITY", "QA", "OFSTED" }, code =>
        {
            Assert.True(Value(draft, code).GetProperty("measured").GetBoolean());
            Assert.True(Value(draft, code).GetProperty("belowTarget").GetBoolean());
        });
        Assert.All(new[] { "INCIDENTS", "STAFF", "COMPLAINTS", "EDUCATION" }, code =>
        {
            Assert.False(Value(draft, code).GetProperty("measured").GetBoolean());
            Assert.Equal(JsonValueKind.Null, Value(draft, code).GetProperty("value").ValueKind);
        });
        // The lead's QA officer reads the same figures; the participating council's commissioner sees its own placements'.
        var seenByQa = await (await qa.GetAsync(ReturnPath(provider.Id, dps.Id))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(60.0m, Value(seenByQa, "RESP").GetProperty("value").GetDecimal());
        using var participant = await app.Data.ClientForAsync(participantCommissioner);
        var record = await (await participant.GetAsync($"/api/providers/{provider.Id}/contract-record/{dps.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        var ownResponse = record.GetProperty("yourAuthority").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "RESP").GetProperty("points");
        Assert.Equal(ThisQuarter, ownResponse[3].GetProperty("quarter").GetString());
        Assert.Equal(0.0m, ownResponse[3].GetProperty("value").GetDecimal());
        var leadRecord = await (await lead.GetAsync($"/api/providers/{provider.Id}/contract-record/{dps.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(75.0m, leadRecord.GetProperty("yourAuthority").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "RESP").GetProperty("points")[3].GetProperty("value").GetDecimal());
        // Nobody else's: another council's commissioner, another provider, a quarter still to come, a quarter before it joined.
        using var stranger = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.Commissioner));
        await (await stranger.GetAsync(ReturnPath(provider.Id, dps.Id))).AssertProblemAsync(HttpStatusCode.NotFound);
        using var otherProvider = await app.Data.ClientForAsync((await app.Data.FittingProviderAsync(dps)).Provider.User);
        await (await otherProvider.GetAsync(ReturnPath(provider.Id, dps.Id))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await providerClient.GetAsync(ReturnPath(provider.Id, dps.Id, "2027-Q1"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await providerClient.GetAsync(ReturnPath(provider.Id, dps.Id, "2026-Q3"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await providerClient.GetAsync(ReturnPath(provider.Id, dps.Id, "Q3-2026"))).AssertValidationProblemAsync("quarter");
    }

    [Fact]
    public async Task Return_SubmittedQueriedResubmittedAccepted_MeasuredFiguresNeverOverwritten()
    {
        var participant = await app.Data.CreateUserAsync(Role.Commissioner);
        var dps = await app.Data.CreateDpsAsync(participants: [participant.LocalAuthorityId!.Value]);
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        await StarterSetAsync(lead, dps.Id);
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var draft = await (await providerClient.GetAsync(ReturnPath(provider.Id, dps.Id))).ReadJsonAsync(HttpStatusCode.OK);
        var responseKpi = Value(draft, "RESP").GetProperty("kpiId").GetGuid();
        var staffKpi = Value(draft, "STAFF").GetProperty("kpiId").GetGuid();

        var overwritten = await (await providerClient.PostAsJsonAsync(ReturnPath(provider.Id, dps.Id), new { values = new object[] { new { kpiId = responseKpi, value = 100 } } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("measured by the platform", overwritten.GetProperty("detail").GetString());
        await (await providerClient.PostAsJsonAsync(ReturnPath(provider.Id, dps.Id), new { values = new object[] { new { kpiId = staffKpi, value = 12 } } }))
            .AssertValidationProblemAsync("values[INCIDENTS]", "values[COMPLAINTS]", "values[EDUCATION]");
        await (await providerClient.PostAsJsonAsync(ReturnPath(provider.Id, dps.Id), new { values = new object[] { new { kpiId = staffKpi, value = 120 } } }))
            .AssertValidationProblemAsync("values[0].value");
        // Saving a draft keeps what is entered; commentary on a measured figure is welcome.
        var saved = await (await providerClient.PutAsJsonAsync(ReturnPath(provider.Id, dps.Id),
            new { values = new object[] { new { kpiId = staffKpi, value = 12 }, new { kpiId = responseKpi, commentary = "No referrals fitted our homes" } } })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(12m, Value(saved, "STAFF").GetProperty("value").GetDecimal());
        Assert.Equal("No referrals fitted our homes", Value(saved, "RESP").GetProperty("commentary").GetString());

        var submitted = await (await providerClient.PostAsJsonAsync(ReturnPath(provider.Id, dps.Id), ReportedValues(draft, 3))).ReadJsonAsync(HttpStatusCode.Created);
        var returnId = submitted.GetProperty("id").GetGuid();
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        await (await providerClient.PostAsJsonAsync(ReturnPath(provider.Id, dps.Id), ReportedValues(draft, 4))).AssertProblemAsync(HttpStatusCode.Conflict);

        // Only the lead authority's commissioners decide; a query must say what to answer.
        using var participating = await app.Data.ClientForAsync(participant);
        using var stranger = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.Commissioner));
        await (await participating.PostAsJsonAsync($"/api/kpi-returns/{returnId}/review", new { decision = "Accepted", comment = "Fine" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsJsonAsync($"/api/kpi-returns/{returnId}/review", new { decision = "Accepted", comment = "Fine" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await providerClient.PostAsJsonAsync($"/api/kpi-returns/{returnId}/review", new { decision = "Accepted", comment = "Fine" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await lead.PostAsJsonAsync($"/api/kpi-returns/{returnId}/review", new { decision = "Queried" })).AssertValidationProblemAsync("comment");
        await (await lead.PostAsJsonAsync($"/api/kpi-returns/{returnId}/review", new { decision = "Maybe", comment = "?" })).AssertValidationProblemAsync("decision");
        await (await lead.PostAsJsonAsync($"/api/kpi-returns/{returnId}/review", new { decision = "Queried", comment = "Staff turnover of 3% looks low: check the leavers" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        var queried = await (await providerClient.GetAsync(ReturnPath(provider.Id, dps.Id))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Queried", queried.GetProperty("status").GetString());
        Assert.Equal("Staff turnover of 3% looks low: check the leavers", queried.GetProperty("reviewComment").GetString());
        Assert.True(await InDbAsync(db => db.OutboxEmails.AnyAsync(e => e.To == db.Providers.Where(p => p.Id == provider.Id).Select(p => p.ContactEmail).Single()
            && e.Subject.StartsWith("KPI return queried"))));
        await (await lead.PostAsJsonAsync($"/api/kpi-returns/{returnId}/review", new { decision = "Accepted", comment = "Too soon" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var resubmitted = await (await providerClient.PostAsJsonAsync(ReturnPath(provider.Id, dps.Id),
            new { values = new object[] { new { kpiId = staffKpi, value = 21, commentary = "Corrected: seven leavers, not one" } } })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(returnId, resubmitted.GetProperty("id").GetGuid());
        await (await lead.PostAsJsonAsync($"/api/kpi-returns/{returnId}/review", new { decision = "Accepted", comment = "Thank you" })).ReadJsonAsync(HttpStatusCode.OK);
        await (await lead.PostAsJsonAsync($"/api/kpi-returns/{returnId}/review", new { decision = "Accepted", comment = "Again" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var accepted = await (await lead.GetAsync(ReturnPath(provider.Id, dps.Id))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(21m, Value(accepted, "STAFF").GetProperty("value").GetDecimal());
        Assert.True(Value(accepted, "STAFF").GetProperty("belowTarget").GetBoolean());
        Assert.True(accepted.GetProperty("belowTarget").GetBoolean());
        Assert.Equal(["Submitted", "Queried", "Submitted", "Accepted"], accepted.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        var overview = await (await lead.GetAsync($"/api/dps/{dps.Id}/contract-management")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(overview.GetProperty("belowTarget").EnumerateArray(), b => b.GetProperty("providerId").GetGuid() == provider.Id
            && b.GetProperty("kpis").EnumerateArray().Any(k => k.GetString() == "STAFF"));
    }

    [Fact]
    public async Task Sweep_MakesEachEndedQuarterDue_FlagsTheOverdue_AndRemindsOnceHoweverOftenItRuns()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        await StarterSetAsync(lead, dps.Id);
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        // The KPIs were agreed, and the provider admitted, in June: returns are owed for the second and third quarters.
        await InDbAsync(db => db.Kpis.Where(k => k.DpsId == dps.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.CreatedAt, new DateTime(2026, 6, 2, 9, 0, 0, DateTimeKind.Utc))));
        await InDbAsync(db => db.LotMemberships.Where(m => m.ProviderId == provider.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AdmittedAt, new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc))));
        var contact = await InDbAsync(db => db.Providers.Where(p => p.Id == provider.Id).Select(p => p.ContactEmail).SingleAsync());

        await RunSweepAsync();
        await RunSweepAsync();

        var returns = await InDbAsync(db => db.KpiReturns.Where(r => r.ProviderId == provider.Id).OrderBy(r => r.Quarter).ToListAsync());
        Assert.Equal(["2026-Q2", "2026-Q3"], returns.Select(r => r.Quarter));
        Assert.Equal([new DateOnly(2026, 7, 28), new DateOnly(2026, 10, 28)], returns.Select(r => r.DueBy));
        Assert.All(returns, r => Assert.NotNull(r.OverdueNoticeSentAt));
        var mail = await InDbAsync(db => db.OutboxEmails.Where(e => e.Subject.Contains("KPI return")).Select(e => new { e.To, e.Subject }).ToListAsync());
        Assert.Equal(2, mail.Count(e => e.To == contact && e.Subject.StartsWith("KPI return due")));
        Assert.Equal(2, mail.Count(e => e.To == contact && e.Subject.StartsWith("KPI return overdue")));
        Assert.Equal(2, mail.Count(e => e.To == dps.Commissioner.Email && e.Subject.StartsWith("KPI return overdue")));
        var overview = await (await lead.GetAsync($"/api/dps/{dps.Id}/contract-management")).ReadJsonAsync(HttpStatusCode.OK);
        var listed = overview.GetProperty("returns").EnumerateArray().Where(r => r.GetProperty("providerId").GetGuid() == provider.Id).ToList();
        Assert.Equal(2, listed.Count);
        Assert.All(listed, r => Assert.True(r.GetProperty("overdue").GetBoolean()));
        // A provider admitted this quarter owes nothing yet; nor does one whose lots no KPI covers.
        var (newcomer, _) = await app.Data.FittingProviderAsync(dps);
        var fostering = await app.Data.CreateDpsAsync(lotType: PlacementType.StandardFostering);
        using var fosteringLead = await app.Data.ClientForAsync(fostering.Commissioner);
        var otherLot = (await (await fosteringLead.PostAsJsonAsync($"/api/dps/{fostering.Id}/lots", new { name = "Parent and child", placementType = "ParentAndChild" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await fosteringLead.PostAsJsonAsync($"/api/dps/{fostering.Id}/kpis", new { code = "P1", name = "Parent and child assessments on time", unit = "Percent", target = 90, higherIsBetter = true, lotIds = new[] { otherLot } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var fosterer = await app.Data.CreateProviderAsync(ProviderType.IndependentFosteringAgency);
        await app.Data.ApplyAsync(fosterer, fostering);
        await InDbAsync(db => db.Kpis.Where(k => k.DpsId == fostering.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.CreatedAt, new DateTime(2026, 6, 2, 9, 0, 0, DateTimeKind.Utc))));
        await InDbAsync(db => db.LotMemberships.Where(m => m.ProviderId == fosterer.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AdmittedAt, new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc))));
        await RunSweepAsync();
        Assert.False(await InDbAsync(db => db.KpiReturns.AnyAsync(r => r.ProviderId == newcomer.Id)));
        Assert.False(await InDbAsync(db => db.KpiReturns.AnyAsync(r => r.ProviderId == fosterer.Id)));
        // Submitting the overdue return takes it off the overdue list.
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var draft = await (await providerClient.GetAsync(ReturnPath(provider.Id, dps.Id, "2026-Q3"))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(draft.GetProperty("overdue").GetBoolean());
        await (await providerClient.PostAsJsonAsync(ReturnPath(provider.Id, dps.Id, "2026-Q3"), ReportedValues(draft))).ReadJsonAsync(HttpStatusCode.Created);
        var after = await (await lead.GetAsync($"/api/dps/{dps.Id}/contract-management")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(after.GetProperty("returns").EnumerateArray(), r => r.GetProperty("providerId").GetGuid() == provider.Id && r.GetProperty("overdue").GetBoolean());
        // Queried after its due date, the return is not overdue at once: the provider has ten working days to answer.
        var q3 = after.GetProperty("returns").EnumerateArray().Single(r => r.GetProperty("quarter").GetString() == "2026-Q3").GetProperty("id").GetGuid();
        await (await lead.PostAsJsonAsync($"/api/kpi-returns/{q3}/review", new { decision = "Queried", comment = "Explain the complaints" })).ReadJsonAsync(HttpStatusCode.OK);
        var queried = await (await providerClient.GetAsync(ReturnPath(provider.Id, dps.Id, "2026-Q3"))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(queried.GetProperty("overdue").GetBoolean());
        Assert.Equal("2026-12-07", queried.GetProperty("resubmitBy").GetString());
        await RunSweepAsync();
        Assert.Equal(2, await InDbAsync(db => db.OutboxEmails.CountAsync(e => e.To == contact && e.Subject.StartsWith("KPI return overdue"))));
    }

    [Fact]
    public async Task ImprovementPlan_ProgressedByTheProvider_EscalatedByTheCommissioner_SuspendsTheMembershipWithThePlanAsReason()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        using var otherProvider = await app.Data.ClientForAsync((await app.Data.FittingProviderAsync(dps)).Provider.User);
        using var stranger = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.Commissioner));
        var body = new
        {
            providerId = provider.Id, dpsId = dps.Id, reason = "Two disruptions within 12 weeks this quarter", source = "Other",
            milestones = new[] { new { description = "Review matching with the referrals team", dueDate = "2026-12-11" }, new { description = "Train staff in de-escalation", dueDate = "2027-01-29" } },
        };
        await (await lead.PostAsJsonAsync("/api/improvement-plans", body with { milestones = [] })).AssertValidationProblemAsync("milestones");
        await (await lead.PostAsJsonAsync("/api/improvement-plans", body with { milestones = [new { description = "Too late", dueDate = "2026-01-01" }] }))
            .AssertValidationProblemAsync("milestones[0].dueDate");
        await (await stranger.PostAsJsonAsync("/api/improvement-plans", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        var created = await (await lead.PostAsJsonAsync("/api/improvement-plans", body)).ReadJsonAsync(HttpStatusCode.Created);
        var planId = created.GetProperty("id").GetGuid();
        var first = created.GetProperty("milestones")[0].GetProperty("id").GetGuid();

        await (await otherProvider.PostAsJsonAsync($"/api/improvement-plans/{planId}/milestones/{first}/progress", new { note = "Not ours", completed = true }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await providerClient.PostAsJsonAsync($"/api/improvement-plans/{planId}/milestones/{first}/progress", new { note = "", completed = true }))
            .AssertValidationProblemAsync("note");
        var progressed = await (await providerClient.PostAsJsonAsync($"/api/improvement-plans/{planId}/milestones/{first}/progress",
            new { note = "Matching meeting held with the Leeds referrals team on 1 December", completed = true })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, progressed.GetProperty("milestones")[0].GetProperty("completedAt").ValueKind);
        var early = await (await lead.PostAsJsonAsync($"/api/improvement-plans/{planId}/close", new { outcome = "Completed", reason = "Done" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Train staff in de-escalation", early.GetProperty("detail").GetString());
        await (await providerClient.PostAsJsonAsync($"/api/improvement-plans/{planId}/close", new { outcome = "Completed", reason = "We're done" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsJsonAsync($"/api/improvement-plans/{planId}/close", new { outcome = "Escalated", reason = "Ours now" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await lead.PostAsJsonAsync($"/api/improvement-plans/{planId}/close", new { outcome = "Escalated", reason = "Training not started", membershipAction = "Remove" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        await (await lead.PostAsJsonAsync($"/api/improvement-plans/{planId}/close", new { outcome = "Escalated", reason = "Training not started after two reminders" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        var memberships = await (await providerClient.GetAsync("/api/provider/memberships")).ReadJsonAsync(HttpStatusCode.OK);
        var membership = memberships.EnumerateArray().Single(m => m.GetProperty("dpsId").GetGuid() == dps.Id);
        Assert.Equal("Suspended", membership.GetProperty("status").GetString());
        Assert.StartsWith("Service improvement plan escalated: Training not started after two reminders",
            membership.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
        await (await providerClient.PostAsJsonAsync($"/api/improvement-plans/{planId}/milestones/{first}/progress", new { note = "Late news", completed = true }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await lead.PostAsJsonAsync($"/api/improvement-plans/{planId}/close", new { outcome = "Completed", reason = "Again" })).AssertProblemAsync(HttpStatusCode.Conflict);
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        var referral = await (await officer.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, referral.GetProperty("providersNotified").GetInt32());
    }

    [Fact]
    public async Task ImprovementPlan_EscalatedWhileTheProviderIsQaRed_KeepsTheMembershipSuspendedWhenTheFlagIsResolved()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        using var qa = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId));
        var flag = (await (await qa.PostAsJsonAsync("/api/qa/flags", new { providerId = provider.Id, category = "Safeguarding", severity = "Critical", description = "Allegation against night staff" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var planId = (await (await lead.PostAsJsonAsync("/api/improvement-plans", new
        {
            providerId = provider.Id, dpsId = dps.Id, reason = "Safeguarding practice", source = "QaConcern", sourceId = flag,
            milestones = new[] { new { description = "Independent safeguarding audit", dueDate = "2027-01-15" } },
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await (await lead.PostAsJsonAsync($"/api/improvement-plans/{planId}/close", new { outcome = "Escalated", reason = "Audit refused" })).ReadJsonAsync(HttpStatusCode.OK);
        await (await qa.PostAsJsonAsync($"/api/qa/flags/{flag}/resolve", new { resolution = "LADO closed the allegation as unfounded" })).ReadJsonAsync(HttpStatusCode.OK);

        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var membership = (await (await providerClient.GetAsync("/api/provider/memberships")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().Single(m => m.GetProperty("dpsId").GetGuid() == dps.Id);
        Assert.Equal("Suspended", membership.GetProperty("status").GetString());
        Assert.Contains(membership.GetProperty("history").EnumerateArray(), h => h.GetProperty("reason").GetString()!.StartsWith("Service improvement plan escalated: Audit refused"));
    }

    [Fact]
    public async Task OverdueMilestone_EscalatesToTheCommissionersOnce()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        var created = await (await lead.PostAsJsonAsync("/api/improvement-plans", new
        {
            providerId = provider.Id, dpsId = dps.Id, reason = "Late responses to referrals",
            milestones = new[] { new { description = "Name a referrals lead", dueDate = "2026-11-23" }, new { description = "Respond to every referral", dueDate = "2027-03-31" } },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var milestoneId = created.GetProperty("milestones")[0].GetProperty("id").GetGuid();
        await RunSweepAsync();
        Assert.Null(await InDbAsync(db => db.PlanMilestones.Where(m => m.Id == milestoneId).Select(m => m.EscalatedAt).SingleAsync()));

        await InDbAsync(db => db.PlanMilestones.Where(m => m.Id == milestoneId).ExecuteUpdateAsync(s => s.SetProperty(m => m.DueDate, new DateOnly(2026, 11, 20))));
        await RunSweepAsync();
        await RunSweepAsync();

        Assert.NotNull(await InDbAsync(db => db.PlanMilestones.Where(m => m.Id == milestoneId).Select(m => m.EscalatedAt).SingleAsync()));
        Assert.Equal(1, await InDbAsync(db => db.OutboxEmails.CountAsync(e => e.To == dps.Commissioner.Email && e.Subject.StartsWith("Improvement plan milestone overdue"))));
        var plan = await (await lead.GetAsync($"/api/improvement-plans/{created.GetProperty("id").GetGuid()}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(plan.GetProperty("milestones")[0].GetProperty("overdue").GetBoolean());
        Assert.False(plan.GetProperty("milestones")[1].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task ContractReviews_HeldOnTheAgenda_NextDueFromRisk_ActionsTracked_AndEachSideSeesOnlyItsOwn()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var (other, _) = await app.Data.FittingProviderAsync(dps);
        using var otherClient = await app.Data.ClientForAsync(other.User);
        using var stranger = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.Commissioner));
        using var qa = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId));

        await (await lead.PostAsJsonAsync("/api/contract-reviews", new { providerId = provider.Id, dpsId = dps.Id, date = "2027-01-10", riskRating = "High", minutes = "Not yet" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await lead.PostAsJsonAsync("/api/contract-reviews", new { providerId = provider.Id, dpsId = dps.Id, date = "2026-11-20" })).AssertValidationProblemAsync("riskRating");
        await (await stranger.PostAsJsonAsync("/api/contract-reviews", new { providerId = provider.Id, dpsId = dps.Id, date = "2026-11-20", riskRating = "Low" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var held = await (await lead.PostAsJsonAsync("/api/contract-reviews", new
        {
            providerId = provider.Id, dpsId = dps.Id, date = "2026-11-20", riskRating = "High", minutes = "Annual review at the provider's office.",
            agenda = new { outcomesForChildren = "Two children moved to education placements", feeStructures = "Fees held for 2026" },
            actions = new[] { new { description = "Send the revised statement of purpose", owner = "Provider", dueDate = "2026-12-18" } },
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Held", held.GetProperty("status").GetString());
        Assert.Equal("2027-02-20", held.GetProperty("nextReviewDue").GetString());
        var reviewId = held.GetProperty("id").GetGuid();

        var own = await (await providerClient.GetAsync("/api/contract-reviews")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Two children moved to education placements", own.EnumerateArray().Single().GetProperty("agenda").GetProperty("outcomesForChildren").GetString());
        Assert.Empty((await (await otherClient.GetAsync($"/api/contract-reviews?providerId={provider.Id}")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty((await (await stranger.GetAsync($"/api/contract-reviews?providerId={provider.Id}")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Single((await (await qa.GetAsync($"/api/contract-reviews?providerId={provider.Id}&dpsId={dps.Id}")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await (await otherClient.GetAsync($"/api/contract-reviews/{reviewId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var actionId = own[0].GetProperty("actions")[0].GetProperty("id").GetGuid();
        await (await otherClient.PostAsJsonAsync($"/api/contract-reviews/{reviewId}/actions/{actionId}/complete", new { note = "Not ours" })).AssertProblemAsync(HttpStatusCode.NotFound);
        var done = await (await providerClient.PostAsJsonAsync($"/api/contract-reviews/{reviewId}/actions/{actionId}/complete", new { note = "Sent on 2 December" }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Sent on 2 December", done.GetProperty("actions")[0].GetProperty("completionNote").GetString());
        await (await lead.PostAsJsonAsync($"/api/contract-reviews/{reviewId}/actions/{actionId}/complete", new { })).AssertProblemAsync(HttpStatusCode.Conflict);

        // The pack suggests a rating from the facts; the next review is due from the rating recorded.
        var pack = await (await lead.GetAsync($"/api/providers/{provider.Id}/review-pack/{dps.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2027-02-20", pack.GetProperty("nextReviewDue").GetString());
        Assert.Equal("Low", pack.GetProperty("suggestedRiskRating").GetString());
        await (await lead.PostAsJsonAsync("/api/improvement-plans", new
        {
            providerId = provider.Id, dpsId = dps.Id, reason = "Actions from the review", source = "ContractReview", sourceId = reviewId,
            milestones = new[] { new { description = "Recruit a registered manager", dueDate = "2027-03-31" } },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var after = await (await lead.GetAsync($"/api/providers/{provider.Id}/review-pack/{dps.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("High", after.GetProperty("suggestedRiskRating").GetString());
        Assert.Contains("a service improvement plan is open", after.GetProperty("riskReasons").EnumerateArray().Select(r => r.GetString()));
        // A scheduled review is recorded once it has been held, never before.
        var scheduled = await (await lead.PostAsJsonAsync("/api/contract-reviews", new { providerId = other.Id, dpsId = dps.Id, date = "2026-12-15", riskRating = "Low" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Scheduled", scheduled.GetProperty("status").GetString());
        await (await lead.PostAsJsonAsync($"/api/contract-reviews/{scheduled.GetProperty("id").GetGuid()}/record", new { minutes = "Held early?" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }
}

public class ContractManagementApiSqliteTests(SqliteApp app) : ContractManagementApiTests(app), IClassFixture<SqliteApp>;

public class ContractManagementApiServerTests(ServerApp app) : ContractManagementApiTests(app), IClassFixture<ServerApp>;
