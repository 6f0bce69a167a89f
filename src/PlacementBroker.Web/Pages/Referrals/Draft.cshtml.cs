namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>
/// One section of a draft referral as a question page: where each "Change" link on check your answers leads. Saving
/// changes the draft (the other answers stay as saved) and goes back to check your answers.
/// </summary>
public class DraftModel(ReferralService referrals, DpsService dps) : ReferralFormModel(dps)
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute(Name = "section")]
    public string SectionSlug { get; set; } = "";

    public Section Current { get; private set; } = Sections[0];

    public override IEnumerable<string> FieldOrder => Current.Fields.Concat(base.FieldOrder.Except(Current.Fields));

    public async Task<IActionResult> OnGetAsync() =>
        FindSection() ? await ShowDraftAsync(referrals, Id) : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!FindSection())
        {
            return NotFound();
        }
        var (draft, elsewhere) = await DraftAsync(referrals, Id);
        if (elsewhere is not null)
        {
            return elsewhere;
        }
        ModelState.Clear();
        Input = ReferralInput.From(draft!).With(Input, Current);
        var unreadable = new Dictionary<string, string>();
        var outcome = await referrals.UpdateDraftAsync(Actor, Id, ReadRequest(unreadable), Aborted);
        return await SettleAsync(outcome, _ => RedirectToPage("/Referrals/Check", new { id = Id }),
            () => PageAsync(LoadChoicesAsync), Fields(unreadable), unreadable);
    }

    /// <summary>The section the address names, as <see cref="Current"/>; false for a section there is not.</summary>
    private bool FindSection()
    {
        if (Sections.FirstOrDefault(s => s.Slug == SectionSlug) is not { } section)
        {
            return false;
        }
        Current = section;
        return true;
    }
}
