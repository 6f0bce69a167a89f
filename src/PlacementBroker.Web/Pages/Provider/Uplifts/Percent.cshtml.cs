using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Provider.Uplifts;

/// <summary>The uplift the provider requests, as a percentage of its current prices.</summary>
public class PercentModel(UpliftService uplifts) : UpliftPageModel(uplifts)
{
    [BindProperty]
    public string? RequestedPercent { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId)
    {
        if (await LoadAsync(roundId, editing: true) is { } refusal)
        {
            return refusal;
        }
        RequestedPercent = FormValues.MoneyText(Uplift.RequestedPercent);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid roundId) =>
        await LoadAsync(roundId, editing: true) ?? await SaveAsync(roundId,
            unreadable => new UpliftRequestInput(null, FormValues.Money(RequestedPercent, "Enter the uplift as a number, like 4.5", unreadable, nameof(RequestedPercent)), null, null),
            "The uplift requested is saved");
}
