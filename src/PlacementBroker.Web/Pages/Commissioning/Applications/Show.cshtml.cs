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

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        var decision = FormValues.Choice<AdmissionDecision>(Input.Decision);
        var outcome = await Admissions.DecideAsync(Actor, id, new DecisionRequest(decision, Input.Reason), Aborted);
        return await AfterPostAsync(id, outcome, async decided =>
        {
            var view = await Admissions.FindAsync(Actor, id, Aborted);
            return decided.Status == ApplicationStatus.Admitted
                ? $"{view?.ProviderName} was admitted to {view?.LotName}. We have emailed the provider."
                : $"{view?.ProviderName}'s application to {view?.LotName} was rejected. We have emailed the provider your reasons.";
        });
    }
}
