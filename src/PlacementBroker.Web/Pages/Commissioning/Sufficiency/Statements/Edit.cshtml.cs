using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Web.Pages.Commissioning.Sufficiency.Statements;

/// <summary>
/// A draft statement's commentary, section by section, each beside the figures it comments on; saving keeps it a draft,
/// publishing freezes it. A published statement is shown, not edited.
/// </summary>
public class EditModel(SufficiencyStatementService statements) : CommissioningPageModel
{
    public StatementView Statement { get; private set; } = null!;

    /// <summary>The form is the service's own commentary record, bound through its constructor.</summary>
    [BindProperty]
    public StatementCommentary Input { get; set; } = new(null, null, null, null, null, null, null, null);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        Input = Statement.Commentary;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        return Settle(await statements.UpdateAsync(Actor, id, Input, Aborted),
            _ => Done("Your commentary was saved. The statement is still a draft.", "/Commissioning/Sufficiency/Statements/Edit", new { id }));
    }

    /// <summary>Saves what is on the form, then publishes; either step's errors come back to the form.</summary>
    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        ModelState.Clear();
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var saved = await statements.UpdateAsync(Actor, id, Input, Aborted);
        if (!saved.Succeeded)
        {
            return Refused(saved) ?? Page();
        }
        return Settle(await statements.PublishAsync(Actor, id, Aborted),
            published => Done($"{published.Title} is published. Its figures no longer change.", "/Commissioning/Sufficiency/Statements/Print", new { id }));
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var outcome = await statements.GetAsync(Actor, id, Aborted);
        if (!outcome.Succeeded)
        {
            return Refused(outcome) ?? NotFound();
        }
        Statement = outcome.Value!;
        return null;
    }
}
