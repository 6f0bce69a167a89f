using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Web.Pages.Commissioning.Sufficiency.Statements;

/// <summary>The authority's sufficiency statements, and a form to start the draft of a new one (last financial year by default).</summary>
public class IndexModel(SufficiencyStatementService statements, TimeProvider clock) : CommissioningPageModel
{
    public List<StatementSummary> Statements { get; private set; } = [];

    [BindProperty]
    public StartInput Input { get; set; } = new();

    public sealed record StartInput(DateInputValue? PeriodFrom = null, DateInputValue? PeriodTo = null, string? Title = null);

    public async Task<IActionResult> OnGetAsync()
    {
        var (from, to) = SufficiencyStatementService.LastFinancialYear(UkTime.Today(clock));
        Input = new(DateInputValue.From(from), DateInputValue.From(to));
        return await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }
        return await ReadThenSendAsync(
            unreadable => new StartStatementRequest(FormValues.Date(Input.PeriodFrom, "The first day", unreadable, "Input.PeriodFrom"),
                FormValues.Date(Input.PeriodTo, "The last day", unreadable, "Input.PeriodTo"), Input.Title),
            request => statements.StartAsync(Actor, request, Aborted),
            (_, started) => Done($"The draft of {started.Title} was started. Write the commentary, then publish it.",
                "/Commissioning/Sufficiency/Statements/Edit", new { id = started.Id }));
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
