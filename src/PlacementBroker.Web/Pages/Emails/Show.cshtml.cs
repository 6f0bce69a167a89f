using PlacementBroker.Core.Notifications;

namespace PlacementBroker.Web.Pages.Emails;

/// <summary>
/// One email as its recipient (or a platform admin) reads it; anyone else finds no such page, and nobody does where the
/// outbox is closed (<see cref="LocalOutbox"/>).
/// </summary>
public class ShowModel(EmailOutbox outbox, IHostEnvironment environment, NotifyOptions notify) : PlacementBrokerPageModel
{
    public OutboxEmail Email { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!LocalOutbox.IsOpen(environment, notify))
        {
            return NotFound();
        }
        if (await outbox.FindForAsync(Actor, id, Aborted) is not { } email)
        {
            return NotFound();
        }
        Email = email;
        return Page();
    }
}
