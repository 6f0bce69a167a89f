using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Emails;

/// <summary>
/// One email as its recipient (or a platform admin) reads it; anyone else finds no such page, and nobody does where the
/// outbox is closed (<see cref="LocalOutbox"/>).
/// </summary>
public class ShowModel(EmailOutbox outbox, IHostEnvironment environment, NotifyOptions notify) : PageModel
{
    public OutboxEmail Email { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!LocalOutbox.IsOpen(environment, notify))
        {
            return NotFound();
        }
        if (await outbox.FindForAsync(HttpContext.ToActor(), id, HttpContext.RequestAborted) is not { } email)
        {
            return NotFound();
        }
        Email = email;
        return Page();
    }
}
