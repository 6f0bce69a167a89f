using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Provider.Uplifts;

/// <summary>The cost breakdown: last year's and next year's cost under each heading. A heading left blank is not sent.</summary>
public class CostsModel(UpliftService uplifts) : UpliftPageModel(uplifts)
{
    public static readonly IReadOnlyList<CostCategory> Categories = Enum.GetValues<CostCategory>();

    /// <summary>Each heading's figure as typed, by heading; every heading has an entry, so the form can show each.</summary>
    [BindProperty]
    public Dictionary<string, string?> LastYear { get; set; } = Blank();

    [BindProperty]
    public Dictionary<string, string?> NextYear { get; set; } = Blank();

    private static Dictionary<string, string?> Blank() => Categories.ToDictionary(c => c.ToString(), _ => (string?)null);

    private static Dictionary<string, string?> Complete(Dictionary<string, string?>? posted) =>
        Categories.ToDictionary(c => c.ToString(), c => posted?.GetValueOrDefault(c.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid roundId)
    {
        if (await LoadAsync(roundId, editing: true) is { } refusal)
        {
            return refusal;
        }
        foreach (var line in Uplift.CostBreakdown)
        {
            LastYear[line.Category.ToString()] = FormValues.MoneyText(line.LastYear);
            NextYear[line.Category.ToString()] = FormValues.MoneyText(line.NextYear);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid roundId)
    {
        (LastYear, NextYear) = (Complete(LastYear), Complete(NextYear));
        if (await LoadAsync(roundId, editing: true) is { } refusal)
        {
            return refusal;
        }
        // The service numbers the lines it is sent: each is mapped back to its heading's fields.
        var fields = new Dictionary<string, string>();
        return await ReadThenSendAsync(
            unreadable =>
            {
                var lines = new List<CostLineInput>();
                foreach (var category in Categories)
                {
                    var key = category.ToString();
                    var last = LastYear.GetValueOrDefault(key);
                    var next = NextYear.GetValueOrDefault(key);
                    if (string.IsNullOrWhiteSpace(last) && string.IsNullOrWhiteSpace(next))
                    {
                        continue;
                    }
                    fields[$"costBreakdown[{lines.Count}].lastYear"] = $"LastYear[{key}]";
                    fields[$"costBreakdown[{lines.Count}].nextYear"] = $"NextYear[{key}]";
                    lines.Add(new CostLineInput(category,
                        FormValues.Money(last, $"Enter last year's {Words.InSentence(category)} cost in pounds, like 250000", unreadable, $"LastYear[{key}]"),
                        FormValues.Money(next, $"Enter next year's {Words.InSentence(category)} cost in pounds, like 262500", unreadable, $"NextYear[{key}]")));
                }
                if (lines.Count == 0)
                {
                    unreadable[$"LastYear[{Categories[0]}]"] = "Give your costs for at least one heading: last year's and next year's";
                }
                return new UpliftRequestInput(null, null, lines, null);
            },
            input => Uplifts.SaveDraftAsync(Actor, roundId, input, Aborted),
            (_, _) => Done("The cost breakdown is saved", "/Provider/Uplifts/Request", new { roundId }),
            async () => await LoadAsync(roundId) ?? Page(), fields);
    }
}
