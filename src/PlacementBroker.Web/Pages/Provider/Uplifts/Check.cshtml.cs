using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Provider.Uplifts;

/// <summary>Check your answers, then submit: a submitted request cannot be changed.</summary>
public class CheckModel(UpliftService uplifts) : UpliftPageModel(uplifts)
{
    public async Task<IActionResult> OnGetAsync(Guid roundId) => await LoadAsync(roundId, editing: true) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid roundId)
    {
        if (await LoadAsync(roundId, editing: true) is { } refusal)
        {
            return refusal;
        }
        var outcome = await Uplifts.SubmitAsync(Actor, roundId, new UpliftRequestInput(null, null, null, null), Aborted);
        return await SettleAsync(outcome, _ => Done("Your uplift request has been submitted. The commissioners have been told", "/Provider/Uplifts/Request", new { roundId }),
            async () => await LoadAsync(roundId) ?? Page(), messageAt: null);
    }
}
