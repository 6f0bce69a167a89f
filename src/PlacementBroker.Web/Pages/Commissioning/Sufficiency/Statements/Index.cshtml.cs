using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Web.Pages.Commissioning.Sufficiency.Statements;

/// <summary>The authority's sufficiency statements, and a form to start the draft of a new one (last financial year by default).</summary>
public class IndexModel(SufficiencyStatementService statements, TimeProvider clock) : CommissioningPageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["periodFrom"] = "Input.PeriodFrom",
        ["periodTo"] = "Input.PeriodTo",
        ["title"] = "Input.Title",
    };

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
        var from = Input.PeriodFrom.Read("The first day", out var fromError);
        var to = Input.PeriodTo.Read("The last day", out var toError);
        if (fromError is not null)
        {
            ModelState.AddModelError(Fields["periodFrom"], fromError);
        }
        if (toError is not null)
        {
            ModelState.AddModelError(Fields["periodTo"], toError);
        }
        if (fromError is not null || toError is not null)
        {
            return Page();
        }
        var outcome = await statements.StartAsync(Actor, new StartStatementRequest(from, to, Input.Title), Aborted);
        if (outcome.Succeeded)
        {
            Success($"The draft of {outcome.Value!.Title} was started. Write the commentary, then publish it.");
            return Redirect($"/sufficiency/statements/{outcome.Value.Id}");
        }
        return Refused(outcome, Fields) ?? Page();
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
