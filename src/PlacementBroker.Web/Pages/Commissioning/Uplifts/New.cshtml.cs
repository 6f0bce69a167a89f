using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Commissioning.Uplifts;

/// <summary>Opens a fee-uplift round for one of the lead authority's DPSs: its window, effective date, guidance and lots.</summary>
public class NewModel(UpliftService uplifts, DpsService dps) : CommissioningPageModel
{
    [BindProperty]
    public RoundInput Input { get; set; } = new();

    public sealed record RoundInput(
        string? Name = null, DateInputValue? OpensOn = null, DateInputValue? ClosesOn = null, DateInputValue? EffectiveFrom = null, string? GuidancePercent = null,
        string? Guidance = null, List<string>? LotIds = null);

    public DpsView Dps { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Lots { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid dpsId) => await LoadAsync(dpsId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid dpsId)
    {
        if (await LoadAsync(dpsId) is { } refusal)
        {
            return refusal;
        }
        return await ReadThenSendAsync(
            unreadable => new CreateUpliftRoundRequest(Input.Name,
                FormValues.Date(Input.OpensOn, "The day the round opens", unreadable, "Input.OpensOn"),
                FormValues.Date(Input.ClosesOn, "The day the round closes", unreadable, "Input.ClosesOn"),
                FormValues.Date(Input.EffectiveFrom, "The day agreed prices start", unreadable, "Input.EffectiveFrom"),
                FormValues.Money(Input.GuidancePercent, "Enter the expected uplift as a number, like 3.5", unreadable, "Input.GuidancePercent"),
                Input.Guidance, [.. (Input.LotIds ?? []).Select(FormValues.Id).OfType<Guid>()]),
            request => uplifts.CreateRoundAsync(Actor, dpsId, request, Aborted),
            (_, round) => Done($"The round is open and {round.ProvidersInScope} {(round.ProvidersInScope == 1 ? "provider has" : "providers have")} been told", "/Commissioning/Uplifts/Round", new { id = round.Id }),
            async () => await LoadAsync(dpsId) ?? Page());
    }

    private async Task<IActionResult?> LoadAsync(Guid dpsId)
    {
        var (found, refusal) = await LeadDpsAsync(dps, dpsId);
        if (refusal is not null)
        {
            return refusal;
        }
        Dps = found!;
        Lots = [.. Dps.Lots.Select(l => new SelectListItem(l.Name, l.Id.ToString(), Input.LotIds?.Contains(l.Id.ToString()) == true))];
        return null;
    }
}
