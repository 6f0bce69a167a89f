using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Commissioning.Uplifts;

/// <summary>A provider's request beside its benchmark context, and the lead authority's decision on it.</summary>
public class RequestModel(UpliftService uplifts) : CommissioningPageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public sealed record DecisionInput(string? Decision = null, string? AgreedPercent = null, string? Reason = null);

    public UpliftRequestView Uplift { get; private set; } = null!;

    public static readonly IReadOnlyList<SelectListItem> Decisions =
        [.. Enum.GetValues<UpliftDecision>().Select(d => new SelectListItem(Words.Name(d), d.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        return await ReadThenSendAsync(
            unreadable => new UpliftDecisionRequest(FormValues.Choice<UpliftDecision>(Input.Decision),
                FormValues.Money(Input.AgreedPercent, "Enter the uplift agreed as a number, like 3.5", unreadable, "Input.AgreedPercent"), Input.Reason),
            request => uplifts.DecideAsync(Actor, id, request, Aborted),
            (_, decided) => Done($"The request is {Words.InSentence(decided.Status)}: {decided.PriceChanges} {(decided.PriceChanges == 1 ? "price" : "prices")} changed and the provider told",
                "/Commissioning/Uplifts/Round", new { id = Uplift.RoundId }),
            async () => await LoadAsync(id) ?? Page());
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var found = await uplifts.RequestAsync(Actor, id, Aborted);
        if (!found.Succeeded)
        {
            return Refused(found) ?? NotFound();
        }
        Uplift = found.Value!;
        return null;
    }
}
