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

    public sealed class SettingInput
    {
        public string? Name { get; set; }
        public string? OfstedUrn { get; set; }
        public string? Postcode { get; set; }
        public string? OfstedGrade { get; set; }
        public DateInputValue LastInspection { get; set; } = new();
        public string? RegisteredPlaces { get; set; }
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
    }

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
        IReadOnlyDictionary<string, string[]> serviceErrors = new Dictionary<string, string[]>();
        if (unreadable.Count == 0 || unreadable.ContainsKey("Input.RegisteredPlaces"))
        {
            var outcome = await settings.AddAsync(Actor, ProviderId, new AddSettingRequest(Input.Name, Input.OfstedUrn, Input.Postcode,
                latitude, longitude, FormValues.Choice<OfstedGrade>(Input.OfstedGrade), inspected, places), Aborted);
            switch (outcome.Kind)
            {
                case OutcomeKind.Success:
                    Success(outcome.Value!.ReviewStatus == SettingReviewStatus.AwaitingReview
                        ? $"{outcome.Value.Name} has been added and is awaiting platform admin review of its Ofsted URN"
                        : $"{outcome.Value.Name} has been added");
                    return RedirectToPage("/Provider/Settings/Index");
                case OutcomeKind.Forbidden:
                    return Forbid();
                case OutcomeKind.Conflict:
                    ModelState.AddModelError("Input.OfstedUrn", outcome.Message!);
                    break;
                case OutcomeKind.Invalid:
                    serviceErrors = outcome.Errors;
                    break;
                default:
                    Problem(outcome.Message);
                    break;
            }
        }
        ShowErrors(serviceErrors, Fields, unreadable);
        return Page();
    }
}
