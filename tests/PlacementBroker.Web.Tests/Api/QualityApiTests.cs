using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>The contract's quality assurance and Ofsted routes, and how QA judgement flows into matching and approvals.</summary>
public abstract class QualityApiTests(PlacementBrokerApp app)
{
    private async Task<(TestDps Dps, TestUser Qa, HttpClient Client)> QaAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var qa = await app.Data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId);
        return (dps, qa, await app.Data.ClientForAsync(qa));
    }

    private static async Task<string> RaiseAsync(HttpClient qa, Guid providerId, string severity, Guid? settingId = null) =>
        (await (await qa.PostAsJsonAsync("/api/qa/flags", new { providerId, settingId, category = "Safeguarding", severity, description = $"{severity} safeguarding concern" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    [Fact]
    public async Task CriticalFlag_MakesTheProviderRed_OutOfBroadcastAndMatching_AndResolvingRestoresIt()
    {
        var (dps, _, qa) = await QaAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);

        var flagId = await RaiseAsync(qa, provider.Id, "Critical");

        var status = await (await officerClient.GetAsync($"/api/providers/{provider.Id}/qa-status")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Red", status.GetProperty("status").GetString());
        Assert.Contains("Critical safeguarding concern", status.GetProperty("reasons")[0].GetString());
        var whileRed = await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(0, whileRed.GetProperty("providersNotified").GetInt32());
        var matches = await (await officerClient.GetAsync($"/api/referrals/{whileRed.GetProperty("id").GetString()}/matches")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(matches.EnumerateArray(), m => m.GetProperty("vacancyId").GetString() == vacancyId.ToString() && m.GetProperty("eligible").GetBoolean());
        using (var providerClient = await app.Data.ClientForAsync(provider.User))
        {
            var memberships = await (await providerClient.GetAsync("/api/provider/memberships")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Suspended", memberships[0].GetProperty("status").GetString());
        }

        await (await qa.PostAsJsonAsync($"/api/qa/flags/{flagId}/resolve", new { })).AssertValidationProblemAsync("resolution");
        await (await qa.PostAsJsonAsync($"/api/qa/flags/{flagId}/resolve", new { resolution = "Allegation unfounded after LADO strategy meeting" })).ReadJsonAsync(HttpStatusCode.OK);
        await (await qa.PostAsJsonAsync($"/api/qa/flags/{flagId}/resolve", new { resolution = "Again" })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Green", (await (await officerClient.GetAsync($"/api/providers/{provider.Id}/qa-status")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        var afterResolve = await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, afterResolve.GetProperty("providersNotified").GetInt32());
    }

    [Fact]
    public async Task CriticalFlag_WhileRed_NoMembershipComesBackButByResolvingIt_AndANewAdmissionIsSuspendedToo()
    {
        var (dps, _, qa) = await QaAsync();
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        var (_, firstMembership) = await app.Data.ApplyAsync(provider, dps);
        var flagId = await RaiseAsync(qa, provider.Id, "Critical");
        using var commissioner = await app.Data.ClientForAsync(dps.Commissioner);

        var reinstate = await (await commissioner.PostAsJsonAsync($"/api/memberships/{firstMembership}/reinstate", new { reason = "We need the places" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var otherDps = await app.Data.CreateDpsAsync();
        var (_, secondMembership) = await app.Data.ApplyAsync(provider, otherDps);
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var whileRed = (await (await providerClient.GetAsync("/api/provider/memberships")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

        Assert.Contains("red in quality assurance", reinstate.GetProperty("detail").GetString());
        Assert.Equal(2, whileRed.Count);
        Assert.All(whileRed, m => Assert.Equal("Suspended", m.GetProperty("status").GetString()));
        await (await qa.PostAsJsonAsync($"/api/qa/flags/{flagId}/resolve", new { resolution = "Concern unfounded after the strategy meeting" })).ReadJsonAsync(HttpStatusCode.OK);
        var afterResolve = (await (await providerClient.GetAsync("/api/provider/memberships")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.All(afterResolve, m => Assert.Equal("Admitted", m.GetProperty("status").GetString()));
        Assert.Contains(afterResolve, m => m.GetProperty("id").GetGuid() == secondMembership);
    }

    [Fact]
    public async Task HighFlag_MakesTheProviderAmber_AndAcceptingItsOfferNeedsApproval()
    {
        var (dps, qaUser, qa) = await QaAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        await RaiseAsync(qa, provider.Id, "High");
        var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000 })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();

        var accepted = await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted);

        Assert.Contains(accepted.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("amber"));
        var queue = await (await qa.GetAsync("/api/qa/work-queue")).ReadJsonAsync(HttpStatusCode.OK);
        var concern = queue.EnumerateArray().Single(i => i.GetProperty("providerId").GetString() == provider.Id.ToString() && i.GetProperty("kind").GetString() == "ConcernVisit");
        Assert.Equal("2026-11-30", concern.GetProperty("dueBy").GetString());
        Assert.False(concern.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Visit_RecordedWithoutReport_PutsTheReportOnTheQueueUntilDone()
    {
        var (dps, _, qa) = await QaAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var settingId = await app.Data.CreateSettingAsync(provider);

        await (await qa.PostAsJsonAsync("/api/qa/visits", new { settingId, visitDate = "2030-01-01", type = "Annual" })).AssertValidationProblemAsync("visitDate");
        await (await qa.PostAsJsonAsync("/api/qa/visits", new { settingId, type = "Social" })).AssertValidationProblemAsync("type");
        var visitId = (await (await qa.PostAsJsonAsync("/api/qa/visits", new { settingId, visitDate = "2026-11-20", type = "Annual", outcome = "Satisfactory" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        var queue = await (await qa.GetAsync("/api/qa/work-queue")).ReadJsonAsync(HttpStatusCode.OK);
        var report = queue.EnumerateArray().Single(i => i.GetProperty("settingId").GetString() == settingId.ToString() && i.GetProperty("kind").GetString() == "Report");
        Assert.Equal("2026-12-04", report.GetProperty("dueBy").GetString());
        await (await qa.PostAsJsonAsync($"/api/qa/visits/{visitId}/report", new { reportCompletedOn = "2026-11-21", reportReviewedOn = "2026-11-22" })).ReadJsonAsync(HttpStatusCode.OK);
        var after = await (await qa.GetAsync("/api/qa/work-queue")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(after.EnumerateArray(), i => i.GetProperty("settingId").GetString() == settingId.ToString() && i.GetProperty("kind").GetString() == "Report");
    }

    [Theory]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.Commissioner)]
    [InlineData(Role.ProviderUser)]
    public async Task QaRoutes_WrongRole_Are403(Role role)
    {
        var provider = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(role);

        await (await client.PostAsJsonAsync("/api/qa/flags", new { providerId = provider.Id, category = "Concern", severity = "Low", description = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync($"/api/qa/flags/{Guid.NewGuid()}/resolve", new { resolution = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync("/api/qa/visits", new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/qa/work-queue")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task QaStatus_ProvidersCannotReadItAndUnknownIs404()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        using var officer = await app.Data.ClientForAsync(Role.PlacingOfficer);

        await (await providerClient.GetAsync($"/api/providers/{provider.Id}/qa-status")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.GetAsync($"/api/providers/{Guid.NewGuid()}/qa-status")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RaiseFlag_NonsenseInput_Is400NamingTheFields()
    {
        var (_, _, qa) = await QaAsync();

        await (await qa.PostAsJsonAsync("/api/qa/flags", new { providerId = Guid.NewGuid(), description = "" })).AssertValidationProblemAsync("providerId", "category", "severity", "description");
        await (await qa.PostAsJsonAsync("/api/qa/flags", new { category = "Gossip" })).AssertValidationProblemAsync("category");
    }

    [Fact]
    public async Task OfstedImport_RealisticFile_UpdatesGradesReportsBadRowsAndIsIdempotent()
    {
        var (dps, qaUser, _) = await QaAsync();
        using var admin = await app.Data.AdminClientAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (downgraded, placedVacancy) = await app.Data.FittingProviderAsync(dps, 5000m, OfstedGrade.Good);
        var closing = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(closing, dps);
        var closingSetting = await app.Data.CreateSettingAsync(closing);
        var closingVacancy = await app.Data.CreateVacancyAsync(closing, closingSetting, dps.LotId);
        var improving = await app.Data.CreateProviderAsync();
        var improvingSetting = await app.Data.CreateSettingAsync(improving, grade: OfstedGrade.RequiresImprovement);
        // A child placed at the home about to be downgraded: the officer must be told.
        using var officerClient = await app.Data.ClientForAsync(officer);
        var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        using (var providerClient = await app.Data.ClientForAsync(downgraded.User))
        {
            var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId = placedVacancy, weeklyPrice = 5000 }))
                .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
            await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created);
        }
        string Urn(Guid settingId)
        {
            using var scope = app.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Settings.Single(s => s.Id == settingId).OfstedUrn;
        }
        var downgradedUrn = (await officerClient.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/placements?status=Active"))[0].GetProperty("settingOfstedUrn").GetString()!;

        // Shuffled columns, extra ones, the older header name, both date formats, and bad rows among many unknown URNs.
        var csv = new StringBuilder("Region,Inspection date,Places,URN,Registration status,Overall effectiveness,Sector,Local authority\n");
        var random = new Random(6);
        for (var i = 0; i < 300; i++)
        {
            csv.AppendLine($"North West,{random.Next(1, 28):00}/{random.Next(1, 12):00}/2025,4,SC{900000 + i},Active,Good,Private,Lancashire");
        }
        csv.AppendLine($"Yorkshire and The Humber,2026-11-02,4,{downgradedUrn},Active,Inadequate,Private,Leeds");
        csv.AppendLine($"Yorkshire and The Humber,14/09/2026,4,{Urn(closingSetting)},Cancelled,Good,Private,Leeds");
        csv.AppendLine($"Yorkshire and The Humber,01/10/2026,4,{Urn(improvingSetting)},Active,Good,Private,Kirklees");
        csv.AppendLine("North East,01/01/2026,4,,Active,Good,Private,Durham");
        csv.AppendLine("North East,31/02/2026,4,SC123123,Active,Good,Private,Durham");
        csv.AppendLine("North East,01/03/2026,4,SC123124,Active,Brilliant,Private,Durham");
        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");

        var result = await (await admin.PostAsync("/api/ofsted/import", content)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(306, result.GetProperty("rowsRead").GetInt32());
        Assert.Equal(3, result.GetProperty("settingsUpdated").GetInt32());
        Assert.Equal(1, result.GetProperty("downgrades").GetInt32());
        var rejected = result.GetProperty("rejectedRows").EnumerateArray().ToList();
        Assert.Equal([305, 306, 307], rejected.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Contains("No URN", rejected[0].GetProperty("reason").GetString());
        Assert.Contains("31/02/2026", rejected[1].GetProperty("reason").GetString());
        Assert.Contains("Brilliant", rejected[2].GetProperty("reason").GetString());
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var setting = await db.Settings.SingleAsync(s => s.OfstedUrn == downgradedUrn);
            Assert.Equal(OfstedGrade.Inadequate, setting.OfstedGrade);
            Assert.Equal(new DateOnly(2026, 11, 2), setting.LastInspectionDate);
            Assert.Equal(OfstedGrade.Good, (await db.SettingInspections.SingleAsync(h => h.SettingId == setting.Id)).PreviousGrade);
            Assert.True(await db.OutboxEmails.AnyAsync(e => e.To == officer.Email && e.Subject.StartsWith("Ofsted downgrade")));
            Assert.True(await db.OutboxEmails.AnyAsync(e => e.To == qaUser.Email && e.Subject.StartsWith("Ofsted downgrade")));
            Assert.Equal(Core.Providers.VacancyStatus.Withdrawn, (await db.Vacancies.SingleAsync(v => v.Id == closingVacancy)).Status);
            Assert.Equal(OfstedGrade.Good, (await db.Settings.SingleAsync(s => s.Id == improvingSetting)).OfstedGrade);
        }

        using var again = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        var second = await (await admin.PostAsync("/api/ofsted/import", again)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, second.GetProperty("settingsUpdated").GetInt32());
        Assert.Equal(0, second.GetProperty("downgrades").GetInt32());
    }

    [Fact]
    public async Task OfstedImport_CurrentHeaderNameAndIsoDates_AreRead()
    {
        using var admin = await app.Data.AdminClientAsync();
        var provider = await app.Data.CreateProviderAsync();
        var settingId = await app.Data.CreateSettingAsync(provider, grade: OfstedGrade.NotYetInspected);
        string urn;
        using (var scope = app.Services.CreateScope())
        {
            urn = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Settings.Single(s => s.Id == settingId).OfstedUrn;
        }
        var csv = $"URN,Provision type,Overall experiences and progress of children and young people,Inspection date\n{urn},Children's home,Requires improvement to be good,2026-10-15\n";
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");

        var result = await (await admin.PostAsync("/api/ofsted/import", content)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, result.GetProperty("settingsUpdated").GetInt32());
        Assert.Equal(1, result.GetProperty("downgrades").GetInt32());
    }

    [Fact]
    public async Task OfstedImport_RegionInTheRegister_ReplacesTheOneFromThePostcode()
    {
        using var admin = await app.Data.AdminClientAsync();
        var provider = await app.Data.CreateProviderAsync();
        // A Leeds postcode: Yorkshire and The Humber until the register says otherwise.
        var settingId = await app.Data.CreateSettingAsync(provider);
        async Task<Core.Providers.Setting> SettingAsync()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Settings.SingleAsync(s => s.Id == settingId);
        }
        var before = await SettingAsync();
        Assert.Equal(EnglishRegion.YorkshireAndTheHumber, before.Region);
        var csv = $"URN,Region,Overall effectiveness,Inspection date\n{before.OfstedUrn},North West,,\n";

        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var result = await (await admin.PostAsync("/api/ofsted/import", content)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, result.GetProperty("settingsUpdated").GetInt32());
        var after = await SettingAsync();
        Assert.Equal(EnglishRegion.NorthWest, after.Region);
        Assert.Equal(before.OfstedGrade, after.OfstedGrade);
        using var again = new StringContent(csv, Encoding.UTF8, "text/csv");
        Assert.Equal(0, (await (await admin.PostAsync("/api/ofsted/import", again)).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("settingsUpdated").GetInt32());
    }

    [Fact]
    public async Task OfstedImport_RegistrationClosed_ReleasesAPlaceHeldForApprovalAndClosesTheApproval()
    {
        var (dps, _, _) = await QaAsync();
        using var admin = await app.Data.AdminClientAsync();
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        using var manager = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, dps.Commissioner.LocalAuthorityId));
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 5000m, OfstedGrade.Inadequate);
        var referralId = (await (await officer.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000 })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        // An Inadequate setting: accepting asks a manager, and the place is held meanwhile.
        var approvalId = (await (await officer.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted))
            .GetProperty("approvalId").GetString();
        string urn;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            urn = (await db.Vacancies.Include(v => v.Setting).SingleAsync(v => v.Id == vacancyId)).Setting!.OfstedUrn;
        }
        using var content = new StringContent($"URN,Registration status\n{urn},Closed\n", Encoding.UTF8, "text/csv");

        await (await admin.PostAsync("/api/ofsted/import", content)).ReadJsonAsync(HttpStatusCode.OK);

        var rejected = (await (await manager.GetAsync("/api/approvals?status=Rejected")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == approvalId);
        Assert.Equal("Ofsted's register shows the setting's registration closed", rejected.GetProperty("decisionReason").GetString());
        await (await manager.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Approve", reason = "Visited" })).AssertProblemAsync(HttpStatusCode.Conflict);
        using var check = app.Services.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.Equal(Core.Providers.VacancyStatus.Withdrawn, (await after.Vacancies.SingleAsync(v => v.Id == vacancyId)).Status);
        Assert.Equal(Core.Referrals.OfferStatus.Withdrawn, (await after.Offers.SingleAsync(o => o.Id == Guid.Parse(offerId!))).Status);
    }

    [Fact]
    public async Task OfstedImport_IsForPlatformAdminsOnly_QaOfficersCommissionersAndOfficersAre403()
    {
        var (_, _, qa) = await QaAsync();
        using var officer = await app.Data.ClientForAsync(Role.PlacingOfficer);
        using var commissioner = await app.Data.ClientForAsync(Role.Commissioner);
        using var admin = await app.Data.AdminClientAsync();
        var provider = await app.Data.CreateProviderAsync();
        var settingId = await app.Data.CreateSettingAsync(provider, grade: OfstedGrade.Good);
        string urn;
        using (var scope = app.Services.CreateScope())
        {
            urn = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Settings.Single(s => s.Id == settingId).OfstedUrn;
        }
        StringContent Csv() => new($"URN,Overall effectiveness,Inspection date\n{urn},Inadequate,2026-11-02\n", Encoding.UTF8, "text/csv");

        await (await qa.PostAsync("/api/ofsted/import", Csv())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await commissioner.PostAsync("/api/ofsted/import", Csv())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsync("/api/ofsted/import", Csv())).AssertProblemAsync(HttpStatusCode.Forbidden);
        using (var scope = app.Services.CreateScope())
        {
            var setting = await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Settings.SingleAsync(s => s.Id == settingId);
            Assert.Equal(OfstedGrade.Good, setting.OfstedGrade);
        }

        var result = await (await admin.PostAsync("/api/ofsted/import", Csv())).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, result.GetProperty("settingsUpdated").GetInt32());
    }

    [Fact]
    public async Task OfstedImport_NotCsvIs415AndNoUrnColumnIs400()
    {
        using var admin = await app.Data.AdminClientAsync();

        await (await admin.PostAsJsonAsync("/api/ofsted/import", new { urn = "x" })).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await admin.PostAsync("/api/ofsted/import", new StringContent("Name,Grade\nx,Good\n", Encoding.UTF8, "text/csv"))).AssertValidationProblemAsync("file");
    }

    [Fact]
    public async Task QaFlag_IsChangedOnlyByTheCouncilThatRaisedIt_AnotherCouncilGets404AndTheProviderStaysRed()
    {
        var (dps, _, qa) = await QaAsync();
        var (_, _, otherQa) = await QaAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        var flagId = await RaiseAsync(qa, provider.Id, "Critical");

        await (await otherQa.PutAsJsonAsync($"/api/qa/flags/{flagId}", new { severity = "Low", description = "Nothing to see" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherQa.PostAsJsonAsync($"/api/qa/flags/{flagId}/resolve", new { resolution = "Closed by another council" })).AssertProblemAsync(HttpStatusCode.NotFound);

        var status = await (await officerClient.GetAsync($"/api/providers/{provider.Id}/qa-status")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Red", status.GetProperty("status").GetString());
        var profile = await (await otherQa.GetAsync($"/api/providers/{provider.Id}/qa-profile")).ReadJsonAsync(HttpStatusCode.OK);
        var flag = profile.GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("id").GetString() == flagId);
        Assert.Equal("Critical", flag.GetProperty("severity").GetString());
        Assert.Equal("Critical safeguarding concern", flag.GetProperty("description").GetString());
        Assert.Equal("Open", flag.GetProperty("status").GetString());

        await (await qa.PutAsJsonAsync($"/api/qa/flags/{flagId}", new { description = "Critical safeguarding concern, LADO informed" })).ReadJsonAsync(HttpStatusCode.OK);
        await (await qa.PostAsJsonAsync($"/api/qa/flags/{flagId}/resolve", new { resolution = "Allegation unfounded after LADO strategy meeting" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Green", (await (await officerClient.GetAsync($"/api/providers/{provider.Id}/qa-status")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
    }
}

public class QualityApiSqliteTests(SqliteApp app) : QualityApiTests(app), IClassFixture<SqliteApp>;

public class QualityApiServerTests(ServerApp app) : QualityApiTests(app), IClassFixture<ServerApp>;
