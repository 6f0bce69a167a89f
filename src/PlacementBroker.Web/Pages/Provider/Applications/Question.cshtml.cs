namespace PlacementBroker.Web.Pages.Provider.Applications;

/// <summary>One selection question per page: yes or no, and an optional evidence reference. Saved at once.</summary>
public class QuestionModel(AdmissionService admissions, DpsService dps) : ApplicationPageModel(admissions, dps)
{
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public QuestionView Question { get; private set; } = null!;

    public List<SelectListItem> Choices { get; } = [new("Yes", "Yes"), new("No", "No")];

    public sealed class AnswerInput
    {
        public string? Answer { get; set; }
        public string? EvidenceReference { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string key)
    {
        if (await FindQuestionAsync(id, key) is { } elsewhere)
        {
            return elsewhere;
        }
        var answer = AnswerTo(Question);
        Input = new AnswerInput { Answer = answer?.Answer, EvidenceReference = answer?.EvidenceReference };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string key)
    {
        if (await FindQuestionAsync(id, key) is { } elsewhere)
        {
            return elsewhere;
        }
        ModelState.Clear();
        var outcome = await Admissions.SaveAnswerAsync(Actor, id, Question.Id, Input.Answer, Input.EvidenceReference, Aborted);
        if (outcome.Succeeded)
        {
            Success($"Your answer to “{Question.Text}” is saved");
            return RedirectToPage("/Provider/Applications/Show", new { id });
        }
        return Refused(outcome) ?? Page();
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
