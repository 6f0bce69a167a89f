namespace PlacementBroker.Web.Pages.Commissioning.Applications;

/// <summary>One application with the provider's answers, and the admit or reject decision.</summary>
public class ShowModel(AdmissionService admissions, WorkingDayCalendar calendar, TimeProvider clock) : ApplicationDecisionPageModel(admissions)
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public List<SelectListItem> Decisions { get; } =
    [
        new("Admit", nameof(AdmissionDecision.Admit))
        {
            Group = new SelectListGroup { Name = "The provider joins the lot: it can publish vacancies and receives the lot's referrals." },
        },
        new("Reject", nameof(AdmissionDecision.Reject))
        {
            Group = new SelectListGroup { Name = "Give your reasons below. The provider may apply again when it meets the criteria." },
        },
    ];

    /// <summary>Only while the decision period is still running: an overdue decision has nothing left to extend.</summary>
    public bool CanExtend => Application.Status == ApplicationStatus.Submitted && Application.Regime == DpsRegime.Pcr2015Dps && !Application.Extended
        && !Application.Overdue;

    public int? WorkingDaysLeft => Application.Status == ApplicationStatus.Submitted && Application.DecisionDueBy is { } due
        ? calendar.WorkingDaysBetween(UkTime.Today(clock), due)
        : null;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>Set when the decision is complete and waits to be confirmed: what it will do, and the form to confirm it.</summary>
    public ConfirmStep? Confirm { get; private set; }

    public string ConfirmHeading => Input.Decision == nameof(AdmissionDecision.Admit)
        ? $"Are you sure you want to admit {Application.ProviderName} to {Application.LotName}?"
        : $"Are you sure you want to reject the application from {Application.ProviderName}?";

    /// <summary>
    /// The decision as posted is checked, then shown to confirm (GOV.UK's confirmation pattern): only the post that
    /// carries the confirmation admits or rejects. A post without it changes nothing.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        var decision = FormValues.Choice<AdmissionDecision>(Input.Decision);
        var request = new DecisionRequest(decision, Input.Reason);
        if (!Confirmed)
        {
            if (!await LoadAsync(id))
            {
                return NotFound();
            }
            if (Application.Status == ApplicationStatus.Submitted)
            {
                if (AdmissionService.CheckDecision(request) is { Any: true } errors)
                {
                    return Refused(Outcome<DecisionResult>.Invalid(errors)) ?? Page();
                }
                var admit = decision == AdmissionDecision.Admit;
                Confirm = new ConfirmStep(admit
                        ? $"{Application.ProviderName} becomes a member of {Application.LotName}: it can publish vacancies in the lot and receive its referrals. We will email the provider."
                        : $"The application is rejected and we will email {Application.ProviderName} your reasons. A decision cannot be changed; the provider may apply again.",
                    admit ? $"Admit {Application.ProviderName}" : "Reject the application", Url.Page("/Commissioning/Applications/Show", new { id })!,
                    new Dictionary<string, string?> { ["Input.Decision"] = Input.Decision, ["Input.Reason"] = Input.Reason });
                return Page();
            }
        }
        var outcome = await Admissions.DecideAsync(Actor, id, request, Aborted);
        return await AfterPostAsync(id, outcome, async decided =>
        {
            var view = await Admissions.FindAsync(Actor, id, Aborted);
            return decided.Status == ApplicationStatus.Admitted
                ? $"{view?.ProviderName} was admitted to {view?.LotName}. We have emailed the provider."
                : $"{view?.ProviderName}'s application to {view?.LotName} was rejected. We have emailed the provider your reasons.";
        });
    }
}
