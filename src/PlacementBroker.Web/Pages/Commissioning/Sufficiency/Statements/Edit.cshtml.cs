using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Web.Pages.Commissioning.Sufficiency.Statements;

/// <summary>
/// A draft statement's commentary, section by section, each beside the figures it comments on; saving keeps it a draft,
/// publishing freezes it. A published statement is shown, not edited.
/// </summary>
public class EditModel(SufficiencyStatementService statements) : CommissioningPageModel
{
    public StatementView Statement { get; private set; } = null!;

    [BindProperty]
    public CommentaryInput Input { get; set; } = new();

    public sealed class CommentaryInput
    {
        public string? Title { get; set; }
        public string? Introduction { get; set; }
        public string? DemandCommentary { get; set; }
        public string? SupplyCommentary { get; set; }
        public string? OutcomesCommentary { get; set; }
        public string? PriceCommentary { get; set; }
        public string? QualityCommentary { get; set; }
        public string? CommissioningIntentions { get; set; }

        public StatementCommentary ToRequest() =>
            new(Title, Introduction, DemandCommentary, SupplyCommentary, OutcomesCommentary, PriceCommentary, QualityCommentary, CommissioningIntentions);
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var c = Statement.Commentary;
        Input = new CommentaryInput
        {
            Title = c.Title, Introduction = c.Introduction, DemandCommentary = c.DemandCommentary, SupplyCommentary = c.SupplyCommentary,
            OutcomesCommentary = c.OutcomesCommentary, PriceCommentary = c.PriceCommentary, QualityCommentary = c.QualityCommentary,
            CommissioningIntentions = c.CommissioningIntentions,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var outcome = await statements.UpdateAsync(Actor, id, Input.ToRequest(), Aborted);
        if (outcome.Succeeded)
        {
            Success("Your commentary was saved. The statement is still a draft.");
            return RedirectToPage("/Commissioning/Sufficiency/Statements/Edit", new { id });
        }
        return Refused(outcome) ?? Page();
    }

    /// <summary>Saves what is on the form, then publishes; either step's errors come back to the form.</summary>
    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        ModelState.Clear();
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var saved = await statements.UpdateAsync(Actor, id, Input.ToRequest(), Aborted);
        if (!saved.Succeeded)
        {
            return Refused(saved) ?? Page();
        }
        var published = await statements.PublishAsync(Actor, id, Aborted);
        if (published.Succeeded)
        {
            Success($"{published.Value!.Title} is published. Its figures no longer change.");
            return RedirectToPage("/Commissioning/Sufficiency/Statements/Print", new { id });
        }
        return Refused(published) ?? Page();
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
