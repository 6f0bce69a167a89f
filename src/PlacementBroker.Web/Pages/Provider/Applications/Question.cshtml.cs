namespace PlacementBroker.Web.Pages.Provider.Applications;

/// <summary>One selection question per page: yes or no, and an optional evidence reference. Saved at once.</summary>
public class QuestionModel(AdmissionService admissions, DpsService dps) : ApplicationPageModel(admissions, dps)
{
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public QuestionView Question { get; private set; } = null!;

    public List<SelectListItem> Choices { get; } = [new("Yes", "Yes"), new("No", "No")];

    public sealed record AnswerInput(string? Answer = null, string? EvidenceReference = null);

    public async Task<IActionResult> OnGetAsync(Guid id, string key)
    {
        if (await FindQuestionAsync(id, key) is { } elsewhere)
        {
            return elsewhere;
        }
        var answer = AnswerTo(Question);
        Input = new(answer?.Answer, answer?.EvidenceReference);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string key)
    {
        if (await FindQuestionAsync(id, key) is { } elsewhere)
        {
            return elsewhere;
        }
        ModelState.Clear();
        return Settle(await Admissions.SaveAnswerAsync(Actor, id, Question.Id, Input.Answer, Input.EvidenceReference, Aborted),
            _ => Done($"Your answer to “{Question.Text}” is saved", "/Provider/Applications/Show", new { id }));
    }

    /// <summary>The question, or where to go instead: not found, or the application once it is no longer a draft.</summary>
    private async Task<IActionResult?> FindQuestionAsync(Guid id, string key)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Application.Status != ApplicationStatus.Draft)
        {
            return RedirectToPage("/Provider/Applications/Show", new { id });
        }
        if (Questions.FirstOrDefault(q => q.Id == key) is not { } question)
        {
            return NotFound();
        }
        Question = question;
        return null;
    }
}
