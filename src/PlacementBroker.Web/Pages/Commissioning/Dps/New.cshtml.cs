using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Vocabulary;

namespace PlacementBroker.Web.Pages.Commissioning.Dps;

public class NewModel(DpsService dps, PlacementBrokerDbContext db) : CommissioningPageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["name"] = "Input.Name",
        ["regime"] = "Input.Regime",
        ["decisionPeriodDays"] = "Input.DecisionPeriodDays",
        ["participatingLocalAuthorityIds"] = "Input.ParticipatingLocalAuthorityIds",
    };

    [BindProperty]
    public NewDpsInput Input { get; set; } = new();

    public List<SelectListItem> Regimes { get; } =
    [
        new(Words.Name(DpsRegime.Pcr2015Dps), nameof(DpsRegime.Pcr2015Dps))
        {
            Group = new SelectListGroup { Name = $"Public Contracts Regulations 2015, regulation 34: decide each application within {DpsService.PcrDecisionDays} working days, extendable once to {DpsService.PcrExtendedDecisionDays} working days with a recorded reason." },
        },
        new(Words.Name(DpsRegime.ProcurementAct2023DynamicMarket), nameof(DpsRegime.ProcurementAct2023DynamicMarket))
        {
            Group = new SelectListGroup { Name = $"Decide each application within the period you set below (up to {DpsService.MaxDynamicMarketDecisionDays} working days). Excluded suppliers must be removed, and membership conditions are fixed once published." },
        },
    ];

    public List<SelectListItem> Authorities { get; private set; } = [];

    public sealed class NewDpsInput
    {
        public string? Name { get; set; }
        public string? Regime { get; set; } = nameof(DpsRegime.Pcr2015Dps);
        public string? DecisionPeriodDays { get; set; } = DpsService.PcrDecisionDays.ToString();
        public List<string> ParticipatingLocalAuthorityIds { get; set; } = [];
        /// <summary>Which button: "draft" or "open".</summary>
        public string? Action { get; set; }
    }

    public async Task OnGetAsync() => await LoadAuthoritiesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var period = ParsePeriod(Input.DecisionPeriodDays, out var periodUnreadable);
        var request = new CreateDpsRequest(
            Input.Name,
            [.. Input.ParticipatingLocalAuthorityIds.Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty)],
            Enum.TryParse<DpsRegime>(Input.Regime, out var regime) ? regime : null,
            period,
            Input.Action == "draft");
        var outcome = await dps.CreateAsync(Actor, request, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            var created = outcome.Value!;
            Success(created.Status == DpsStatus.Draft
                ? $"{created.Name} was saved as a draft. Add its lots, then open it for applications."
                : $"{created.Name} is open for applications.");
            return Redirect($"/dps/{created.Id}");
        }
        if (Refused(outcome, Fields) is { } result)
        {
            return result;
        }
        if (periodUnreadable)
        {
            ModelState.Remove(Fields["decisionPeriodDays"]);
            ModelState.AddModelError(Fields["decisionPeriodDays"], "Enter the decision period as a whole number of working days, like 10");
        }
        await LoadAuthoritiesAsync();
        return Page();
    }

    /// <summary>Blank is the regime's default; anything unreadable goes to the service as out of range, so every problem shows at once.</summary>
    private static int? ParsePeriod(string? value, out bool unreadable)
    {
        unreadable = false;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value.Trim(), out var days))
        {
            return days;
        }
        unreadable = true;
        return -1;
    }

    private async Task LoadAuthoritiesAsync()
    {
        var own = AuthorityId;
        Authorities = await db.LocalAuthorities.AsNoTracking().Where(a => a.Id != own).OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync(HttpContext.RequestAborted);
    }
}
