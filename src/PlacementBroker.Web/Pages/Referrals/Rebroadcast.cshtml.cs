namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>Sending an unfilled referral again with wider criteria: radius, budget, lot and a new deadline.</summary>
public class RebroadcastModel(ReferralService referrals, DpsService dps, TimeProvider clock) : ReferralsPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public RebroadcastInput Input { get; set; } = new();

    public ReferralView Referral { get; private set; } = null!;
    public List<SelectListItem> Lots { get; private set; } = [];

    public override IEnumerable<string> FieldOrder => ["Input.LotId", "Input.MaxDistanceMiles", "Input.WeeklyBudget", "Input.DeadlineDate", "Input.DeadlineTime"];

    public sealed record RebroadcastInput(
        string? LotId = null, string? MaxDistanceMiles = null, bool OutOfAreaRequired = false, string? WeeklyBudget = null,
        DateInputValue? DeadlineDate = null, string? DeadlineTime = null);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } away)
        {
            return away;
        }
        var r = Referral;
        Input = new(r.LotId.ToString(), ReferralFormModel.ReferralInput.Miles(r.MaxDistanceMiles), r.OutOfAreaRequired,
            ReferralFormModel.ReferralInput.Budget(r.WeeklyBudget));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var unreadable = new Dictionary<string, string>();
        var miles = FormValues.Miles(Input.MaxDistanceMiles, MilesMessage, unreadable, "Input.MaxDistanceMiles");
        var budget = FormValues.Money(Input.WeeklyBudget, "The weekly budget must be an amount in pounds, like 6500 or 6500.50", unreadable, "Input.WeeklyBudget");
        var deadline = ReadDeadline(Input.DeadlineDate, Input.DeadlineTime, unreadable);
        // The postcode is not on this form: a referral whose home cannot be placed is told so at the distance.
        var fields = DeadlineField(unreadable, new() { ["homePostcode"] = "Input.MaxDistanceMiles" });
        // A blank distance or budget would keep the old value: one that cannot be read must stop the sending instead.
        if (unreadable.ContainsKey("Input.MaxDistanceMiles"))
        {
            miles = -1;
        }
        if (unreadable.ContainsKey("Input.WeeklyBudget"))
        {
            budget = -1;
        }
        var request = new RebroadcastRequest(FormValues.Id(Input.LotId), miles, budget, deadline, Input.OutOfAreaRequired);
        return await SettleAsync(await referrals.RebroadcastAsync(Actor, Id, request, Aborted),
            sent => Done($"The referral was sent again to {Words.Plural(sent.ProvidersNotified, "provider", "providers")} with the wider criteria",
                "/Referrals/Show", new { id = sent.Id }),
            async () => await LoadAsync() ?? Page(), fields, unreadable);
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var referral = await referrals.FindAsync(Actor, Id, Aborted);
        if (referral is null)
        {
            return NotFound();
        }
        var deadlinePassed = referral.OfferDeadline <= clock.GetUtcNow().UtcDateTime;
        if (referral.Status != ReferralStatus.Unfilled && !(referral.Status == ReferralStatus.Open && deadlinePassed))
        {
            return RedirectToPage("/Referrals/Show", new { id = Id });
        }
        Referral = referral;
        Lots = await ReferralFormModel.LotChoicesAsync(dps, User.GetLocalAuthorityId(), Aborted);
        return null;
    }
}
