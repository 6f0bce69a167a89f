using PlacementBroker.Core.Notifications;

namespace PlacementBroker.Web.Pages.Emails;

/// <summary>
/// The email outbox: where developers read the service's emails when GOV.UK Notify is not configured. It exists only
/// where <see cref="LocalOutbox.IsOpen(IHostEnvironment, NotifyOptions)"/>; anywhere else it is not found.
/// Each person sees the emails sent to their own address; a platform admin sees them all.
/// </summary>
public class IndexModel(EmailOutbox outbox, IHostEnvironment environment, NotifyOptions notify) : PlacementBrokerPageModel
{
    public const int PageSize = 50;

    public OutboxPage Emails { get; private set; } = null!;
    public bool SeesAll { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!LocalOutbox.IsOpen(environment, notify))
        {
            return NotFound();
        }
        var actor = Actor;
        SeesAll = actor.Role == Role.PlatformAdmin;
        // "page" is a route value of every Razor page, so the query's ?page= is read directly.
        var page = int.TryParse(Request.Query["page"], out var n) && n > 0 ? n : 1;
        Emails = await outbox.ListForAsync(actor, page, PageSize, Aborted);
        return Page();
    }

    public static (string Text, string Tag) State(OutboxEmail email) => email switch
    {
        { DeliveredAt: not null, DeliveredBy: KeepInOutboxDelivery.DeliveredByName } => ("Kept here", "govuk-tag--grey"),
        { DeliveredAt: not null } => ("Delivered", "govuk-tag--green"),
        { HeldUntilConfirmed: true } => ("Held until the address is confirmed", "govuk-tag--orange"),
        { LastError: not null } => ("Failing", "govuk-tag--red"),
        _ => ("Waiting", "govuk-tag--yellow"),
    };
}
