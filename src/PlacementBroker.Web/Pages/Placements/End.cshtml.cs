namespace PlacementBroker.Web.Pages.Placements;

[Authorize(Policy = Policies.PlacingOfficer)]
public class EndModel(PlacementService placements) : PlacementPageModel(placements)
{
    [BindProperty]
    public EndInput Input { get; set; } = new();

    public List<SelectListItem> Reasons { get; } =
        Display.Options<PlacementEndReason>();

    public sealed record EndInput(DateInputValue? EndDate = null, string? Reason = null, string? Notes = null);

    public Task<IActionResult> OnPostAsync(Guid id) => ChangeAsync(id,
        unreadable => new EndPlacementRequest(FormValues.Date(Input.EndDate, "The end date", unreadable, "Input.EndDate"),
            FormValues.Choice<PlacementEndReason>(Input.Reason), Input.Notes),
        request => Placements.EndAsync(Actor, id, request, Aborted),
        (_, ended) => ended.Status == PlacementStatus.Ended
            ? "The placement has ended and its place is back on offer"
            : $"The placement will end on {Words.Date(ended.EndDate!.Value)}: the child keeps the place until then");
}
