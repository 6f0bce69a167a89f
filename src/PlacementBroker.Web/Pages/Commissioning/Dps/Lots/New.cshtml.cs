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

    public sealed record NewLotInput(
        string? Name = null, string? PlacementType = null, string? BenchmarkWeeklyPrice = null, string? PriceBandLower = null,
        string? PriceBandUpper = null, IReadOnlyList<QuestionRow>? Questions = null);

    public sealed record QuestionRow(string? Text = null, string? Guidance = null);

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
        var rows = Input.Questions!.Select((q, row) => (q, row))
            .Where(r => !string.IsNullOrWhiteSpace(r.q.Text) || !string.IsNullOrWhiteSpace(r.q.Guidance)).ToList();
        var unreadable = new Dictionary<string, string>();
        var request = new AddLotRequest(
            Input.Name,
            FormValues.Choice<PlacementType>(Input.PlacementType),
            Money("Input.BenchmarkWeeklyPrice", Input.BenchmarkWeeklyPrice, unreadable),
            [.. rows.Select(r => new QuestionInput(null, r.q.Text, r.q.Guidance))],
            Money("Input.PriceBandLower", Input.PriceBandLower, unreadable),
            Money("Input.PriceBandUpper", Input.PriceBandUpper, unreadable));
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < rows.Count; i++)
        {
            fields[$"questions[{i}].text"] = $"Input.Questions[{rows[i].row}].Text";
            fields[$"questions[{i}].guidance"] = $"Input.Questions[{rows[i].row}].Guidance";
            fields[$"questions[{i}].id"] = $"Input.Questions[{rows[i].row}].Text";
        }
        // The one exception: a lot name already used in the DPS is a conflict, shown at the name.
        return Settle(await dps.AddLotAsync(Actor, id, request, Aborted),
            lot => Done($"{lot.Name} was added with {Words.Plural(lot.Questions.Count, "selection question", "selection questions")}.",
                "/Commissioning/Dps/Show", new { id }),
            fields, unreadable, (OutcomeKind.Conflict, "Input.Name"));
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
        var rows = Input.Questions ?? [];
        Input = Input with { Questions = [.. rows.Take(QuestionRows), .. Enumerable.Repeat(new QuestionRow(), Math.Max(0, QuestionRows - rows.Count))] };
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var (found, refusal) = await LeadDpsAsync(dps, id);
        Dps = found!;
        return refusal;
    }
}
