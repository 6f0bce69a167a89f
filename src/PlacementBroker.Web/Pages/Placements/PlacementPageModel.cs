namespace PlacementBroker.Web.Pages.Placements;

/// <summary>A page on one placement the user can see (404 for any other); the forms read it without auditing a view of the child.</summary>
public abstract class PlacementPageModel(PlacementService placements) : PlacementBrokerPageModel
{
    public PlacementView Placement { get; private set; } = null!;

    protected PlacementService Placements => placements;

    protected async Task<bool> LoadAsync(Guid id, bool audited = false)
    {
        if (await placements.FindAsync(Actor, id, audited, Aborted) is not { } placement)
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
