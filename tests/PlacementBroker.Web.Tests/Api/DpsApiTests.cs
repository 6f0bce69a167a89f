using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>The contract's "DPS, lots, admission" routes: who may do what, and what bad input gets back.</summary>
public abstract class DpsApiTests(PlacementBrokerApp app)
{
    private async Task<(TestUser Commissioner, HttpClient Client)> CommissionerAsync(Guid? localAuthorityId = null)
    {
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner, localAuthorityId);
        return (commissioner, await app.Data.ClientForAsync(commissioner));
    }

    [Fact]
    public async Task CreateDps_Commissioner_IsOpenAtOnceAndListedWithItsLots()
    {
        var (_, client) = await CommissionerAsync();
        var participant = await app.Data.CreateLocalAuthorityAsync();

        var created = await (await client.PostAsJsonAsync("/api/dps", new { name = "North Region Placements DPS", participatingLocalAuthorityIds = new[] { participant.Id } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var lot = await client.PostAsJsonAsync($"/api/dps/{id}/lots", new
        {
            name = "Residential children's homes", placementType = "ResidentialCare", benchmarkWeeklyPrice = 5250.50,
            questions = new[] { new { id = "ins", text = "Do you hold £10m public liability insurance?", guidance = "Give the policy number." } },
        });
        await lot.ReadJsonAsync(HttpStatusCode.Created);

        using var anyone = await app.Data.ClientForAsync(Role.PlacingOfficer);
        var list = await (await anyone.GetAsync("/api/dps")).ReadJsonAsync(HttpStatusCode.OK);
        var dps = list.EnumerateArray().Single(d => d.GetProperty("id").GetString() == id);
        Assert.Equal("Open", dps.GetProperty("status").GetString());
        Assert.Equal("Pcr2015Dps", dps.GetProperty("regime").GetString());
        Assert.Equal(10, dps.GetProperty("decisionPeriodDays").GetInt32());
        var listedLot = dps.GetProperty("lots").EnumerateArray().Single();
        Assert.Equal("ResidentialCare", listedLot.GetProperty("placementType").GetString());
        Assert.Equal(5250.50m, listedLot.GetProperty("benchmarkWeeklyPrice").GetDecimal());
        Assert.Equal("ins", listedLot.GetProperty("questions")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task CreateDps_Draft_IsHiddenUntilPublished()
    {
        var (_, client) = await CommissionerAsync();
        using var provider = await app.Data.ClientForAsync(Role.ProviderUser);

        var id = (await (await client.PostAsJsonAsync("/api/dps", new { name = "Draft dynamic market", regime = "ProcurementAct2023DynamicMarket", decisionPeriodDays = 20, draft = true }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        Assert.DoesNotContain(id!, await (await provider.GetAsync("/api/dps")).Content.ReadAsStringAsync());
        var published = await client.PostAsync($"/api/dps/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var listed = (await (await provider.GetAsync("/api/dps")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().Single(d => d.GetProperty("id").GetString() == id);
        Assert.Equal("ProcurementAct2023DynamicMarket", listed.GetProperty("regime").GetString());
        Assert.Equal(20, listed.GetProperty("decisionPeriodDays").GetInt32());
    }

    [Theory]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.PlacementManager)]
    [InlineData(Role.QaOfficer)]
    [InlineData(Role.ProviderUser)]
    [InlineData(Role.PlatformAdmin)]
    public async Task CreateDps_WrongRole_Is403(Role role)
    {
        using var client = role == Role.PlatformAdmin ? await app.Data.AdminClientAsync() : await app.Data.ClientForAsync(role);

        var response = await client.PostAsJsonAsync("/api/dps", new { name = "Not mine to make" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateDps_WithoutToken_Is401()
    {
        using var anonymous = app.CreateClient();

        await (await anonymous.PostAsJsonAsync("/api/dps", new { name = "x" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/dps")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreateDps_NonsenseInput_Is400NamingTheFields()
    {
        var (_, client) = await CommissionerAsync();

        var response = await client.PostAsJsonAsync("/api/dps", new { name = "", decisionPeriodDays = 12, participatingLocalAuthorityIds = new[] { Guid.NewGuid() } });

        await response.AssertValidationProblemAsync("name", "decisionPeriodDays", "participatingLocalAuthorityIds");
    }

    [Fact]
    public async Task CreateDps_UnknownRegime_Is400NamingTheRegime()
    {
        var (_, client) = await CommissionerAsync();

        var response = await client.PostAsJsonAsync("/api/dps", new { name = "Odd", regime = "Framework" });

        await response.AssertValidationProblemAsync("regime");
    }

    [Fact]
    public async Task PublishAndAddLot_ParticipatingCommissioner_Is403AndOtherAuthorityIs404()
    {
        var participantAuthority = await app.Data.CreateLocalAuthorityAsync();
        var dps = await app.Data.CreateDpsAsync(draft: true, participants: [participantAuthority.Id]);
        var (_, participant) = await CommissionerAsync(participantAuthority.Id);
        var (_, stranger) = await CommissionerAsync();

        await (await participant.PostAsync($"/api/dps/{dps.Id}/publish", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsync($"/api/dps/{dps.Id}/publish", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"/api/dps/{dps.Id}/lots", new { name = "Mine now", placementType = "StandardFostering" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Weights_LeadCommissionerSetsThem_AndRankingUsesThem()
    {
        var participantAuthority = await app.Data.CreateLocalAuthorityAsync();
        var dps = await app.Data.CreateDpsAsync(participants: [participantAuthority.Id]);
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        var (_, participant) = await CommissionerAsync(participantAuthority.Id);
        using var officer = await app.Data.ClientForAsync(Role.PlacingOfficer);

        await (await lead.PutAsJsonAsync($"/api/dps/{dps.Id}/weights", new { needs = 4, ofstedGrade = -1 })).AssertValidationProblemAsync("needs", "ofstedGrade");
        await (await participant.PutAsJsonAsync($"/api/dps/{dps.Id}/weights", new { needs = 1 })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PutAsJsonAsync($"/api/dps/{dps.Id}/weights", new { needs = 1 })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var set = await (await lead.PutAsJsonAsync($"/api/dps/{dps.Id}/weights",
            new { needs = 1, ofstedGrade = 2, price = 0, distance = 1, qaStatus = 1, trackRecord = 1 })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, set.GetProperty("ofstedGrade").GetDouble());

        var dpsOfficer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(dpsOfficer);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, grade: OfstedGrade.Outstanding);
        var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        var matches = await (await officerClient.GetAsync($"/api/referrals/{referralId}/matches")).ReadJsonAsync(HttpStatusCode.OK);
        var explanation = matches[0].GetProperty("explanation").EnumerateArray().ToList();
        Assert.Equal(40, explanation.Single(e => e.GetProperty("criterion").GetString() == "OfstedGrade").GetProperty("points").GetInt32());
        Assert.Equal(0, explanation.Single(e => e.GetProperty("criterion").GetString() == "Price").GetProperty("points").GetInt32());
    }

    /// <summary>A lot's name is one name whatever its case, on every database (ADR 0015): SQL Server alone used to refuse it.</summary>
    [Fact]
    public async Task AddLot_SameNameInAnotherCase_Is409()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var client = await app.Data.ClientForAsync(dps.Commissioner);
        var name = "Residential north " + TestData.Unique("L");
        await (await client.PostAsJsonAsync($"/api/dps/{dps.Id}/lots", new { name, placementType = "ResidentialCare" })).ReadJsonAsync(HttpStatusCode.Created);

        var again = await client.PostAsJsonAsync($"/api/dps/{dps.Id}/lots", new { name = name.ToUpperInvariant(), placementType = "ResidentialCare" });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AddLot_NonsenseInput_Is400NamingTheFields()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var client = await app.Data.ClientForAsync(dps.Commissioner);

        var response = await client.PostAsJsonAsync($"/api/dps/{dps.Id}/lots", new
        {
            name = " ", benchmarkWeeklyPrice = -5, priceBandLower = 2000, priceBandUpper = 1000,
            questions = new[] { new { id = "q", text = "" }, new { id = "q", text = "Twice?" } },
        });

        await response.AssertValidationProblemAsync("name", "placementType", "benchmarkWeeklyPrice", "priceBandUpper", "questions[0].text", "questions[1].id");
    }

    [Fact]
    public async Task Apply_AnsweringEveryQuestion_IsSubmittedWithTheLegalDueDate()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        using var client = await app.Data.ClientForAsync(provider.User);

        var response = await client.PostAsJsonAsync($"/api/lots/{dps.LotId}/applications",
            new { providerId = provider.Id, answers = new Dictionary<string, object> { ["insurance"] = "Yes, policy PL-2231", ["safeguarding"] = true } });

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Submitted", body.GetProperty("status").GetString());
        // Submitted Monday 23 November 2026: ten working days later is Monday 7 December.
        Assert.Equal("2026-12-07", body.GetProperty("decisionDueBy").GetString());
    }

    /// <summary>
    /// Answers keyed in another case than the lot's question ids are filed under the lot's own ids (ADR 0015): the
    /// commissioner sees each beside its question, on every database, not as an answer to no question.
    /// </summary>
    [Fact]
    public async Task Apply_AnswerKeysInAnotherCase_AreFiledUnderTheLotsQuestions()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        using var client = await app.Data.ClientForAsync(provider.User);

        var response = await client.PostAsJsonAsync($"/api/lots/{dps.LotId}/applications",
            new { providerId = provider.Id, answers = new Dictionary<string, object> { ["INSURANCE"] = "Yes, policy PL-2231", ["Safeguarding"] = true } });

        var id = (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        using var commissioner = await app.Data.ClientForAsync(dps.Commissioner);
        var view = await (await commissioner.GetAsync($"/api/applications/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        var answers = view.GetProperty("answers").EnumerateArray()
            .Select(a => (Id: a.GetProperty("questionId").GetString(), HasText: a.GetProperty("questionText").ValueKind == System.Text.Json.JsonValueKind.String))
            .OrderBy(a => a.Id).ToList();
        Assert.Equal([("insurance", true), ("safeguarding", true)], answers);
    }

    [Fact]
    public async Task Apply_LotWithoutQuestions_NeedsNoAnswersAndKeepsThoseGiven()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var commissioner = await app.Data.ClientForAsync(dps.Commissioner);
        var lotId = (await (await commissioner.PostAsJsonAsync($"/api/dps/{dps.Id}/lots", new { name = "Open lot", placementType = "SupportedAccommodation" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var provider = await app.Data.CreateProviderAsync(ProviderType.SupportedAccommodation);
        using var client = await app.Data.ClientForAsync(provider.User);

        var bare = await client.PostAsJsonAsync($"/api/lots/{lotId}/applications", new { providerId = provider.Id, answers = new { } });
        var id = (await bare.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        var other = await app.Data.CreateProviderAsync(ProviderType.SupportedAccommodation);
        using var otherClient = await app.Data.ClientForAsync(other.User);
        var withAnswers = await otherClient.PostAsJsonAsync($"/api/lots/{lotId}/applications", new { providerId = other.Id, answers = new { note = "We also run a 24-hour on-call service" } });
        var withAnswersId = (await withAnswers.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var view = await (await commissioner.GetAsync($"/api/applications/{withAnswersId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("We also run a 24-hour on-call service", view.GetProperty("answers")[0].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Apply_MissingAnswer_Is400NamingTheQuestion()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);

        var response = await client.PostAsJsonAsync($"/api/lots/{dps.LotId}/applications", new { providerId = provider.Id, answers = new { insurance = "Yes" } });

        await response.AssertValidationProblemAsync("answers.safeguarding");
    }

    [Fact]
    public async Task Apply_ForAnotherProvider_Is403()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var other = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);

        var response = await client.PostAsJsonAsync($"/api/lots/{dps.LotId}/applications", new { providerId = other.Id, answers = new { insurance = "Yes", safeguarding = "Yes" } });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Role.Commissioner)]
    [InlineData(Role.PlacingOfficer)]
    public async Task Apply_NotAProvider_Is403(Role role)
    {
        var dps = await app.Data.CreateDpsAsync();
        using var client = await app.Data.ClientForAsync(role);

        var response = await client.PostAsJsonAsync($"/api/lots/{dps.LotId}/applications", new { answers = new { } });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Apply_Twice_Is409()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps, admit: false);
        using var client = await app.Data.ClientForAsync(provider.User);

        var again = await client.PostAsJsonAsync($"/api/lots/{dps.LotId}/applications", new { providerId = provider.Id, answers = new { insurance = "Yes", safeguarding = "Yes" } });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Apply_DraftDpsIs404AndClosedDpsIs422()
    {
        var draft = await app.Data.CreateDpsAsync(draft: true);
        var closed = await app.Data.CreateDpsAsync();
        using (var commissioner = await app.Data.ClientForAsync(closed.Commissioner))
        {
            Assert.Equal(HttpStatusCode.OK, (await commissioner.PostAsJsonAsync($"/api/dps/{closed.Id}/close", new { reason = "Re-procured" })).StatusCode);
        }
        var provider = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);
        var answers = new { insurance = "Yes", safeguarding = "Yes" };

        await (await client.PostAsJsonAsync($"/api/lots/{draft.LotId}/applications", new { answers })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync($"/api/lots/{closed.LotId}/applications", new { answers })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Applications_LeadCommissioner_SeesTheQueueAndOthersDoNot()
    {
        var participantAuthority = await app.Data.CreateLocalAuthorityAsync();
        var dps = await app.Data.CreateDpsAsync(participants: [participantAuthority.Id]);
        var provider = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, dps, admit: false);
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        var (_, participant) = await CommissionerAsync(participantAuthority.Id);

        var queue = await (await lead.GetAsync("/api/applications?status=Submitted")).ReadJsonAsync(HttpStatusCode.OK);
        var item = queue.EnumerateArray().Single();
        Assert.Equal(applicationId.ToString(), item.GetProperty("id").GetString());
        Assert.Equal(provider.Id.ToString(), item.GetProperty("providerId").GetString());
        Assert.Equal(provider.Name, item.GetProperty("providerName").GetString());
        Assert.Equal(dps.LotId.ToString(), item.GetProperty("lotId").GetString());
        Assert.Equal("2026-12-07", item.GetProperty("decisionDueBy").GetString());
        Assert.False(item.GetProperty("overdue").GetBoolean());
        Assert.True(item.TryGetProperty("submittedAt", out _));
        Assert.Empty((await (await participant.GetAsync("/api/applications?status=Submitted")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await (await participant.PostAsJsonAsync($"/api/applications/{applicationId}/decision", new { decision = "Admit", reason = "ok" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Applications_UnknownStatusFilter_Is400()
    {
        var (_, client) = await CommissionerAsync();

        await (await client.GetAsync("/api/applications?status=Pending")).AssertValidationProblemAsync("status");
    }

    [Theory]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.ProviderUser)]
    public async Task Applications_WrongRole_Is403(Role role)
    {
        using var client = await app.Data.ClientForAsync(role);

        await (await client.GetAsync("/api/applications?status=Submitted")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Decision_Admit_CreatesAMembershipAndTellsTheProvider()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, dps, admit: false);
        using var client = await app.Data.ClientForAsync(dps.Commissioner);

        var body = await (await client.PostAsJsonAsync($"/api/applications/{applicationId}/decision", new { decision = "Admit", reason = "All criteria met" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Admitted", body.GetProperty("status").GetString());
        var membershipId = body.GetProperty("membershipId").GetString();
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var memberships = await (await providerClient.GetAsync("/api/provider/memberships")).ReadJsonAsync(HttpStatusCode.OK);
        var membership = memberships.EnumerateArray().Single();
        Assert.Equal(membershipId, membership.GetProperty("id").GetString());
        Assert.Equal("All criteria met", membership.GetProperty("history")[0].GetProperty("reason").GetString());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.True(await db.OutboxEmails.AnyAsync(e => e.Reference == $"application-decision:{applicationId}"));
    }

    [Fact]
    public async Task Decision_RejectWithoutReasons_Is400AndWithReasonsTheProviderSeesThem()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, dps, admit: false);
        using var client = await app.Data.ClientForAsync(dps.Commissioner);

        await (await client.PostAsJsonAsync($"/api/applications/{applicationId}/decision", new { decision = "Reject" })).AssertValidationProblemAsync("reason");
        await (await client.PostAsJsonAsync($"/api/applications/{applicationId}/decision", new { decision = "Reject", reason = "No Regulation 44 visitor in place" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var mine = (await (await providerClient.GetAsync($"/api/applications/{applicationId}")).ReadJsonAsync(HttpStatusCode.OK));
        Assert.Equal("Rejected", mine.GetProperty("status").GetString());
        Assert.Equal("No Regulation 44 visitor in place", mine.GetProperty("decisionReason").GetString());
    }

    [Fact]
    public async Task Decision_Twice_Is409AndNonsenseIs400()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, dps);
        using var client = await app.Data.ClientForAsync(dps.Commissioner);

        await (await client.PostAsJsonAsync($"/api/applications/{applicationId}/decision", new { decision = "Admit" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/applications/{applicationId}/decision", new { decision = "Maybe" })).AssertValidationProblemAsync("decision");
        await (await client.PostAsJsonAsync($"/api/applications/{applicationId}/decision", new { })).AssertValidationProblemAsync("decision");
    }

    [Theory]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.ProviderUser)]
    public async Task Decision_WrongRole_Is403(Role role)
    {
        using var client = await app.Data.ClientForAsync(role);

        await (await client.PostAsJsonAsync($"/api/applications/{Guid.NewGuid()}/decision", new { decision = "Admit" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Extend_PcrOnceToFifteenWorkingDays_ThenRefused()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, dps, admit: false);
        using var client = await app.Data.ClientForAsync(dps.Commissioner);

        await (await client.PostAsJsonAsync($"/api/applications/{applicationId}/extend", new { })).AssertValidationProblemAsync("reason");
        var extended = await (await client.PostAsJsonAsync($"/api/applications/{applicationId}/extend", new { reason = "Awaiting references from two authorities" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("2026-12-14", extended.GetProperty("decisionDueBy").GetString());
        Assert.True(extended.GetProperty("extended").GetBoolean());
        await (await client.PostAsJsonAsync($"/api/applications/{applicationId}/extend", new { reason = "Again" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Extend_DynamicMarket_Is422()
    {
        var dps = await app.Data.CreateDpsAsync(regime: DpsRegime.ProcurementAct2023DynamicMarket, decisionPeriodDays: 20);
        var provider = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, dps, admit: false);
        using var client = await app.Data.ClientForAsync(dps.Commissioner);

        await (await client.PostAsJsonAsync($"/api/applications/{applicationId}/extend", new { reason = "More time" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task SuspendAndReinstate_LeadCommissioner_RecordsEachChange()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (_, membershipId) = await app.Data.ApplyAsync(provider, dps);
        using var client = await app.Data.ClientForAsync(dps.Commissioner);

        await (await client.PostAsJsonAsync($"/api/memberships/{membershipId}/suspend", new { })).AssertValidationProblemAsync("reason");
        var suspended = await (await client.PostAsJsonAsync($"/api/memberships/{membershipId}/suspend", new { reason = "QA red flag: safeguarding" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Suspended", suspended.GetProperty("status").GetString());
        await (await client.PostAsJsonAsync($"/api/memberships/{membershipId}/suspend", new { reason = "Again" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var reinstated = await (await client.PostAsJsonAsync($"/api/memberships/{membershipId}/reinstate", new { reason = "Flag resolved after visit" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Admitted", reinstated.GetProperty("status").GetString());
        var history = reinstated.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Admitted", "Suspended", "Admitted"], history.Select(h => h.GetProperty("to").GetString()));
        Assert.Equal("QA red flag: safeguarding", history[1].GetProperty("reason").GetString());
        Assert.Equal("Test Commissioner", history[1].GetProperty("by").GetString());
        await (await client.PostAsJsonAsync($"/api/memberships/{membershipId}/reinstate", new { reason = "Twice" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Suspend_OtherAuthorityIs404AndProviderIs403()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (_, membershipId) = await app.Data.ApplyAsync(provider, dps);
        var (_, stranger) = await CommissionerAsync();
        using var providerClient = await app.Data.ClientForAsync(provider.User);

        await (await stranger.PostAsJsonAsync($"/api/memberships/{membershipId}/suspend", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await providerClient.PostAsJsonAsync($"/api/memberships/{membershipId}/reinstate", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RemoveExcludedSupplier_PcrIs422AndDynamicMarketRemovesForGood()
    {
        var pcr = await app.Data.CreateDpsAsync();
        var market = await app.Data.CreateDpsAsync(regime: DpsRegime.ProcurementAct2023DynamicMarket);
        var provider = await app.Data.CreateProviderAsync();
        var (_, pcrMembership) = await app.Data.ApplyAsync(provider, pcr);
        var (_, marketMembership) = await app.Data.ApplyAsync(provider, market);
        var setting = await app.Data.CreateSettingAsync(provider);
        var vacancyId = await app.Data.CreateVacancyAsync(provider, setting, market.LotId);
        using var pcrClient = await app.Data.ClientForAsync(pcr.Commissioner);
        using var marketClient = await app.Data.ClientForAsync(market.Commissioner);

        await (await pcrClient.PostAsJsonAsync($"/api/memberships/{pcrMembership}/remove", new { reason = "Debarred" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var removed = await (await marketClient.PostAsJsonAsync($"/api/memberships/{marketMembership}/remove", new { reason = "On the debarment list" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Removed", removed.GetProperty("status").GetString());
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var vacancy = await (await providerClient.GetAsync($"/api/vacancies/{vacancyId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", vacancy.GetProperty("status").GetString());
        await (await providerClient.PostAsJsonAsync($"/api/lots/{market.LotId}/applications", new { answers = new { insurance = "Yes", safeguarding = "Yes" } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Withdraw_ProviderLeavesAndCanBeReadmittedOnANewApplication()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (_, membershipId) = await app.Data.ApplyAsync(provider, dps);
        using var client = await app.Data.ClientForAsync(provider.User);

        var withdrawn = await (await client.PostAsJsonAsync($"/api/memberships/{membershipId}/withdraw", new { reason = "Closing our residential service" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        var (_, again) = await app.Data.ApplyAsync(provider, dps);

        Assert.Equal(membershipId, again);
        var history = (await (await client.GetAsync("/api/provider/memberships")).ReadJsonAsync(HttpStatusCode.OK))[0].GetProperty("history");
        Assert.Equal(["Admitted", "Withdrawn", "Admitted"], history.EnumerateArray().Select(h => h.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task Memberships_ParticipatingCommissionerSeesThemAndStrangerGets404()
    {
        var participantAuthority = await app.Data.CreateLocalAuthorityAsync();
        var dps = await app.Data.CreateDpsAsync(participants: [participantAuthority.Id]);
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var (_, participant) = await CommissionerAsync(participantAuthority.Id);
        var (_, stranger) = await CommissionerAsync();

        var members = await (await participant.GetAsync($"/api/dps/{dps.Id}/memberships")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(provider.Name, members[0].GetProperty("providerName").GetString());
        await (await stranger.GetAsync($"/api/dps/{dps.Id}/memberships")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public class DpsApiSqliteTests(SqliteApp app) : DpsApiTests(app), IClassFixture<SqliteApp>;

public class DpsApiServerTests(ServerApp app) : DpsApiTests(app), IClassFixture<ServerApp>;
