namespace PlacementBroker.Web.Pages.Quality.Flags;

/// <summary>A page on one of the council's open flags: another council's flag is not found, a closed one goes back to the provider.</summary>
public abstract class OpenFlagPageModel(PlacementBrokerDbContext db) : QaPageModel
{
    public FlagSummary Flag { get; private set; } = null!;

    protected async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await FlagLookup.FindAsync(db, id, Actor.LocalAuthorityId, Aborted) is not { } flag)
        {
            return NotFound();
        }
        if (flag.Flag.Status != FlagStatus.Open)
        {
            return RedirectToPage("/Quality/Profile", new { providerId = flag.Flag.ProviderId });
        }
        Flag = flag;
        return null;
    }

    /// <summary>Back to the flag's provider, with the success banner.</summary>
    protected IActionResult Done(string message) => Done(message, "/Quality/Profile", new { providerId = Flag.Flag.ProviderId });
}
