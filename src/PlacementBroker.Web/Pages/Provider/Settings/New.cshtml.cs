namespace PlacementBroker.Web.Pages.Provider.Settings;

/// <summary>Registers an Ofsted setting, located by its postcode. The service decides what is valid; the page only reads numbers and dates.</summary>
public class NewModel(SettingService settings) : ProviderPageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["lastInspectionDate"] = "Input.LastInspection" };

    public override IEnumerable<string> FieldOrder =>
    [
        "Input.Name", "Input.OfstedUrn", "Input.Postcode", "Input.OfstedGrade", "Input.LastInspection",
        "Input.RegisteredPlaces",
    ];

    [BindProperty]
    public SettingInput Input { get; set; } = new();

    public List<SelectListItem> Grades { get; } =
        Display.Options<OfstedGrade>();

    public sealed record SettingInput(
        string? Name = null, string? OfstedUrn = null, string? Postcode = null, string? OfstedGrade = null, DateInputValue? LastInspection = null,
        string? RegisteredPlaces = null);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var unreadable = new Dictionary<string, string>();
        var places = FormValues.WholeNumber(Input.RegisteredPlaces, "Registered places must be a whole number, like 4", unreadable, "Input.RegisteredPlaces");
        var inspected = FormValues.Date(Input.LastInspection, "The last inspection date", unreadable, "Input.LastInspection");

        // Only ask the service when it cannot accept the setting by mistake: either everything was readable, or a
        // required value was not (sent as missing, so the service refuses and reports the other fields as well).
        if (unreadable.Count > 0 && !unreadable.ContainsKey("Input.RegisteredPlaces"))
        {
            Unreadable(unreadable);
            return Page();
        }
        var outcome = await settings.AddAsync(Actor, ProviderId, new AddSettingRequest(Input.Name, Input.OfstedUrn, Input.Postcode,
            null, null, FormValues.Choice<OfstedGrade>(Input.OfstedGrade), inspected, places), Aborted);
        // The one exception: an Ofsted URN already registered is a conflict, shown at the URN.
        return Settle(outcome, added => Done(added.ReviewStatus == SettingReviewStatus.AwaitingReview
                ? $"{added.Name} has been added and is awaiting platform admin review of its Ofsted URN"
                : $"{added.Name} has been added", "/Provider/Settings/Index"),
            Fields, unreadable, (OutcomeKind.Conflict, "Input.OfstedUrn"));
    }
}
