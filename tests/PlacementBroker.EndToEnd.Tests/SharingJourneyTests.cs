using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// What providers learn about the child, stage by stage: the placing officer attaches a risk assessment to be shared at
/// shortlisting and shortlists Ash's offer; Ash reads the summary, downloads the risk assessment and asks a question;
/// the officer answers it to every provider; Birch, not shortlisted, reads the answer without learning who asked and sees
/// no document. Every page is scanned with axe.
/// </summary>
public class SharingJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Summary = "Risks: self-harm when anxious; one missing episode this year. Needs a calm home and help to stay in her school.";

    [Fact]
    public async Task OfficerSharesARiskAssessmentAtShortlisting_TheProviderDownloadsItAndAsks_TheAnswerGoesToAll()
    {
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var (ash, ashVacancy) = await site.Data.FittingProviderAsync(dps, 5200m);
        var (birch, birchVacancy) = await site.Data.FittingProviderAsync(dps, 5400m);
        using var officerApi = await site.Data.ClientForAsync(officer);
        var referralId = await site.Data.Referral(dps.LotId).With("providerSummary", Summary).SendAsync(officerApi);
        foreach (var (provider, vacancy) in new[] { (ash, ashVacancy), (birch, birchVacancy) })
        {
            using var api = await site.Data.ClientForAsync(provider.User);
            (await api.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId = vacancy, weeklyPrice = 5200m })).EnsureSuccessStatusCode();
        }

        // The officer attaches the risk assessment, to be shared at shortlisting.
        var page = await site.NewPageAsync();
        await page.SignInAsync(officer.Email, officer.Password);
        await page.GotoAsync($"/referrals/{referralId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add or remove documents" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Documents for providers", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload document" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Select a file to upload");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload
        {
            Name = "Risk assessment.pdf", MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await page.GetByLabel("Risk assessment", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("When you shortlist the provider's offer").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload document" }).ClickAsync();
        await Expect(page.GetByText("Risk assessment uploaded: Risk assessment.pdf")).ToBeVisibleAsync();
        await Expect(page.Locator("#documents")).ToContainTextAsync("Risk assessment.pdf");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the referral" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Shortlist the offer from {ash.Name}" }).ClickAsync();
        await Expect(page.GetByText("Offer shortlisted")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Ash, shortlisted, reads the summary, downloads the risk assessment and asks a question.
        var ashPage = await site.NewPageAsync();
        await ashPage.SignInAsync(ash.User.Email, ash.User.Password);
        await ashPage.GotoAsync($"/provider/referrals/{referralId}");
        await Expect(ashPage.Locator("#provider-summary")).ToContainTextAsync("self-harm when anxious");
        await ashPage.AssertNoSeriousViolationsAsync();
        var download = await ashPage.RunAndWaitForDownloadAsync(() => ashPage.GetByRole(AriaRole.Link, new() { Name = "Risk assessment: Risk assessment.pdf" }).ClickAsync());
        Assert.Equal("Risk assessment.pdf", download.SuggestedFilename);
        Assert.StartsWith("%PDF-", await File.ReadAllTextAsync(await download.PathAsync()));
        await ashPage.GetByLabel("Ask the placing officer a question").FillAsync("Is there a history of fire-setting?");
        await ashPage.GetByRole(AriaRole.Button, new() { Name = "Send question" }).ClickAsync();
        await Expect(ashPage.GetByText("Your question has been sent to the placing officer")).ToBeVisibleAsync();
        await ashPage.AssertNoSeriousViolationsAsync();

        // The officer answers it to every provider.
        await page.ReloadAsync();
        await Expect(page.Locator("#questions")).ToContainTextAsync("Is there a history of fire-setting?");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Send answer to the question from {ash.Name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter your answer");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Your answer").FillAsync("No history of fire-setting.");
        await page.GetByLabel("Every provider the referral was sent to, without saying who asked").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Send answer to the question from {ash.Name}" }).ClickAsync();
        await Expect(page.GetByText("Answer sent to every provider the referral was sent to")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Birch reads the answer, never who asked, and no document: its offer is not shortlisted.
        var birchPage = await site.NewPageAsync();
        await birchPage.SignInAsync(birch.User.Email, birch.User.Password);
        await birchPage.GotoAsync($"/provider/referrals/{referralId}");
        await Expect(birchPage.Locator("#questions")).ToContainTextAsync("No history of fire-setting.");
        await Expect(birchPage.Locator("#questions")).ToContainTextAsync("Asked by another provider");
        await Expect(birchPage.Locator("main")).Not.ToContainTextAsync(ash.Name);
        await Expect(birchPage.Locator("#documents")).ToHaveCountAsync(0);
        await Expect(birchPage.Locator("#documents-stage")).ToContainTextAsync("shortlist");
        await birchPage.AssertNoSeriousViolationsAsync();
    }
}
