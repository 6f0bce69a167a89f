using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Provider;
using PlacementBroker.Web.Tests.Sharing;

namespace PlacementBroker.Web.Tests.Pages.Referrals;

/// <summary>
/// The pages of sharing with providers, read as their users read them: each provider's referral page shows what its stage
/// allows and its download is not found before it; the council's documents page is for its own officers (who upload) and
/// managers (who read); the upload form's errors are at their fields.
/// </summary>
public class SharingPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Summary = "Risks: self-harm when anxious. Needs a calm home and help to stay in her school.";

    private async Task<(TestDps Dps, TestUser Officer, TestProvider Ash, TestProvider Birch, Guid ReferralId, Guid Risk, byte[] RiskBytes)> MarketAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (ash, ashVacancy) = await app.Data.FittingProviderAsync(dps, 5000m);
        var (birch, birchVacancy) = await app.Data.FittingProviderAsync(dps, 5000m);
        using var officerApi = await app.Data.ClientForAsync(officer);
        var referralId = await app.Data.Referral(dps.LotId).With("providerSummary", Summary).SendAsync(officerApi);
        var ashOffer = await app.OfferAsync(ash, referralId, ashVacancy, 5000m);
        await app.OfferAsync(birch, referralId, birchVacancy, 5000m);
        var bytes = DocumentSamples.Pdf("risk");
        var risk = (await (await officerApi.PostAsync($"/api/referrals/{referralId}/documents", DocumentSamples.Form(bytes, "Risk.pdf", "RiskAssessment", "Shortlisted")))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await officerApi.PostAsync($"/api/offers/{ashOffer}/shortlist", null)).EnsureSuccessStatusCode();
        return (dps, officer, ash, birch, referralId, risk, bytes);
    }

    [Fact]
    public async Task Each_providers_page_shows_what_its_stage_allows_and_the_council_page_is_its_own()
    {
        var m = await MarketAsync();
        var download = $"/provider/referrals/{m.ReferralId}?handler=Download&documentId={m.Risk}";

        using (var birch = await app.SignInAsync(m.Birch.User))
        {
            var page = PageDocument.Parse(await birch.GetPageAsync($"/provider/referrals/{m.ReferralId}"));
            Assert.Contains(Summary, page.Text);
            Assert.DoesNotContain("Risk.pdf", page.Text);
            Assert.Contains("shortlist", page.Document.QuerySelector("#documents-stage")!.TextContent);
            Assert.Equal(HttpStatusCode.NotFound, (await birch.GetAsync(download)).StatusCode);
        }

        using (var ash = await app.SignInAsync(m.Ash.User))
        {
            var page = PageDocument.Parse(await ash.GetPageAsync($"/provider/referrals/{m.ReferralId}"));
            var link = page.Link("Risk assessment: Risk.pdf");
            using var response = await ash.GetAsync(link.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(m.RiskBytes, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.True(response.Headers.CacheControl?.NoStore);
        }

        // Another council's officer: neither the page nor the file.
        var otherOfficer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using (var other = await app.SignInAsync(otherOfficer))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/referrals/{m.ReferralId}/documents")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/referrals/{m.ReferralId}/documents?handler=Download&documentId={m.Risk}")).StatusCode);
        }

        // The council's placement manager reads and downloads, but neither uploads nor deletes.
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, m.Dps.Commissioner.LocalAuthorityId);
        using (var session = await app.SignInAsync(manager))
        {
            var page = PageDocument.Parse(await session.GetPageAsync($"/referrals/{m.ReferralId}/documents"));
            Assert.Contains("Risk.pdf", page.Text);
            Assert.Null(page.FindByRole("button", "Upload document"));
            Assert.DoesNotContain(page.AllByRole("button"), b => b.TextContent.Contains("Delete"));
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/referrals/{m.ReferralId}/documents?handler=Download&documentId={m.Risk}")).StatusCode);
        }
    }

    [Fact]
    public async Task The_upload_forms_errors_are_at_their_fields_and_a_renamed_program_is_refused()
    {
        var m = await MarketAsync();
        using var officer = await app.SignInAsync(m.Officer);
        var path = $"/referrals/{m.ReferralId}/documents";

        var missing = PageDocument.Parse(await (await officer.PostFormAsync(path, new() { ["Kind"] = "CarePlan", ["ShareAt"] = "Placed" })).Content.ReadAsStringAsync());
        Assert.Equal(["Upload"], missing.ErrorFields());
        Assert.Contains("Select a file to upload", missing.Errors());

        var unanswered = PageDocument.Parse(await (await officer.PostFileAsync(path, "Upload", "plan.pdf", "%PDF-1.4 care plan", "application/pdf")).Content.ReadAsStringAsync());
        Assert.Equal(["Kind", "ShareAt"], unanswered.ErrorFields());

        var program = PageDocument.Parse(await (await officer.PostFileAsync(path, "Upload", "care-plan.pdf", "MZ this program cannot be run in DOS mode", "application/pdf",
            new() { ["Kind"] = "CarePlan", ["ShareAt"] = "Placed" })).Content.ReadAsStringAsync());
        Assert.Equal(["Upload"], program.ErrorFields());
        Assert.Contains("a PDF, a Word document or an image", program.Errors().Single());
        Assert.Single(PageDocument.Parse(await officer.GetPageAsync(path)).Document.QuerySelectorAll("[data-document-id]"));
    }
}
