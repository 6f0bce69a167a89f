namespace PlacementBroker.Web.Pages.Placements;

[Authorize(Policy = Policies.PlacingOfficer)]
public class EndModel(PlacementService placements) : PlacementPageModel(placements)
{
    [BindProperty]
    public EndInput Input { get; set; } = new();

    public List<SelectListItem> Reasons { get; } =
        Display.Options<PlacementEndReason>();

    public sealed class EndInput
    {
        public DateInputValue EndDate { get; set; } = new();
        public string? Reason { get; set; }
        public string? Notes { get; set; }
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ModelState.Clear();
        var unreadable = new Dictionary<string, string>();
        var endDate = FormValues.Date(Input.EndDate, "The end date", unreadable, "Input.EndDate");
        if (Unreadable(unreadable))
        {
            return Page();
        }
        var outcome = await Placements.EndAsync(Actor, id, new EndPlacementRequest(endDate, FormValues.Choice<PlacementEndReason>(Input.Reason), Input.Notes), Aborted);
        if (outcome.Succeeded)
        {
            return Done(outcome.Value!.Status == PlacementStatus.Ended
                ? "The placement has ended and its place is back on offer"
                : $"The placement will end on {Words.Date(outcome.Value.EndDate!.Value)}: the child keeps the place until then");
        }
        return Refused(outcome) ?? Page();
    }
}
