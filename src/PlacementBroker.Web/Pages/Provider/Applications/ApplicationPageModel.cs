namespace PlacementBroker.Web.Pages.Provider.Applications;

/// <summary>An application of the signed-in provider with its lot's questions, as the application pages show it.</summary>
public abstract class ApplicationPageModel(AdmissionService admissions, DpsService dps) : ProviderPageModel
{
    public ApplicationView Application { get; private set; } = null!;

    /// <summary>The lot's questions in order; empty when the DPS is no longer open to see them.</summary>
    public IReadOnlyList<QuestionView> Questions { get; private set; } = [];

    public bool LotOpen { get; private set; }

    protected AdmissionService Admissions => admissions;

    protected async Task<bool> LoadAsync(Guid id)
    {
        if (await admissions.FindAsync(Actor, id, Aborted) is not { } application || application.ProviderId != ProviderId)
        {
            return false;
        }
        Application = application;
        var lot = (await dps.FindAsync(Actor, application.DpsId, Aborted)) is { Status: DpsStatus.Open } system
            ? system.Lots.SingleOrDefault(l => l.Id == application.LotId)
            : null;
        LotOpen = lot is not null;
        Questions = lot?.Questions ?? [.. application.Answers.Select(a => new QuestionView(a.QuestionId, a.QuestionText ?? a.QuestionId, null))];
        return true;
    }

    /// <summary>This page while the application is in <paramref name="status"/>; else the application's own page (404 for another provider's).</summary>
    protected async Task<IActionResult> ShowWhileAsync(Guid id, ApplicationStatus status) =>
        !await LoadAsync(id) ? NotFound()
        : Application.Status == status ? Page()
        : RedirectToPage("/Provider/Applications/Show", new { id });

    public AnswerView? AnswerTo(QuestionView question) =>
        Application.Answers.FirstOrDefault(a => string.Equals(a.QuestionId, question.Id, StringComparison.OrdinalIgnoreCase));

    public bool AllAnswered => Questions.All(q => AnswerTo(q) is not null);
}
