namespace PlacementBroker.Web.Pages.Commissioning.Applications;

/// <summary>PCR 2015 reg. 34(15): extend the decision period once, to 15 working days, with a recorded justification.</summary>
public class ExtendModel(AdmissionService admissions) : ApplicationDecisionPageModel(admissions)
{
    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    /// <summary>Why this application cannot be extended, when that is already known; the service has the last word.</summary>
    public string? CannotExtend => Application switch
    {
        { Status: not ApplicationStatus.Submitted } => "This application has been decided: there is no decision period left to extend.",
        { Regime: not DpsRegime.Pcr2015Dps } => "Only a PCR 2015 DPS extends the decision period. A dynamic market decides within the period it set.",
        { Extended: true } => $"The decision period has already been extended once, to {DecisionPeriod.Pcr2015ExtendedDays} working days.",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var outcome = await Admissions.ExtendAsync(Actor, id, Input.Reason, Aborted);
        return await AfterPostAsync(id, outcome, extended => Task.FromResult(
            $"The decision period was extended to {DecisionPeriod.Pcr2015ExtendedDays} working days. The decision is now due by {Words.Date(extended.DecisionDueBy)}. We have told the provider."));
    }
}
