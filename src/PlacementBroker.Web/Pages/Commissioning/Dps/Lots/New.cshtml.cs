namespace PlacementBroker.Web.Pages.Commissioning.Dps.Lots;

/// <summary>The lead authority adds a lot: placement type, price benchmark and band, and up to five pass/fail questions.</summary>
public class NewModel(DpsService dps) : CommissioningPageModel
{
    public const int QuestionRows = 5;

    public DpsView Dps { get; private set; } = null!;

    [BindProperty]
    public NewLotInput Input { get; set; } = new();

    public List<SelectListItem> PlacementTypes { get; } =
        Display.Options<PlacementType>();

    public sealed class NewLotInput
    {
        public string? Name { get; set; }
        public string? PlacementType { get; set; }
        public string? BenchmarkWeeklyPrice { get; set; }
        public string? PriceBandLower { get; set; }
        public string? PriceBandUpper { get; set; }
        public List<QuestionRow> Questions { get; set; } = [];
    }

    public sealed class QuestionRow
    {
        public string? Text { get; set; }
        public string? Guidance { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        PadQuestions();
        return await LoadAsync(id) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        PadQuestions();
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        // Blank rows are ignored; the service numbers the rest, so keep which row each came from for the errors.
        var rows = Input.Questions.Select((q, row) => (q, row))
            .Where(r => !string.IsNullOrWhiteSpace(r.q.Text) || !string.IsNullOrWhiteSpace(r.q.Guidance)).ToList();
        var unreadable = new Dictionary<string, string>();
        var request = new AddLotRequest(
            Input.Name,
            FormValues.Choice<PlacementType>(Input.PlacementType),
            Money("Input.BenchmarkWeeklyPrice", Input.BenchmarkWeeklyPrice, unreadable),
            [.. rows.Select(r => new QuestionInput(null, r.q.Text, r.q.Guidance))],
            Money("Input.PriceBandLower", Input.PriceBandLower, unreadable),
            Money("Input.PriceBandUpper", Input.PriceBandUpper, unreadable));
        var outcome = await dps.AddLotAsync(Actor, id, request, Aborted);
        if (outcome.Succeeded)
        {
            var lot = outcome.Value!;
            Success($"{lot.Name} was added with {Words.Plural(lot.Questions.Count, "selection question", "selection questions")}.");
            return RedirectToPage("/Commissioning/Dps/Show", new { id });
        }
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            ModelState.AddModelError("Input.Name", outcome.Message!);
            return Page();
        }
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < rows.Count; i++)
        {
            fields[$"questions[{i}].text"] = $"Input.Questions[{rows[i].row}].Text";
            fields[$"questions[{i}].guidance"] = $"Input.Questions[{rows[i].row}].Guidance";
            fields[$"questions[{i}].id"] = $"Input.Questions[{rows[i].row}].Text";
        }
        return Refused(outcome, fields, unreadable) ?? Page();
    }

    /// <summary>An unreadable amount goes to the service as out of range, so that every other problem shows too.</summary>
    private static decimal? Money(string field, string? value, Dictionary<string, string> unreadable) =>
        FormValues.TryMoney(value, out var amount) ? amount : Unread(field, unreadable);

    private static decimal Unread(string field, Dictionary<string, string> unreadable)
    {
        unreadable[field] = "Enter an amount in pounds, like 5200 or 5200.50";
        return -1m;
    }

    private void PadQuestions()
    {
        Input.Questions = [.. Input.Questions.Take(QuestionRows)];
        while (Input.Questions.Count < QuestionRows)
        {
            Input.Questions.Add(new QuestionRow());
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var (found, refusal) = await LeadDpsAsync(dps, id);
        Dps = found!;
        return refusal;
    }
}
