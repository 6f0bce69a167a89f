namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>
/// The placing authority's referral pages. The folder needs the ReferralReaders policy (placing officers and placement
/// managers); the pages that write need a placing officer as well.
/// </summary>
public abstract class ReferralsPageModel : PlacementBrokerPageModel
{
    public bool IsOfficer => User.GetRole() == Role.PlacingOfficer;

    /// <summary>The draft referral, or where to go instead: the not-found page, or the referral's own page once it is sent.</summary>
    protected async Task<(ReferralView? Draft, IActionResult? Elsewhere)> DraftAsync(ReferralService referrals, Guid id) =>
        await referrals.FindAsync(Actor, id, Aborted) is not { } referral ? (null, NotFound())
        : referral.Status != ReferralStatus.Draft ? (null, RedirectToPage("/Referrals/Show", new { id }))
        : (referral, null);

    protected const string MilesMessage = "The maximum distance must be a number of miles, like 20";

    /// <summary>The offer deadline as typed (a GOV.UK date and a time in England), in UTC; what cannot be read goes into <paramref name="unreadable"/>.</summary>
    protected static DateTime? ReadDeadline(DateInputValue? date, string? time, Dictionary<string, string> unreadable)
    {
        if (FormValues.Date(date, "The deadline date", unreadable, "Input.DeadlineDate") is not { } day)
        {
            return null;
        }
        var deadline = EnglandTime.ToUtc(day, time, out var timeError);
        if (timeError is not null)
        {
            unreadable["Input.DeadlineTime"] = timeError;
        }
        return deadline;
    }

    /// <summary>The service's "offerDeadline" is reported at the date, or at the time when it is the time that could not be read.</summary>
    protected static Dictionary<string, string> DeadlineField(IReadOnlyDictionary<string, string> unreadable, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields["offerDeadline"] = unreadable.ContainsKey("Input.DeadlineTime") ? "Input.DeadlineTime" : "Input.DeadlineDate";
        return fields;
    }
}
