using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Commissioning;
using PlacementBroker.Web.Tests.Pages.Provider;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Quality;

/// <summary>The QA pages: the work queue, a provider's QA profile, flags, visits, the Ofsted import, and who may open them.</summary>
public class QualityPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>An admitted provider with one setting, in a DPS of the QA officer's authority.</summary>
    private async Task<(TestDps Dps, TestProvider Provider, TestUser Qa, Guid SettingId)> ProviderAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        var qa = await app.Data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId);
        using var scope = app.Services.CreateScope();
        var settingId = await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Settings
            .Where(s => s.ProviderId == provider.Id).Select(s => s.Id).SingleAsync();
        return (dps, provider, qa, settingId);
    }

    private static Dictionary<string, string> Flag(string severity, string description, string category = "Safeguarding") => new()
    {
        ["Input.Category"] = category, ["Input.Severity"] = severity, ["Input.SettingId"] = "", ["Input.Description"] = description,
        ["Input.EvidenceReferences"] = "Case 2026/114", ["Confirmed"] = "true",
    };

    [Fact]
    public async Task WorkQueue_HighFlag_ShowsAConcernVisitDueLinkingToTheProfile()
    {
        var (_, provider, qa, _) = await ProviderAsync();
        using var session = await app.SignInAsync(qa);

        await session.PostFormAndFollowAsync($"/qa/providers/{provider.Id}/flags/new", Flag("High", "Missing episodes not reported to the police", "Concern"));

        var queue = await session.OpenAsync("/qa");
        Assert.Contains("QA work queue", queue.Text);
        Assert.Contains("Concern visit", queue.Text);
        Assert.Contains("High concern raised", queue.Text);
        Assert.True(queue.HasLink($"/qa/providers/{provider.Id}", $"{provider.Name}"));
        Assert.NotEmpty(queue.All(".app-bar-chart__row"));
        Assert.Contains("Improvement visit (Ofsted grade Requires improvement or Inadequate)", queue.Text);
        Assert.True(queue.HasLinkTo("/qa"));
        Assert.False(queue.PointsAt("/qa/ofsted-import"));
    }

    [Fact]
    public async Task CriticalFlag_MakesTheProfileRedWithTheReason_ResolvingLiftsIt()
    {
        var (_, provider, qa, _) = await ProviderAsync();
        using var session = await app.SignInAsync(qa);
        var before = await session.OpenAsync($"/qa/providers/{provider.Id}");
        Assert.NotEmpty(before.All("[data-qa-status='Green']"));
        Assert.Contains("Raise a flag", before.Text);
        Assert.Contains("Record a visit", before.Text);

        var form = await session.OpenAsync($"/qa/providers/{provider.Id}/flags/new");
        Assert.Contains("Suspends the provider from its lots and removes it from matching until resolved", form.Text);
        var red = await session.PostFormAndOpenAsync($"/qa/providers/{provider.Id}/flags/new", Flag("Critical", "Restraint used without recording it"));
        Assert.NotEmpty(red.All("[data-qa-status='Red']"));
        Assert.Contains("Open critical flag: Restraint used without recording it", red.Text);
        Assert.Contains("suspended from its lots", red.Text);
        var flagId = red.FromAddress("^/qa/flags/([0-9a-f-]{36})/resolve$");
        Assert.True(red.HasLinkTo($"/qa/flags/{flagId}/edit"));

        var blank = PageDocument.Parse(await (await session.PostFormAsync($"/qa/flags/{flagId}/resolve", new() { ["Input.Resolution"] = "" })).TextAsync());
        Assert.True(blank.HasErrorSummary);
        Assert.Contains("Input_Resolution", blank.ErrorFields());

        var resolved = await session.PostFormAndOpenAsync($"/qa/flags/{flagId}/resolve",
            new() { ["Input.Resolution"] = "Visited; restraint log audited and staff retrained" });
        Assert.Empty(resolved.All("[data-qa-status='Red']"));
        Assert.Contains("Resolved flags", resolved.Text);
        Assert.Contains("Visited; restraint log audited and staff retrained", resolved.Text);
    }

    [Fact]
    public async Task EditFlag_ChangesTheSeverity()
    {
        var (_, provider, qa, _) = await ProviderAsync();
        using var session = await app.SignInAsync(qa);
        var page = await session.PostFormAndOpenAsync($"/qa/providers/{provider.Id}/flags/new", Flag("Low", "Complaint about food"));
        var flagId = page.FromAddress("^/qa/flags/([0-9a-f-]{36})/edit$");

        var edit = await session.OpenAsync($"/qa/flags/{flagId}/edit");
        Assert.Contains("Complaint about food", edit.Text);
        var changed = await session.PostFormAndOpenAsync($"/qa/flags/{flagId}/edit", Flag("Critical", "Complaint about food, then a safeguarding referral"));
        Assert.NotEmpty(changed.All("[data-qa-status='Red']"));
        Assert.Contains("Open critical flag: Complaint about food, then a safeguarding referral", changed.Text);
    }

    [Fact]
    public async Task CriticalFlag_WithoutTheConfirmation_ShowsWhatWillHappenAndRaisesNothing()
    {
        var (_, provider, qa, _) = await ProviderAsync();
        using var session = await app.SignInAsync(qa);
        var form = $"/qa/providers/{provider.Id}/flags/new";
        var unconfirmed = Flag("Critical", "Restraint used without recording it");
        unconfirmed.Remove("Confirmed");

        var check = await (await session.PostFormAsync(form, unconfirmed)).PageAsync();
        var falsely = await session.PostFormAsync(form, new(unconfirmed) { ["Confirmed"] = "false" });
        var incomplete = await (await session.PostFormAsync(form, new(unconfirmed) { ["Input.Description"] = "" })).PageAsync();

        Assert.Equal("Are you sure you want to raise a critical flag?", check.TextOf("h1"));
        Assert.Contains($"{provider.Name} will be shown as red, suspended from all its lots and left out of matching until the flag is resolved",
            check.TextOf("[data-confirm-warning]"));
        Assert.Contains("Restraint used without recording it", check.Text);
        Assert.Contains(check.All("form input[type=hidden]"), i => i.GetAttribute("name") == "Confirmed" && i.GetAttribute("value") == "true");
        Assert.Contains(check.All("form input[type=hidden]"), i => i.GetAttribute("name") == "Input.Severity" && i.GetAttribute("value") == "Critical");
        Assert.True(check.HasLinkTo($"/qa/providers/{provider.Id}"));
        Assert.Equal(HttpStatusCode.OK, falsely.StatusCode);
        Assert.Equal(["Input_Description"], incomplete.ErrorFields());
        Assert.Empty(incomplete.All("[data-confirm-warning]"));
        using (var scope = app.Services.CreateScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().QaFlags.AnyAsync(f => f.ProviderId == provider.Id));
        }
        Assert.Empty((await session.OpenAsync($"/qa/providers/{provider.Id}")).All("[data-qa-status='Red']"));

        // A flag short of critical suspends nothing: it is raised straight away.
        var low = Flag("Low", "Complaint about food");
        low.Remove("Confirmed");
        Assert.Contains("Low flag raised", (await session.PostFormAndOpenAsync(form, low)).Text);
    }

    [Fact]
    public async Task BlankForms_ShowTheErrorSummaryNamingTheFields()
    {
        var (_, provider, qa, _) = await ProviderAsync();
        using var session = await app.SignInAsync(qa);

        var flag = PageDocument.Parse(await (await session.PostFormAsync($"/qa/providers/{provider.Id}/flags/new", new() { ["Input.Description"] = "" })).TextAsync());
        Assert.True(flag.HasErrorSummary);
        Assert.Equal(["Input_Category", "Input_Severity", "Input_Description"], flag.ErrorFields());
        Assert.Contains("Select the kind of flag", flag.Text);

        var visit = PageDocument.Parse(await (await session.PostFormAsync($"/qa/providers/{provider.Id}/visits/new", new() { ["Input.Findings"] = "" })).TextAsync());
        Assert.True(visit.HasErrorSummary);
        Assert.Equal(["Input_SettingId", "Input_VisitDate", "Input_Type"], visit.ErrorFields());

        var badDate = await (await session.PostFormAsync($"/qa/providers/{provider.Id}/visits/new", new()
        {
            ["Input.VisitDate.Day"] = "31", ["Input.VisitDate.Month"] = "2", ["Input.VisitDate.Year"] = "2026", ["Input.Type"] = "Annual",
        })).PageAsync();
        Assert.Contains("The visit date must be a real date", badDate.Errors());
        Assert.DoesNotContain("Enter the date of the visit", badDate.PageText);
        Assert.Equal(["Input_SettingId", "Input_VisitDate"], badDate.ErrorFields());
    }

    [Fact]
    public async Task RecordVisit_AppearsOnTheProfile_ThenTheReportIsRecorded()
    {
        var (_, provider, qa, settingId) = await ProviderAsync();
        using var session = await app.SignInAsync(qa);
        var visited = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-3);

        var profile = await session.PostFormAndOpenAsync($"/qa/providers/{provider.Id}/visits/new", new()
        {
            ["Input.SettingId"] = settingId.ToString(),
            ["Input.VisitDate.Day"] = visited.Day.ToString(), ["Input.VisitDate.Month"] = visited.Month.ToString(), ["Input.VisitDate.Year"] = visited.Year.ToString(),
            ["Input.Type"] = "Annual", ["Input.Visitor"] = "Priya Natarajan", ["Input.Findings"] = "Warm, well-run home; bedrooms personalised",
            ["Input.Outcome"] = "Satisfactory", ["Input.Regulation44Reports"] = "Reg 44 January and February 2026",
        });
        Assert.Contains("Annual visit to", profile.Text);
        Assert.Contains("Priya Natarajan", profile.Text);
        Assert.Contains("Warm, well-run home; bedrooms personalised", profile.Text);
        Assert.Contains("Reg 44 January and February 2026", profile.Text);
        var visitId = profile.FromAddress("^/qa/visits/([0-9a-f-]{36})/report$");
        Assert.NotEmpty(visitId);

        var reported = await session.PostFormAndFollowAsync($"/qa/visits/{visitId}/report", new()
        {
            ["Input.ReportCompletedOn.Day"] = visited.Day.ToString(), ["Input.ReportCompletedOn.Month"] = visited.Month.ToString(), ["Input.ReportCompletedOn.Year"] = visited.Year.ToString(),
            ["Input.ReportReviewedOn.Day"] = visited.AddDays(1).Day.ToString(), ["Input.ReportReviewedOn.Month"] = visited.AddDays(1).Month.ToString(),
            ["Input.ReportReviewedOn.Year"] = visited.AddDays(1).Year.ToString(),
        });
        Assert.Contains("The report dates have been recorded", reported);
        Assert.DoesNotContain($"/qa/visits/{visitId}/report", reported);
    }

    [Fact]
    public async Task OfstedImport_ShowsTheCountsAndTheRejectedRows()
    {
        var (_, provider, qa, settingId) = await ProviderAsync();
        string urn;
        using (var scope = app.Services.CreateScope())
        {
            urn = await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Settings.Where(s => s.Id == settingId).Select(s => s.OfstedUrn).SingleAsync();
        }
        using var session = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);
        var form = await session.OpenAsync("/qa/ofsted-import");
        Assert.NotEmpty(form.All("[enctype='multipart/form-data']"));
        Assert.True(form.PointsAt("/js/upload-progress.js"));
        Assert.NotEmpty(form.All("progress"));

        var csv = "Inspection date,URN,Setting name,Overall effectiveness,Registration status\n"
            + $"14/05/2026,{urn},Test home,Inadequate,Active\n"
            + "01/02/2026,,Nameless,Good,Active\n"
            + "2026-03-01,SC000001,Elsewhere,Good,Active\n";
        var result = PageDocument.Parse(await (await session.PostFileAsync("/qa/ofsted-import", "Upload", "ofsted-providers.csv", csv)).TextAsync());
        Assert.True(result.Text.Contains("Ofsted register imported"), result.Text);
        Assert.Contains("ofsted-providers.csv", result.Text);
        Assert.Equal("3", result.TextOf("[data-rows-read]"));
        Assert.Equal("1", result.TextOf("[data-settings-updated]"));
        Assert.Equal("1", result.TextOf("[data-downgrades]"));
        Assert.Contains("No URN", result.Text);
        Assert.Contains(result.All("td.govuk-table__cell.govuk-table__cell--numeric"), cell => cell.TextContent == "3");

        using var qaSession = await app.SignInAsync(qa);
        var profile = await qaSession.OpenAsync($"/qa/providers/{provider.Id}");
        Assert.Contains("is graded Inadequate by Ofsted", profile.Text);
        Assert.Contains("ofsted-providers.csv", profile.Text);

        var none = PageDocument.Parse(await (await session.PostFormAsync("/qa/ofsted-import", new())).TextAsync());
        Assert.Contains("Select Ofsted's provider list (a CSV file)", none.Text);
    }

    [Fact]
    public async Task WrongRoles_GetThe403Page()
    {
        var (dps, provider, _, _) = await ProviderAsync();
        var officer = await app.Data.OfficerForAsync(dps);

        using var providerSession = await app.SignInAsync(provider.User);
        foreach (var path in new[] { "/qa", $"/qa/providers/{provider.Id}", "/qa/ofsted-import" })
        {
            await AssertForbiddenAsync(providerSession, path);
        }
        using var officerSession = await app.SignInAsync(officer);
        await AssertForbiddenAsync(officerSession, $"/qa/providers/{provider.Id}/flags/new");
        await AssertForbiddenAsync(officerSession, $"/qa/providers/{provider.Id}/visits/new");
        await AssertForbiddenAsync(officerSession, "/qa/ofsted-import");
        var profile = await officerSession.OpenAsync($"/qa/providers/{provider.Id}");
        Assert.Contains("QA status", profile.Text);
        Assert.DoesNotContain("Raise a flag", profile.PageText);
    }

    [Fact]
    public async Task OfstedImportPage_IsForPlatformAdminsOnly_AndOnlyTheirNavigationLinksToIt()
    {
        var (dps, _, qa, _) = await ProviderAsync();

        using var qaSession = await app.SignInAsync(qa);
        await AssertForbiddenAsync(qaSession, "/qa/ofsted-import");
        Assert.True((await qaSession.OpenAsync("/")).HasLinkTo("/qa"));
        Assert.False((await qaSession.OpenAsync("/")).PointsAt("/qa/ofsted-import"));
        Assert.False((await qaSession.OpenAsync("/qa")).PointsAt("/qa/ofsted-import"));
        using var commissioner = await app.SignInAsync(dps.Commissioner);
        await AssertForbiddenAsync(commissioner, "/qa/ofsted-import");

        using var admin = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);
        Assert.True((await admin.OpenAsync("/")).HasLinkTo("/qa/ofsted-import"));
        Assert.Contains("Import the Ofsted register", (await admin.OpenAsync("/qa/ofsted-import")).Text);
    }

    [Fact]
    public async Task FlagPages_AnotherCouncilsQaOfficer_Gets404AndTheFlagStaysOpenAndRed()
    {
        var (_, provider, qa, _) = await ProviderAsync();
        var otherDps = await app.Data.CreateDpsAsync();
        var otherQa = await app.Data.CreateUserAsync(Role.QaOfficer, otherDps.Commissioner.LocalAuthorityId);
        using var session = await app.SignInAsync(qa);
        var red = await session.PostFormAndOpenAsync($"/qa/providers/{provider.Id}/flags/new", Flag("Critical", "Restraint used without recording it"));
        var flagId = red.FromAddress("^/qa/flags/([0-9a-f-]{36})/resolve$");
        Assert.NotEmpty(flagId);

        using var other = await app.SignInAsync(otherQa);
        var profile = await other.OpenAsync($"/qa/providers/{provider.Id}");
        Assert.Contains("Restraint used without recording it", profile.Text);
        Assert.False(profile.PointsAt($"/qa/flags/{flagId}/edit"));
        Assert.False(profile.PointsAt($"/qa/flags/{flagId}/resolve"));
        await other.GetPageAsync($"/qa/flags/{flagId}/edit", HttpStatusCode.NotFound);
        await other.GetPageAsync($"/qa/flags/{flagId}/resolve", HttpStatusCode.NotFound);
        // A crafted post with a valid antiforgery token from one of the officer's own forms.
        var edit = await other.PostFormAsync($"/qa/providers/{provider.Id}/flags/new", Flag("Low", "Nothing to see"), $"/qa/flags/{flagId}/edit");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var resolve = await other.PostFormAsync($"/qa/providers/{provider.Id}/flags/new", new() { ["Input.Resolution"] = "Closed by another council" }, $"/qa/flags/{flagId}/resolve");
        Assert.Equal(HttpStatusCode.NotFound, resolve.StatusCode);

        var after = await session.OpenAsync($"/qa/providers/{provider.Id}");
        Assert.NotEmpty(after.All("[data-qa-status='Red']"));
        Assert.Contains("Restraint used without recording it", after.Text);
        Assert.True(after.HasLinkTo($"/qa/flags/{flagId}/resolve"));
        var resolved = await session.PostFormAndOpenAsync($"/qa/flags/{flagId}/resolve", new() { ["Input.Resolution"] = "Visited; restraint log audited" });
        Assert.Empty(resolved.All("[data-qa-status='Red']"));
    }

    [Fact]
    public async Task ReferralOffers_LinkToTheProvidersQaProfile()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 5000m);
        var referralId = await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        await app.OfferAsync(provider, referralId, vacancyId, 5000m);
        using var session = await app.SignInAsync(officer);

        var page = await session.OpenAsync($"/referrals/{referralId}");
        Assert.True(page.HasLink($"/qa/providers/{provider.Id}", $"QA profile"));
        Assert.Contains("QA status", (await session.OpenAsync($"/qa/providers/{provider.Id}")).Text);
    }

    private static async Task AssertForbiddenAsync(PageSession session, string path)
    {
        var response = await session.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {path}: {(int)response.StatusCode}");
        Assert.StartsWith("/error/403", response.RedirectTarget());
    }
}
