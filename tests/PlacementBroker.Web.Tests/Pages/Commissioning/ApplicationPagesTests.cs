using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

/// <summary>The admission journeys with the clock standing still (see <see cref="AdmissionClockPagesTests"/> for time passing).</summary>
public class ApplicationPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Queue_SubmittedApplication_ShowsItsDueDateAndWorkingDaysLeft()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, dps, admit: false);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var queue = await session.OpenAsync("/applications");

        Assert.Contains(($"{provider.Name}", $"/applications/{applicationId}"), queue.Links());
        Assert.Contains("23 November 2026", queue.Text);
        Assert.Contains("7 December 2026", queue.Text);
        Assert.Contains("10 working days left", queue.Text);
        Assert.Contains("1 application waiting", queue.Text);
        Assert.NotEmpty(queue.All(".app-bar-chart__bar--later.app-width-100"));
        Assert.NotEmpty(queue.All(".app-bar-chart__bar--overdue.app-width-0"));
    }

    [Fact]
    public async Task ApplicationPage_AnswerLooksLikeNo_IsFlagged()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        Guid applicationId;
        using (var scope = app.Services.CreateScope())
        {
            var applied = await scope.ServiceProvider.GetRequiredService<AdmissionService>().ApplyAsync(TestData.ActorFor(provider.User), dps.LotId,
                new ApplyRequest(provider.Id, new()
                {
                    ["insurance"] = JsonDocument.Parse("\"Yes\"").RootElement,
                    ["safeguarding"] = JsonDocument.Parse("\"No\"").RootElement,
                }, EvidenceReferences: new() { ["insurance"] = "Certificate AV-2291" }));
            applicationId = applied.Value!.Id;
        }
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var page = await session.OpenAsync($"/applications/{applicationId}");

        Assert.Contains("Do you have a safeguarding policy reviewed in the last 12 months?", page.Text);
        Assert.Contains("Certificate AV-2291", page.Text);
        Assert.Single(page.All("strong"), strong => strong.TextContent == "Looks like a fail");
        Assert.Contains("The provider answered no to at least one pass or fail question.", page.Text);
        Assert.Contains("PCR 2015 DPS", page.Text);
        Assert.Contains("Extend the decision period to 15 working days", page.Text);
    }

    [Fact]
    public async Task Decide_Admit_ShowsTheDecisionAndTheNewMember()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, dps, admit: false);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var response = await session.PostFormAsync($"/applications/{applicationId}", new() { ["Input.Decision"] = "Admit", ["Input.Reason"] = "", ["Confirmed"] = "true" });

        var page = await session.OpenAsync(response.RedirectedTo());
        Assert.Contains($"{provider.Name} was admitted to", page.Text);
        Assert.Contains("Admitted", page.Tags());
        Assert.Contains("Meets the lot's selection criteria", page.Text);
        Assert.DoesNotContain("Record decision", page.PageText);
        Assert.Contains(provider.Name, await session.TextAsync($"/dps/{dps.Id}"));
        Assert.DoesNotContain(provider.Name, await session.TextAsync("/applications"));
        Assert.Contains(provider.Name, await session.TextAsync("/applications?show=decided"));
    }

    [Fact]
    public async Task Decide_RejectWithoutReasons_ShowsTheErrorThenRejectsWithThem()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, dps, admit: false);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var refused = await session.PostFormAsync($"/applications/{applicationId}", new() { ["Input.Decision"] = "Reject", ["Input.Reason"] = "" });
        var rejected = await session.PostFormAsync($"/applications/{applicationId}",
            new() { ["Input.Decision"] = "Reject", ["Input.Reason"] = "No evidence of public liability insurance.\nNo safeguarding policy.", ["Confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.PageAsync();
        Assert.Contains(("Enter the reasons for rejecting the application: the provider sees them", "Input_Reason"), html.ErrorSummary());
        Assert.NotEmpty(html.All(".govuk-textarea--error"));
        Assert.True(html.IsChosen("Reject"));
        var page = await session.OpenAsync(rejected.RedirectedTo());
        Assert.Contains("was rejected. We have emailed the provider your reasons.", page.Text);
        Assert.Contains("Rejected", page.Tags());
        Assert.Contains(page.All(".app-pre-wrap"), reasons => reasons.TextContent.StartsWith("No evidence of public liability insurance.\nNo safeguarding policy.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Admit", "", "Are you sure you want to admit", "becomes a member of", "Admit ")]
    [InlineData("Reject", "No safeguarding policy", "Are you sure you want to reject the application from", "we will email", "Reject the application")]
    public async Task Decide_WithoutTheConfirmation_ShowsWhatWillHappenAndChangesNothing(string decision, string reason, string heading, string warning, string button)
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, dps, admit: false);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var form = $"/applications/{applicationId}";

        var response = await session.PostFormAsync(form, new() { ["Input.Decision"] = decision, ["Input.Reason"] = reason });
        var falsely = await session.PostFormAsync(form, new() { ["Input.Decision"] = decision, ["Input.Reason"] = reason, ["Confirmed"] = "false" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, falsely.StatusCode);
        var check = await response.PageAsync();
        Assert.Contains(heading, check.TextOf("h1"));
        Assert.Contains(warning, check.TextOf("[data-confirm-warning]"));
        Assert.Contains(check.All("form input[type=hidden]"), i => i.GetAttribute("name") == "Confirmed" && i.GetAttribute("value") == "true");
        Assert.Contains(check.All("form input[type=hidden]"), i => i.GetAttribute("name") == "Input.Decision" && i.GetAttribute("value") == decision);
        Assert.Contains(check.All("button"), b => b.TextContent.StartsWith(button, StringComparison.Ordinal));
        Assert.True(check.HasLinkTo(form));
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            Assert.Equal(ApplicationStatus.Submitted, await db.LotApplications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync());
            Assert.False(await db.LotMemberships.AnyAsync(m => m.ProviderId == provider.Id));
        }
        Assert.Contains("Record decision", (await session.OpenAsync(form)).PageText);
    }

    [Fact]
    public async Task Decide_NoChoice_AsksForOne()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(await app.Data.CreateProviderAsync(), dps, admit: false);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var response = await session.PostFormAsync($"/applications/{applicationId}", new() { ["Input.Reason"] = "" });

        Assert.Contains(("Select whether to admit or reject the provider", "Input_Decision"), (PageDocument.Parse(await response.TextAsync())).ErrorSummary());
    }

    [Fact]
    public async Task Decide_AlreadyDecided_ShowsTheConflictNotAnError()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(await app.Data.CreateProviderAsync(), dps, admit: false);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var form = $"/applications/{applicationId}";
        await session.PostFormAsync(form, new() { ["Input.Decision"] = "Admit", ["Input.Reason"] = "", ["Confirmed"] = "true" });

        // A second tab still showing the form.
        var again = await session.PostFormAsync("/applications", new() { ["Input.Decision"] = "Reject", ["Input.Reason"] = "Changed my mind" }, action: form);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("The application is admitted: only a submitted application can be decided.", (await again.PageAsync()).Errors());
    }

    [Fact]
    public async Task Extend_Once_MovesTheDueDateAndASecondTimeIsRefused()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(await app.Data.CreateProviderAsync(), dps, admit: false);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var extend = $"/applications/{applicationId}/extend";

        var blank = await session.PostFormAsync(extend, new() { ["Input.Reason"] = "" });
        var extended = await session.PostFormAsync(extend, new() { ["Input.Reason"] = "Checking the insurance certificate with the insurer" });
        var page = await session.OpenAsync(extended.RedirectedTo());
        var extendPageNow = await session.OpenAsync(extend);
        var second = await session.PostFormAsync($"/applications/{applicationId}", new() { ["Input.Reason"] = "Still checking" }, action: extend);

        Assert.Contains(("Enter why the decision needs more time: the regulations require a justification", "Input_Reason"), (await blank.PageAsync()).ErrorSummary());
        Assert.Contains("The decision is now due by 14 December 2026.", page.Text);
        Assert.Contains("Extended to 15 working days", page.Text);
        Assert.Contains("Reason: Checking the insurance certificate with the insurer", page.Text);
        Assert.Empty(page.All($"[href='{extend}']"));
        Assert.Contains("Extended", (await session.OpenAsync("/applications")).Tags());
        Assert.Contains("The decision period has already been extended once, to 15 working days.", extendPageNow.Text);
        Assert.Empty(extendPageNow.All("textarea"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var refusal = await second.PageAsync();
        Assert.True(refusal.HasErrorSummary);
        Assert.Contains("The decision period has already been extended once, to 15 working days.", refusal.Errors());
    }

    [Fact]
    public async Task Extend_DynamicMarket_IsNotOffered()
    {
        var dps = await app.Data.CreateDpsAsync(regime: DpsRegime.ProcurementAct2023DynamicMarket);
        var (applicationId, _) = await app.Data.ApplyAsync(await app.Data.CreateProviderAsync(), dps, admit: false);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var page = await session.OpenAsync($"/applications/{applicationId}");
        var extendPage = await session.OpenAsync($"/applications/{applicationId}/extend");

        Assert.False(page.PointsAt("/extend"));
        Assert.Contains("Only a PCR 2015 DPS extends the decision period.", extendPage.Text);
    }

    [Fact]
    public async Task Decide_ParticipatingAuthorityCommissioner_FindsNoSuchPage()
    {
        var partner = await app.Data.CreateUserAsync(Role.Commissioner);
        var dps = await app.Data.CreateDpsAsync(participants: [partner.LocalAuthorityId!.Value]);
        var (applicationId, _) = await app.Data.ApplyAsync(await app.Data.CreateProviderAsync(), dps, admit: false);
        using var session = await PageSession.SignedInAsync(app, partner.Email, partner.Password);

        var page = await session.OpenAsync($"/applications/{applicationId}", HttpStatusCode.NotFound);
        var decide = await session.PostFormAsync("/applications", new() { ["Input.Decision"] = "Admit", ["Input.Reason"] = "" },
            action: $"/applications/{applicationId}");
        var queue = await session.OpenAsync("/applications");

        Assert.Contains("Page not found", page.Text);
        Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
        Assert.Contains("No applications are waiting for a decision.", queue.Text);
        using var lead = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        Assert.Contains("Record decision", (await lead.OpenAsync($"/applications/{applicationId}")).Text);
    }

    [Fact]
    public async Task HomePage_Commissioner_CardsLinkToTheQueue()
    {
        var dps = await app.Data.CreateDpsAsync();
        await app.Data.ApplyAsync(await app.Data.CreateProviderAsync(), dps, admit: false);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var home = await session.OpenAsync("/");

        Assert.Contains(("View applications waiting", "/applications"), home.Links(home.Main));
        Assert.Contains(home.All("a[href='/applications'] > .govuk-visually-hidden"), hidden => hidden.TextContent == "applications waiting");
        Assert.Contains(home.Links(home.ByRole("navigation", "Menu")), link => link.Href == "/applications");
    }
}
