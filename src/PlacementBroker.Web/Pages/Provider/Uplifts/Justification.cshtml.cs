using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Provider.Uplifts;

/// <summary>Why the uplift is needed, in the provider's words.</summary>
public class JustificationModel(UpliftService uplifts) : UpliftPageModel(uplifts)
{
    [BindProperty]
    public string? Justification { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId)
    {
        if (await LoadAsync(roundId, editing: true) is { } refusal)
        {
            return refusal;
        }
        Justification = Uplift.Justification;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid roundId)
    {
        if (await LoadAsync(roundId, editing: true) is { } refusal)
        {
            return refusal;
        }
        if (string.IsNullOrWhiteSpace(Justification))
        {
            ModelState.AddModelError(nameof(Justification), "Explain why the uplift is needed");
            return Page();
        }
        return await SaveAsync(roundId, _ => new UpliftRequestInput(null, null, null, Justification), "The justification is saved");
    }
}
