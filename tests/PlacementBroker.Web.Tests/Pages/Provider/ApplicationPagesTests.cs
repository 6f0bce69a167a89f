using System.Net;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Provider;

public class ApplicationPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Insurance = "Do you hold public liability insurance of at least £10 million?";
    private const string Safeguarding = "Do you have a safeguarding policy reviewed in the last 12 months?";

    [Fact]
    public async Task TaskList_AfterAnsweringAQuestion_ShowsItCompleted()
    {
        var (session, applicationId) = await StartAsync();
        using var _ = session;

        var question = await session.OpenAsync($"/provider/applications/{applicationId}/questions/insurance");
        var taskList = await session.PostFormAndFollowAsync($"/provider/applications/{applicationId}/questions/insurance",
            new() { ["Input.Answer"] = "Yes", ["Input.EvidenceReference"] = "Zurich policy ZP-4471" });

        Assert.Equal(question.Heading(), PageDocument.Normalise(question.Document.QuerySelector("legend.govuk-fieldset__legend--l > h1.govuk-fieldset__heading:first-child")?.TextContent ?? ""));
        Assert.Contains($"{Insurance} Upload the certificate reference. Yes No", question.PageText);
        Assert.Contains("Upload the certificate reference.", question.Text);
        var text = PageDocument.Parse(taskList);
        Assert.Contains($"{Insurance} Completed", text.Text);
        Assert.Contains($"{Safeguarding} Incomplete", text.Text);
        Assert.Contains("You have completed 1 of 2 questions", text.Text);
        Assert.Contains("Check your answers Cannot start yet", text.Text);
    }

    [Fact]
    public async Task QuestionPage_NoAnswer_ShowsTheErrorSummaryAndTheInlineError()
    {
        var (session, applicationId) = await StartAsync();
        using var _ = session;

        var response = await session.PostFormAsync($"/provider/applications/{applicationId}/questions/safeguarding",
            new() { ["Input.EvidenceReference"] = "" });

        var page = await response.PageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(("Select whether you meet this requirement", "Input_Answer"), page.ErrorSummary());
        Assert.NotEmpty(page.All(".govuk-form-group--error"));
        Assert.StartsWith("Error: ", page.Title);
    }

    [Fact]
    public async Task Application_SavedAndResumed_KeepsTheAnswers()
    {
        var (session, applicationId) = await StartAsync();
        using var _ = session;
        await session.PostFormAndFollowAsync($"/provider/applications/{applicationId}/questions/insurance",
            new() { ["Input.Answer"] = "No", ["Input.EvidenceReference"] = "" });

        var question = await session.OpenAsync($"/provider/applications/{applicationId}/questions/insurance");

        Assert.True(question.IsChosen("No"));
    }

    [Fact]
    public async Task CheckAnswers_Submit_ShowsTheConfirmationWithTheDueDate()
    {
        var (session, applicationId) = await StartAsync();
        using var _ = session;
        foreach (var key in new[] { "insurance", "safeguarding" })
        {
            await session.PostFormAndFollowAsync($"/provider/applications/{applicationId}/questions/{key}",
                new() { ["Input.Answer"] = "Yes", ["Input.EvidenceReference"] = $"{key} evidence" });
        }

        var check = await session.OpenAsync($"/provider/applications/{applicationId}/check");
        var confirmation = await session.PostFormAndOpenAsync($"/provider/applications/{applicationId}/check", []);

        Assert.Contains($"{Insurance} Yes Evidence: insurance evidence Change your answer to: {Insurance}", check.Text);
        Assert.Contains($"Application submitted The decision is due by {app.DueDateForSubmissionToday()}", confirmation.Text);
        var status = await session.OpenAsync($"/provider/applications/{applicationId}");
        Assert.Contains("Status Waiting for a decision", status.Text);
        Assert.Contains($"Decision due by {app.DueDateForSubmissionToday()}", status.Text);
    }

    [Fact]
    public async Task CheckAnswers_UnansweredQuestion_SubmitShowsWhatIsMissing()
    {
        var (session, applicationId) = await StartAsync();
        using var _ = session;

        var response = await session.PostFormAsync($"/provider/applications/{applicationId}/check", []);

        var errors = (await response.PageAsync()).Errors();
        Assert.Contains($"Answer '{Insurance}'", errors);
        Assert.Contains($"Answer '{Safeguarding}'", errors);
    }

    [Fact]
    public async Task ApplicationPage_Rejected_ShowsStatusAnswersAndReasons()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, dps, admit: false);
        await app.UseAsync<AdmissionService, Outcome<DecisionResult>>(s => s.DecideAsync(TestData.ActorFor(dps.Commissioner), applicationId,
            new DecisionRequest(AdmissionDecision.Reject, "The insurance certificate has expired")));
        using var session = await app.SignInAsync(provider.User);

        var text = await session.OpenAsync($"/provider/applications/{applicationId}");

        Assert.Contains("Status Rejected", text.Text);
        Assert.Contains("Reasons for rejection The insurance certificate has expired", text.Text);
        Assert.Contains($"{Insurance} Yes", text.Text);
        Assert.Contains("Apply again", text.Text);
    }

    [Fact]
    public async Task ApplicationsList_ShowsStatusDatesAndReasons()
    {
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        var waiting = await app.Data.CreateDpsAsync(commissioner);
        var rejected = await app.Data.CreateDpsAsync(commissioner);
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, waiting, admit: false);
        var (rejectedId, _) = await app.Data.ApplyAsync(provider, rejected, admit: false);
        await app.UseAsync<AdmissionService, Outcome<DecisionResult>>(s => s.DecideAsync(TestData.ActorFor(commissioner), rejectedId,
            new DecisionRequest(AdmissionDecision.Reject, "Fewer than two years of trading accounts")));
        using var session = await app.SignInAsync(provider.User);

        var text = await session.OpenAsync("/provider/applications");

        Assert.Contains("2 applications", text.Text);
        Assert.Contains($"Waiting for a decision 23 November 2026 {app.DueDateForSubmissionToday()}", text.Text);
        Assert.Contains($"Rejected 23 November 2026 {app.DueDateForSubmissionToday()} Fewer than two years of trading accounts", text.Text);
    }

    [Fact]
    public async Task ApplicationPage_AnotherProvidersApplication_IsNotFound()
    {
        var dps = await app.Data.CreateDpsAsync();
        var owner = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(owner, dps, admit: false);
        var other = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(other.User);

        var page = await session.OpenAsync($"/provider/applications/{applicationId}", HttpStatusCode.NotFound);

        Assert.Contains("Page not found", page.Text);
    }

    /// <summary>A provider signed in with a fresh draft application to a new lot, started from the DPS page.</summary>
    private async Task<(PageSession Session, Guid ApplicationId)> StartAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var session = await app.SignInAsync(provider.User);
        var response = await session.PostFormAsync("/provider/dps", new() { ["lotId"] = dps.LotId.ToString() }, "/provider/dps?handler=Apply");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (session, Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]));
    }
}
