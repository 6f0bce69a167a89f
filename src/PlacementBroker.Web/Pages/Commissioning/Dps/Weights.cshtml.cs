namespace PlacementBroker.Web.Pages.Commissioning.Dps;

/// <summary>The lead authority sets how much each ranking criterion counts in its DPS's referrals (0 to 3, 1 by default).</summary>
public class WeightsModel(DpsService dps) : CommissioningPageModel
{
    public static readonly IReadOnlyList<(string Key, string Label, string Hint, int Maximum)> Criteria =
    [
        ("needs", "Needs met", "The share of the child's other needs the placement meets", 25),
        ("ofstedGrade", "Ofsted grade", "Outstanding earns most, Inadequate nothing", 20),
        ("price", "Price", "Against the benchmark for the child's needs and the setting's region, or the budget", 20),
        ("distance", "Distance from home", "Closer to home earns more, nothing at the referral's maximum", 20),
        ("qaStatus", "Quality assurance status", "Green earns the points; amber and red nothing", 10),
        ("trackRecord", "Track record", "How often the provider answers referrals and how often its placements last 12 weeks", 5),
    ];

    public DpsView Dps { get; private set; } = null!;

    [BindProperty]
    public Dictionary<string, string?> Input { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var weights = await dps.WeightsAsync(Actor, id, Aborted) ?? new RankingWeightSettings();
        Input = new()
        {
            ["needs"] = Format(weights.Needs), ["ofstedGrade"] = Format(weights.OfstedGrade), ["price"] = Format(weights.Price),
            ["distance"] = Format(weights.Distance), ["qaStatus"] = Format(weights.QaStatus), ["trackRecord"] = Format(weights.TrackRecord),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var values = new Dictionary<string, double>();
        foreach (var (key, label, _, _) in Criteria)
        {
            if (FormValues.TryNumber(Input.GetValueOrDefault(key), out var read) && read is { } value)
            {
                values[key] = value;
            }
            else
            {
                ModelState.AddModelError($"Input[{key}]", $"Enter a weight for {label.ToLowerInvariant()} from 0 to {DpsService.MaxWeight}, like 1 or 1.5");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await dps.SetWeightsAsync(Actor, id, new RankingWeightSettings
        {
            Needs = values["needs"], OfstedGrade = values["ofstedGrade"], Price = values["price"],
            Distance = values["distance"], QaStatus = values["qaStatus"], TrackRecord = values["trackRecord"],
        }, Aborted);
        return Settle(outcome, _ => Done("The ranking weights are saved. Offers on this DPS's referrals are ranked with them from now on.",
            "/Commissioning/Dps/Show", new { id }), Criteria.ToDictionary(c => c.Key, c => $"Input[{c.Key}]"));
    }

    public IEnumerable<string> ErrorsFor(string key) =>
        ModelState.TryGetValue($"Input[{key}]", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var (found, refusal) = await LeadDpsAsync(dps, id);
        Dps = found!;
        return refusal;
    }
}
