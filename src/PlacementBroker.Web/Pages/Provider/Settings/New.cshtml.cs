namespace PlacementBroker.Web.Pages.Provider.Settings;

/// <summary>Registers an Ofsted setting. The service decides what is valid; the page only reads numbers and dates.</summary>
public class NewModel(SettingService settings) : ProviderPageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["lastInspectionDate"] = "Input.LastInspection" };

    public override IEnumerable<string> FieldOrder =>
    [
        "Input.Name", "Input.OfstedUrn", "Input.Postcode", "Input.Latitude", "Input.Longitude", "Input.OfstedGrade", "Input.LastInspection",
        "Input.RegisteredPlaces",
    ];

    [BindProperty]
    public SettingInput Input { get; set; } = new();

    public List<SelectListItem> Grades { get; } =
        Display.Options<OfstedGrade>();

    /// <summary>Open the "Location" details when the user has typed coordinates or something about the location is wrong.</summary>
    public bool LocationOpen =>
        !string.IsNullOrWhiteSpace(Input.Latitude) || !string.IsNullOrWhiteSpace(Input.Longitude)
        || ModelState.ContainsKey("Input.Latitude") || ModelState.ContainsKey("Input.Longitude") || ModelState.ContainsKey("Input.Postcode");

    public sealed record SettingInput(
        string? Name = null, string? OfstedUrn = null, string? Postcode = null, string? OfstedGrade = null, DateInputValue? LastInspection = null,
        string? RegisteredPlaces = null, string? Latitude = null, string? Longitude = null);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var unreadable = new Dictionary<string, string>();
        var places = FormValues.WholeNumber(Input.RegisteredPlaces, "Registered places must be a whole number, like 4", unreadable, "Input.RegisteredPlaces");
        var latitude = FormValues.Number(Input.Latitude, "Enter the latitude as a number, like 53.8196", unreadable, "Input.Latitude");
        var longitude = FormValues.Number(Input.Longitude, "Enter the longitude as a number, like -1.5767", unreadable, "Input.Longitude");
        var inspected = FormValues.Date(Input.LastInspection, "The last inspection date", unreadable, "Input.LastInspection");

        // Only ask the service when it cannot accept the setting by mistake: either everything was readable, or a
        // required value was not (sent as missing, so the service refuses and reports the other fields as well).
        if (unreadable.Count > 0 && !unreadable.ContainsKey("Input.RegisteredPlaces"))
        {
            Unreadable(unreadable);
            return Page();
        }
        var outcome = await settings.AddAsync(Actor, ProviderId, new AddSettingRequest(Input.Name, Input.OfstedUrn, Input.Postcode,
            latitude, longitude, FormValues.Choice<OfstedGrade>(Input.OfstedGrade), inspected, places), Aborted);
        // The one exception: an Ofsted URN already registered is a conflict, shown at the URN.
        return Settle(outcome, added => Done(added.ReviewStatus == SettingReviewStatus.AwaitingReview
                ? $"{added.Name} has been added and is awaiting platform admin review of its Ofsted URN"
                : $"{added.Name} has been added", "/Provider/Settings/Index"),
            Fields, unreadable, (OutcomeKind.Conflict, "Input.OfstedUrn"));
    }
}
