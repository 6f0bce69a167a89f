using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Provider.Uplifts;

/// <summary>A page of the provider's request in a round: the request as saved so far (a draft until submitted).</summary>
public abstract class UpliftPageModel(UpliftService uplifts) : ProviderPageModel
{
    protected UpliftService Uplifts { get; } = uplifts;

    public UpliftRequestView Uplift { get; private set; } = null!;

    /// <summary>Sections are done when what they ask is given.</summary>
    public bool PercentDone => Uplift.RequestedPercent is not null;
    public bool CostsDone => Uplift.CostBreakdown.Count > 0;
    public bool JustificationDone => !string.IsNullOrWhiteSpace(Uplift.Justification);
    public bool Editable => Uplift.Status == UpliftRequestStatus.Draft && Uplift.RoundStatus != UpliftRoundStatus.Closed;

    /// <summary>Loads the request; the not-found page when the round is not on one of the provider's DPSs; with <paramref name="editing"/>, the request page once it can no longer change.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid roundId, bool editing = false)
    {
        if (await Uplifts.MyRequestAsync(Actor, roundId, Aborted) is not { } request)
        {
            return NotFound();
        }
        Uplift = request;
        return editing && !Editable ? RedirectToPage("/Provider/Uplifts/Request", new { roundId }) : null;
    }

    /// <summary>Saves a section to the draft and goes back to the task list.</summary>
    protected Task<IActionResult> SaveAsync(Guid roundId, Func<IDictionary<string, string>, UpliftRequestInput> read, string saved) =>
        ReadThenSendAsync(read, input => Uplifts.SaveDraftAsync(Actor, roundId, input, Aborted),
            (_, _) => Done(saved, "/Provider/Uplifts/Request", new { roundId }), async () => await LoadAsync(roundId) ?? Page());
}
