using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Web.Pages.Commissioning.Sufficiency.Statements;

/// <summary>The authority's sufficiency statements, and a form to start the draft of a new one (last financial year by default).</summary>
public class IndexModel(SufficiencyStatementService statements, TimeProvider clock) : CommissioningPageModel
{
    public List<StatementSummary> Statements { get; private set; } = [];

    [BindProperty]
    public StartInput Input { get; set; } = new();

    public sealed class StartInput
    {
        public DateInputValue PeriodFrom { get; set; } = new();
        public DateInputValue PeriodTo { get; set; } = new();
        public string? Title { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var (from, to) = SufficiencyStatementService.LastFinancialYear(UkTime.Today(clock));
        Input = new StartInput { PeriodFrom = DateInputValue.From(from), PeriodTo = DateInputValue.From(to) };
        return await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }
        var unreadable = new Dictionary<string, string>();
        var from = FormValues.Date(Input.PeriodFrom, "The first day", unreadable, "Input.PeriodFrom");
        var to = FormValues.Date(Input.PeriodTo, "The last day", unreadable, "Input.PeriodTo");
        if (Unreadable(unreadable))
        {
            return Page();
        }
        var outcome = await statements.StartAsync(Actor, new StartStatementRequest(from, to, Input.Title), Aborted);
        if (outcome.Succeeded)
        {
            Success($"The draft of {outcome.Value!.Title} was started. Write the commentary, then publish it.");
            return RedirectToPage("/Commissioning/Sufficiency/Statements/Edit", new { id = outcome.Value.Id });
        }
        return Refused(outcome) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var outcome = await statements.ListAsync(Actor, Aborted);
        if (!outcome.Succeeded)
        {
            return Refused(outcome);
        }
        Statements = outcome.Value!;
        return null;
    }
}
