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

    /// <summary>
    /// A form that changes the placement: nothing is sent while a value cannot be read (<see cref="PlacementBrokerPageModel.ReadThenSendAsync{TValues, T}"/>),
    /// and a change made goes back to the placement with the banner <paramref name="banner"/> words.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync<TRequest, T>(Guid id, Func<IDictionary<string, string>, TRequest> read,
        Func<TRequest, Task<Outcome<T>>> change, Func<TRequest, T, string> banner) =>
        await LoadAsync(id) ? await ReadThenSendAsync(read, change, (request, changed) => Done(banner(request, changed))) : NotFound();

    /// <summary>Back to the placement, with the success banner.</summary>
    protected IActionResult Done(string message) => Done(message, "/Placements/Show", new { id = Placement.Id });
}
