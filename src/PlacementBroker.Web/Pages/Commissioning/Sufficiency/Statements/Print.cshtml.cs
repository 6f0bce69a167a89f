using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Web.Pages.Commissioning.Sufficiency.Statements;

/// <summary>The statement as a document to print or save as PDF: commentary, charts and the tables they are drawn from.</summary>
public class PrintModel(SufficiencyStatementService statements) : CommissioningPageModel
{
    public StatementView Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var outcome = await statements.GetAsync(Actor, id, Aborted);
        if (!outcome.Succeeded)
        {
            return Refused(outcome) ?? NotFound();
        }
        Statement = outcome.Value!;
        return Page();
    }

    /// <summary>The commentary's paragraphs: a blank line starts a new one.</summary>
    public static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? "").ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
