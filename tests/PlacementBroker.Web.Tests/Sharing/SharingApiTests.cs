using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Hubs;

namespace PlacementBroker.Web.Tests.Sharing;

/// <summary>
/// The contract's "Referral documents and questions" over a referral sent to two providers of the lot, Ash and Birch,
/// who both offer; Cedar is a provider never sent it, and another council's officer tries the same ids. Run over SQLite
/// with documents in the data folder, and over PostgreSQL with documents in Azurite (the Azure Storage emulator).
/// </summary>
public abstract class SharingApiTests(PlacementBrokerApp app)
{
    private sealed record Side(TestProvider Who, HttpClient Client, Guid OfferId);

    private sealed record Market(TestDps Dps, TestUser OfficerUser, HttpClient Officer, HttpClient Manager, Guid ReferralId, Side Ash, Side Birch, HttpClient Cedar,
        HttpClient OtherOfficer, HttpClient Qa);

    private async Task<Market> MarketAsync(object? providerSummary = null, bool startsToday = false)
    {
        var dps = await app.Data.CreateDpsAsync();
        var officerUser = await app.Data.OfficerForAsync(dps);
        var officer = await app.Data.ClientForAsync(officerUser);
        var (ash, ashVacancy) = await app.Data.FittingProviderAsync(dps, 5200m);
        var (birch, birchVacancy) = await app.Data.FittingProviderAsync(dps, 5400m);
        var cedar = await app.Data.CreateProviderAsync();
        var referral = app.Data.Referral(dps.LotId);
        if (providerSummary is not null)
        {
            referral.With("providerSummary", providerSummary);
        }
        if (startsToday)
        {
            referral.With("startDate", PlacementBroker.Core.UkTime.Today(app.Clock).ToString("yyyy-MM-dd"));
        }
        var referralId = await referral.SendAsync(officer);
        async Task<Side> OfferAsync(TestProvider provider, Guid vacancy, decimal price)
        {
            var client = await app.Data.ClientForAsync(provider.User);
            var offer = await (await client.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId = vacancy, weeklyPrice = price }))
                .ReadJsonAsync(HttpStatusCode.Created);
            return new Side(provider, client, offer.GetProperty("id").GetGuid());
        }
        return new Market(dps, officerUser, officer,
            await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, dps.Commissioner.LocalAuthorityId)), referralId,
            await OfferAsync(ash, ashVacancy, 5200m), await OfferAsync(birch, birchVacancy, 5400m), await app.Data.ClientForAsync(cedar.User),
            await app.Data.ClientForAsync(Role.PlacingOfficer), await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId)));
    }

    private static async Task<Guid> UploadAsync(HttpClient officer, Guid referralId, byte[] content, string fileName, string kind, string shareAt)
    {
        var created = await (await officer.PostAsync($"/api/referrals/{referralId}/documents", DocumentSamples.Form(content, fileName, kind, shareAt, "Updated after the strategy meeting")))
            .ReadJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    private static async Task<List<string>> ListedAsync(HttpClient client, Guid referralId) =>
        [.. (await (await client.GetAsync($"/api/referrals/{referralId}/documents")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Select(d => d.GetProperty("kind").GetString()!)];

    private async Task<T> InDbAsync<T>(Func<PlacementBrokerDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }

    [Fact]
    public async Task Each_provider_sees_only_the_documents_of_its_stage_and_every_download_is_audited()
    {
        var m = await MarketAsync(startsToday: true);
        var riskBytes = DocumentSamples.Pdf("risk");
        var risk = await UploadAsync(m.Officer, m.ReferralId, riskBytes, "Risk assessment.pdf", "RiskAssessment", "Shortlisted");
        var carePlan = await UploadAsync(m.Officer, m.ReferralId, DocumentSamples.Docx(), "Care plan.docx", "CarePlan", "Placed");

        // Before shortlisting: both providers see the referral and no document, and the documents are not found.
        Assert.Empty(await ListedAsync(m.Ash.Client, m.ReferralId));
        await (await m.Ash.Client.GetAsync($"/api/documents/{risk}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["RiskAssessment", "CarePlan"], await ListedAsync(m.Officer, m.ReferralId));
        Assert.Equal(["RiskAssessment", "CarePlan"], await ListedAsync(m.Manager, m.ReferralId));

        await (await m.Officer.PostAsync($"/api/offers/{m.Ash.OfferId}/shortlist", null)).ReadJsonAsync(HttpStatusCode.OK);
        var offers = await (await m.Officer.GetAsync($"/api/referrals/{m.ReferralId}/offers")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(offers.EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == m.Ash.OfferId).GetProperty("shortlisted").GetBoolean());

        // Shortlisted: Ash sees and downloads the risk assessment, never the care plan; Birch still nothing.
        Assert.Equal(["RiskAssessment"], await ListedAsync(m.Ash.Client, m.ReferralId));
        var inbox = await (await m.Ash.Client.GetAsync($"/api/provider/referrals/{m.ReferralId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Shortlisted", inbox.GetProperty("stage").GetString());
        using (var download = await m.Ash.Client.GetAsync($"/api/documents/{risk}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(riskBytes, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("Risk assessment.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.True(download.Headers.CacheControl?.NoStore, "a document must never be cached");
        }
        await (await m.Ash.Client.GetAsync($"/api/documents/{carePlan}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await ListedAsync(m.Birch.Client, m.ReferralId));
        await (await m.Birch.Client.GetAsync($"/api/documents/{risk}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // Never sent the referral, another council, the wrong role.
        await (await m.Cedar.GetAsync($"/api/referrals/{m.ReferralId}/documents")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Cedar.GetAsync($"/api/documents/{risk}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.OtherOfficer.GetAsync($"/api/referrals/{m.ReferralId}/documents")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.OtherOfficer.GetAsync($"/api/documents/{risk}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.OtherOfficer.PostAsync($"/api/offers/{m.Birch.OfferId}/shortlist", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Qa.GetAsync($"/api/documents/{risk}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await m.Ash.Client.PostAsync($"/api/referrals/{m.ReferralId}/documents", DocumentSamples.Form(DocumentSamples.Pdf(), "x.pdf")))
            .AssertProblemAsync(HttpStatusCode.Forbidden);

        // Off the shortlist: gone from Ash's view at once.
        Assert.Equal(HttpStatusCode.NoContent, (await m.Officer.DeleteAsync($"/api/offers/{m.Ash.OfferId}/shortlist")).StatusCode);
        await (await m.Ash.Client.GetAsync($"/api/documents/{risk}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Officer.PostAsync($"/api/offers/{m.Ash.OfferId}/shortlist", null)).ReadJsonAsync(HttpStatusCode.OK);
        await (await m.Officer.PostAsync($"/api/offers/{m.Birch.OfferId}/shortlist", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["RiskAssessment"], await ListedAsync(m.Birch.Client, m.ReferralId));

        // Ash is placed: every document; Birch, shortlisted on a referral now closed without it, sees none again.
        var placement = (await (await m.Officer.PostAsJsonAsync($"/api/offers/{m.Ash.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("placementId").GetString();
        Assert.Equal(["RiskAssessment", "CarePlan"], await ListedAsync(m.Ash.Client, m.ReferralId));
        using (var download = await m.Ash.Client.GetAsync($"/api/documents/{carePlan}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(DocumentSamples.Docx().Length, (await download.Content.ReadAsByteArrayAsync()).Length);
        }
        Assert.Empty(await ListedAsync(m.Birch.Client, m.ReferralId));
        await (await m.Birch.Client.GetAsync($"/api/documents/{risk}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Officer.PostAsync($"/api/offers/{m.Birch.OfferId}/shortlist", null)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        // The officer's own read is audited as well: three downloads, each with who, when and which document.
        using (var own = await m.Officer.GetAsync($"/api/documents/{risk}"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        var audited = await InDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "DocumentDownloaded" && (e.EntityId == risk.ToString() || e.EntityId == carePlan.ToString()))
            .Select(e => new { e.EntityId, e.ActorUserId, e.ProviderId, e.LocalAuthorityId, e.OccurredAt }).ToListAsync());
        Assert.Equal(3, audited.Count);
        Assert.Equal(2, audited.Count(e => e.ActorUserId == m.Ash.Who.User.Id && e.ProviderId == m.Ash.Who.Id));
        Assert.Single(audited, e => e.ActorUserId == m.OfficerUser.Id && e.EntityId == risk.ToString());
        Assert.All(audited, e => Assert.Equal(m.Dps.Commissioner.LocalAuthorityId, e.LocalAuthorityId));

        // Deleted by the officer: gone for the placed provider too.
        Assert.Equal(HttpStatusCode.NoContent, (await m.Officer.DeleteAsync($"/api/documents/{carePlan}")).StatusCode);
        await (await m.Ash.Client.GetAsync($"/api/documents/{carePlan}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["RiskAssessment"], await ListedAsync(m.Officer, m.ReferralId));

        // The placement ends: the documents are no longer the provider's to read.
        await (await m.Officer.PostAsJsonAsync($"/api/placements/{placement}/end",
            new { endDate = PlacementBroker.Core.UkTime.Today(app.Clock).ToString("yyyy-MM-dd"), reason = "PlannedMove" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(await ListedAsync(m.Ash.Client, m.ReferralId));
        await (await m.Ash.Client.GetAsync($"/api/documents/{risk}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_pdf_word_and_images_are_accepted_judged_by_their_content()
    {
        var m = await MarketAsync();
        var path = $"/api/referrals/{m.ReferralId}/documents";

        var renamed = await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.Executable(), "care-plan.pdf"))).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.True(renamed.GetProperty("errors").TryGetProperty("file", out _));
        await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.PlainZip(), "plan.docx", claimedType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.Docx(macros: true), "plan.docx")))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await m.Officer.PostAsync(path, DocumentSamples.Form("<html><script>alert(1)</script>"u8.ToArray(), "plan.pdf")))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        // What it is decides its type and extension; the name loses any folders and unsafe characters.
        var png = await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.Png(), "../../etc/Body map <front>.pdf", "HealthAssessment", "Placed")))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("image/png", png.GetProperty("contentType").GetString());
        Assert.Equal("Body map _front.png", png.GetProperty("fileName").GetString());
        var docx = await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.Docx(), "EHCP.docx", "EducationPlan", "Shortlisted"))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.GetProperty("contentType").GetString());

        await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.Doc(macros: true), "plan.doc"))).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.PlainZip()[..40], "cut.docx"))).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var doc = await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.Doc(), "plan.doc", "PlacementPlan", "Placed"))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("application/msword", doc.GetProperty("contentType").GetString());
        var otherCase = await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.DocxOtherCase(), "other.docx", "Other", "Placed")))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("other.docx", otherCase.GetProperty("fileName").GetString());
        // A form cut short, a list where one name is asked for: a field error, never a 500.
        using (var cut = new ByteArrayContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4"u8.ToArray()))
        {
            cut.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
            await (await m.Officer.PostAsync(path, cut)).AssertValidationProblemAsync("file");
        }
        await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.Pdf(), "a.pdf", kind: "CarePlan,RiskAssessment"))).AssertValidationProblemAsync("kind");
        await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.Pdf(), "a.pdf", kind: null, shareAt: "Sometime")))
            .AssertValidationProblemAsync("shareAt");
        await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.Pdf(), "a.pdf", kind: null))).AssertValidationProblemAsync("kind");
        await (await m.Officer.PostAsync(path, DocumentSamples.Form(DocumentSamples.Pdf(), "a.pdf", note: new string('x', 1001)))).AssertValidationProblemAsync("note");
        await (await m.Officer.PostAsJsonAsync(path, new { kind = "CarePlan" })).AssertValidationProblemAsync("file");
        await (await m.OtherOfficer.PostAsync(path, DocumentSamples.Form(DocumentSamples.Pdf(), "a.pdf"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Manager.PostAsync(path, DocumentSamples.Form(DocumentSamples.Pdf(), "a.pdf"))).AssertProblemAsync(HttpStatusCode.Forbidden);

        // Nothing refused was kept.
        Assert.Equal(["HealthAssessment", "EducationPlan", "PlacementPlan", "Other"], await ListedAsync(m.Officer, m.ReferralId));
    }

    [Fact]
    public async Task A_file_of_20_MB_or_more_is_refused_and_nothing_is_kept()
    {
        var m = await MarketAsync();
        var path = $"/api/referrals/{m.ReferralId}/documents";
        var tooBig = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.7\n"u8.CopyTo(tooBig);
        var problem = await (await m.Officer.PostAsync(path, DocumentSamples.Form(tooBig, "scan.pdf"))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        var wayTooBig = new byte[24 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(wayTooBig);
        // Over the request limit the service answers before reading the body: a client that asks first (Expect: 100-continue) is told so
        // without sending it.
        using var askFirst = new HttpRequestMessage(HttpMethod.Post, path) { Content = DocumentSamples.Form(wayTooBig, "scan.pdf") };
        askFirst.Headers.ExpectContinue = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await m.Officer.SendAsync(askFirst)).StatusCode);

        var justUnder = new byte[20 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(justUnder);
        var created = await (await m.Officer.PostAsync(path, DocumentSamples.Form(justUnder, "scan.pdf"))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(justUnder.LongLength, created.GetProperty("size").GetInt64());
        Assert.Single(await ListedAsync(m.Officer, m.ReferralId));
    }

    [Fact]
    public async Task Questions_are_answered_to_the_asker_or_to_all_live_and_by_email_never_saying_who_asked()
    {
        var m = await MarketAsync();
        await using var officerHub = new HubClient(app.ServerAddress, await app.Data.TokenAsync(m.OfficerUser), "questionAsked");
        await using var ashHub = new HubClient(app.ServerAddress, await app.Data.TokenAsync(m.Ash.Who.User), "questionAnswered");
        await using var birchHub = new HubClient(app.ServerAddress, await app.Data.TokenAsync(m.Birch.Who.User), "questionAnswered");
        await Task.WhenAll(officerHub.StartAsync(), ashHub.StartAsync(), birchHub.StartAsync());
        var path = $"/api/referrals/{m.ReferralId}/questions";

        var birchQuestion = (await (await m.Birch.Client.PostAsJsonAsync(path, new { text = "Does she have contact with her siblings, and how often?" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var asked = await officerHub.NextAsync();
        Assert.Equal("questionAsked", asked.Event);
        Assert.Equal(birchQuestion, JsonDocument.Parse(asked.Payload).RootElement.GetProperty("questionId").GetGuid());
        var ashQuestion = (await (await m.Ash.Client.PostAsJsonAsync(path, new { text = "Is there a history of fire-setting?" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(ashQuestion, JsonDocument.Parse((await officerHub.NextAsync()).Payload).RootElement.GetProperty("questionId").GetGuid());

        await (await m.Cedar.PostAsJsonAsync(path, new { text = "Can we see it?" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Ash.Client.PostAsJsonAsync(path, new { text = " " })).AssertValidationProblemAsync("text");
        await (await m.Officer.PostAsJsonAsync(path, new { text = "Officers do not ask" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        // The officer sees both, with who asked.
        var all = await (await m.Officer.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([m.Birch.Who.Name, m.Ash.Who.Name], all.EnumerateArray().Select(q => q.GetProperty("providerName").GetString()));

        // Birch's answered privately: only Birch hears it. Ash's answered to all: both hear it, and Ash's first event is that one.
        await (await m.Officer.PostAsJsonAsync($"/api/questions/{birchQuestion}/answer", new { text = "Weekly supervised contact with her brother.", shareWithAll = false }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(birchQuestion, JsonDocument.Parse((await birchHub.NextAsync()).Payload).RootElement.GetProperty("questionId").GetGuid());
        await (await m.Officer.PostAsJsonAsync($"/api/questions/{ashQuestion}/answer", new { text = "No history of fire-setting.", shareWithAll = true }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(ashQuestion, JsonDocument.Parse((await ashHub.NextAsync()).Payload).RootElement.GetProperty("questionId").GetGuid());
        Assert.Equal(ashQuestion, JsonDocument.Parse((await birchHub.NextAsync()).Payload).RootElement.GetProperty("questionId").GetGuid());

        await (await m.Officer.PostAsJsonAsync($"/api/questions/{ashQuestion}/answer", new { text = "Again", shareWithAll = true })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await m.Officer.PostAsJsonAsync($"/api/questions/{birchQuestion}/answer", new { text = "x" })).AssertValidationProblemAsync("shareWithAll");
        await (await m.OtherOfficer.PostAsJsonAsync($"/api/questions/{birchQuestion}/answer", new { text = "x", shareWithAll = true })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Manager.PostAsJsonAsync($"/api/questions/{birchQuestion}/answer", new { text = "x", shareWithAll = true })).AssertProblemAsync(HttpStatusCode.Forbidden);

        // Ash: its own question (answered to all) and nothing of Birch's private thread.
        var ashView = await (await m.Ash.Client.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK);
        var ashOnly = Assert.Single(ashView.EnumerateArray());
        Assert.Equal("No history of fire-setting.", ashOnly.GetProperty("answer").GetString());
        // Birch: its own private answer, and Ash's shared one without a word of who asked.
        var birchView = (await (await m.Birch.Client.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(["Weekly supervised contact with her brother.", "No history of fire-setting."], birchView.Select(q => q.GetProperty("answer").GetString()));
        var shared = birchView[1];
        Assert.False(shared.GetProperty("mine").GetBoolean());
        Assert.False(shared.TryGetProperty("providerName", out _));
        Assert.False(shared.TryGetProperty("providerId", out _));
        Assert.DoesNotContain(m.Ash.Who.Name, shared.GetRawText());
        await (await m.Cedar.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.OtherOfficer.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);

        // By email: the officer for each question; Birch for its private answer; both for the shared one, never naming Ash.
        var mail = await InDbAsync(db => db.OutboxEmails.AsNoTracking()
            .Where(e => e.Reference != null && (e.Reference.StartsWith("question-asked:") || e.Reference.StartsWith("question-answered:")))
            .Where(e => e.Reference!.Contains(birchQuestion.ToString()) || e.Reference!.Contains(ashQuestion.ToString()))
            .Select(e => new { e.To, e.Reference, e.Body }).ToListAsync());
        Assert.Equal(2, mail.Count(e => e.To == m.OfficerUser.Email));
        Assert.Single(mail, e => e.Reference == $"question-answered:{birchQuestion}:{m.Birch.Who.Id}");
        Assert.DoesNotContain(mail, e => e.Reference == $"question-answered:{birchQuestion}:{m.Ash.Who.Id}");
        Assert.Contains(mail, e => e.Reference == $"question-answered:{ashQuestion}:{m.Birch.Who.Id}");
        Assert.All(mail.Where(e => e.Reference!.StartsWith("question-answered:")), e => Assert.DoesNotContain(m.Ash.Who.Name, e.Body));

        // Only the placed provider knows who the child is: no answer to anyone else may name her.
        var third = (await (await m.Birch.Client.PostAsJsonAsync(path, new { text = "What does she enjoy doing?" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await (await m.Officer.PostAsJsonAsync($"/api/questions/{third}/answer", new { text = "Amelia loves drawing.", shareWithAll = true }))
            .AssertValidationProblemAsync("text");
        await (await m.Officer.PostAsJsonAsync($"/api/questions/{third}/answer", new { text = "Amelia loves drawing.", shareWithAll = false }))
            .AssertValidationProblemAsync("text");
    }

    [Fact]
    public async Task The_provider_summary_reaches_every_provider_and_may_not_identify_the_child()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        foreach (var identifying in new[]
        {
            "Amelia has self-harmed when anxious.", "Born 17/05/2012; anxious in groups.", "Born on 17th May 2012.", "HARTLEY-TESTCASE is known to CAMHS.",
        })
        {
            var body = app.Data.ReferralBody(dps.LotId);
            body["providerSummary"] = identifying;
            await (await officer.PostAsJsonAsync("/api/referrals", body)).AssertValidationProblemAsync("providerSummary");
        }
        var tooLong = app.Data.ReferralBody(dps.LotId);
        tooLong["providerSummary"] = new string('x', 4001);
        await (await officer.PostAsJsonAsync("/api/referrals", tooLong)).AssertValidationProblemAsync("providerSummary");

        const string summary = "Risks: self-harm when anxious, one missing episode this year. She will need a calm home and support to stay at her school. "
            + "She says she wants to keep seeing her brother every week.";
        var m = await MarketAsync(summary);
        var read = await (await m.Birch.Client.GetAsync($"/api/provider/referrals/{m.ReferralId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(summary, read.GetProperty("providerSummary").GetString());
        Assert.Equal("Recipient", read.GetProperty("stage").GetString());
        Assert.DoesNotContain("Amelia", read.GetRawText());
        var own = await (await m.Officer.GetAsync($"/api/referrals/{m.ReferralId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(summary, own.GetProperty("providerSummary").GetString());
    }

    [Fact]
    public async Task Only_live_offers_of_an_open_referral_are_shortlisted_by_its_own_officers()
    {
        var m = await MarketAsync();
        await (await m.Ash.Client.PostAsync($"/api/offers/{m.Ash.OfferId}/shortlist", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await m.Manager.PostAsync($"/api/offers/{m.Ash.OfferId}/shortlist", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await m.OtherOfficer.DeleteAsync($"/api/offers/{m.Ash.OfferId}/shortlist")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Officer.PostAsync($"/api/offers/{Guid.NewGuid()}/shortlist", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        await (await m.Birch.Client.PostAsync($"/api/offers/{m.Birch.OfferId}/withdraw", null)).ReadJsonAsync(HttpStatusCode.OK);
        await (await m.Officer.PostAsync($"/api/offers/{m.Birch.OfferId}/shortlist", null)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        // Twice is once, and the provider is told once.
        await (await m.Officer.PostAsync($"/api/offers/{m.Ash.OfferId}/shortlist", null)).ReadJsonAsync(HttpStatusCode.OK);
        var again = await (await m.Officer.PostAsync($"/api/offers/{m.Ash.OfferId}/shortlist", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(again.GetProperty("shortlisted").GetBoolean());
        Assert.Equal(1, await InDbAsync(db => db.OutboxEmails.CountAsync(e => e.Reference!.StartsWith($"offer-shortlisted:{m.Ash.OfferId}"))));

        // A withdrawn referral closes the shortlist: Ash sees no document again.
        var risk = await UploadAsync(m.Officer, m.ReferralId, DocumentSamples.Pdf(), "Risk.pdf", "RiskAssessment", "Shortlisted");
        Assert.Equal(HttpStatusCode.OK, (await m.Ash.Client.GetAsync($"/api/documents/{risk}")).StatusCode);
        await (await m.Officer.PostAsJsonAsync($"/api/referrals/{m.ReferralId}/withdraw", new { reason = "Placed with family" })).ReadJsonAsync(HttpStatusCode.OK);
        await (await m.Ash.Client.GetAsync($"/api/documents/{risk}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await m.Officer.PostAsync($"/api/referrals/{m.ReferralId}/documents", DocumentSamples.Form(DocumentSamples.Pdf(), "late.pdf")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await m.Ash.Client.PostAsJsonAsync($"/api/referrals/{m.ReferralId}/questions", new { text = "Still open?" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_referral_sent_again_keeps_its_summary_and_documents_each_at_its_stage()
    {
        var m = await MarketAsync("Needs a calm home; no known risk to younger children.");
        var risk = await UploadAsync(m.Officer, m.ReferralId, DocumentSamples.Pdf("risk"), "Risk.pdf", "RiskAssessment", "Shortlisted");
        await UploadAsync(m.Officer, m.ReferralId, DocumentSamples.Png(), "Plan.png", "PlacementPlan", "Placed");
        app.Clock.Advance(TimeSpan.FromDays(3));
        // Signed in again: the tokens of three days ago have expired.
        using var officer = await app.Data.ClientForAsync(m.OfficerUser);
        using var ash = await app.Data.ClientForAsync(m.Ash.Who.User);
        var again = (await (await officer.PostAsJsonAsync($"/api/referrals/{m.ReferralId}/rebroadcast", new
        {
            maxDistanceMiles = 40, offerDeadline = app.Clock.GetUtcNow().UtcDateTime.AddDays(2).ToString("O"),
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var copied = await (await officer.GetAsync($"/api/referrals/{again}/documents")).ReadJsonAsync(HttpStatusCode.OK);
        // Copied in one instant, so listed in no particular order between themselves.
        Assert.Equal([("PlacementPlan", "Placed"), ("RiskAssessment", "Shortlisted")],
            copied.EnumerateArray().Select(d => (d.GetProperty("kind").GetString(), d.GetProperty("shareAt").GetString())).Order());
        Assert.NotEqual(risk, copied[0].GetProperty("id").GetGuid());
        var read = await (await ash.GetAsync($"/api/provider/referrals/{again}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Needs a calm home; no known risk to younger children.", read.GetProperty("providerSummary").GetString());
        // Deleting the old referral's copy leaves the new one's.
        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/documents/{risk}")).StatusCode);
        using var download = await officer.GetAsync($"/api/documents/{copied[0].GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }
}

/// <summary>SQLite, with documents encrypted in the data folder.</summary>
public class SharingFileSystemApiTests(LiveApp app) : SharingApiTests(app), IClassFixture<LiveApp>;

/// <summary>PostgreSQL, with documents in Azurite.</summary>
public class SharingAzuriteApiTests(AzuritePostgresApp app) : SharingApiTests(app), IClassFixture<AzuritePostgresApp>;
