using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Contracts;

/// <summary>The contract-management forms as a browser posts them: errors at their fields, and the steps only the lead authority takes.</summary>
public class ContractPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task NewPlan_AMilestoneDueInThePast_IsShownAtItsOwnRow_EvenWithAnEarlierRowLeftEmpty()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var path = $"/commissioning/dps/{dps.Id}/contracts/providers/{provider.Id}/plans/new";

        var response = await session.PostFormAsync(path, new()
        {
            ["Input.Reason"] = "Late notifications of incidents", ["Input.Source"] = "Other",
            ["Input.Milestone2"] = "Notify every incident within 24 hours", ["Input.Due2.Day"] = "1", ["Input.Due2.Month"] = "1", ["Input.Due2.Year"] = "2026",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.PageAsync();
        var (text, field) = Assert.Single(page.ErrorSummary());
        Assert.Equal("A new milestone cannot be due in the past", text);
        Assert.StartsWith("Input_Due2", field);
    }

    [Fact]
    public async Task ProviderPlan_ProgressWithoutChoosingAMilestone_AsksForIt_AndKeepsTheTick()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        var planId = (await (await lead.PostAsJsonAsync("/api/improvement-plans", new
        {
            providerId = provider.Id, dpsId = dps.Id, reason = "Staffing", milestones = new[] { new { description = "Recruit a deputy manager", dueDate = "2027-03-31" } },
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var session = await PageSession.SignedInAsync(app, provider.User.Email, provider.User.Password);

        var response = await session.PostFormAsync($"/provider/improvement-plans/{planId}", new() { ["Input.Note"] = "Interviews on Friday", ["Input.Completed"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.PageAsync();
        Assert.Contains("Choose the milestone you are recording progress on", page.Errors());
        Assert.True(page.Document.GetElementById("Input_Completed")!.HasAttribute("checked"));
        Assert.Equal("Interviews on Friday", page.Document.QuerySelector("textarea[name='Input.Note']")!.TextContent);
    }

    [Fact]
    public async Task ScheduledReview_IsRecordedFromTheContractRecord_AndItsActionMarkedDoneThere()
    {
        var participant = await app.Data.CreateUserAsync(Role.Commissioner);
        var dps = await app.Data.CreateDpsAsync(participants: [participant.LocalAuthorityId!.Value]);
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        var reviewId = (await (await lead.PostAsJsonAsync("/api/contract-reviews", new { providerId = provider.Id, dpsId = dps.Id, date = "2026-11-23", riskRating = "Medium" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var recordPath = $"/commissioning/dps/{dps.Id}/contracts/providers/{provider.Id}";
        var before = await session.OpenAsync(recordPath);
        Assert.NotNull(before.FindByRole("link", "Record this review of 23 November 2026"));

        var recorded = await session.PostFormAndFollowAsync($"/commissioning/contract-reviews/{reviewId}/record", new()
        {
            ["Input.RiskRating"] = "High", ["Input.Minutes"] = "Held at the provider's office with the registered manager",
            ["Input.ActionDescription"] = "Send the training matrix", ["Input.ActionOwner"] = "Provider",
            ["Input.ActionDueDate.Day"] = "18", ["Input.ActionDueDate.Month"] = "12", ["Input.ActionDueDate.Year"] = "2026",
        });
        Assert.Contains("The contract review has been recorded", recorded);
        Assert.Contains("Next review due by 23 February 2027", recorded);

        var page = PageDocument.Parse(recorded);
        var form = page.Document.QuerySelector("form[action*='handler=Complete']")!;
        var completed = await session.PostFormAndFollowAsync(recordPath, new(), form.GetAttribute("action"));
        Assert.Contains("The action is marked as done", completed);

        // A participating council reads the record but neither records reviews nor raises plans.
        using var other = await PageSession.SignedInAsync(app, participant.Email, participant.Password);
        Assert.Null((await other.OpenAsync(recordPath)).FindByRole("link", "Record a contract review"));
        var refused = await other.GetAsync($"{recordPath}/reviews/new");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/error/403", refused.Headers.Location!.AbsolutePath);
    }
}
