namespace PlacementBroker.Web.Pages.Placements;

/// <summary>A page on one placement the user can see (404 for any other).</summary>
public abstract class PlacementPageModel(PlacementService placements) : PlacementBrokerPageModel
{
    public PlacementView Placement { get; private set; } = null!;

    protected PlacementService Placements => placements;

    /// <summary>The forms read the placement without recording a view of the child; a page that shows the child says so.</summary>
    protected virtual bool AuditedRead => false;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    protected async Task<bool> LoadAsync(Guid id)
    {
        if (await placements.FindAsync(Actor, id, AuditedRead, Aborted) is not { } placement)
        {
            return false;
        }
        Placement = placement;
        return true;
    }

    /// <summary>Back to the placement, with the success banner.</summary>
    protected IActionResult Done(string message)
    {
        Success(message);
        return RedirectToPage("/Placements/Show", new { id = Placement.Id });
    }
}
