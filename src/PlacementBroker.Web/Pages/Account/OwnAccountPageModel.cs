using Microsoft.AspNetCore.Identity;
using PlacementBroker.Core.Auditing;

namespace PlacementBroker.Web.Pages.Account;

/// <summary>
/// A page where the signed-in person manages their own account (password, second factor, organisation sign-in): the
/// account itself, and a change to it recorded in the audit trail.
/// </summary>
public abstract class OwnAccountPageModel(UserManager<User> users, SignInManager<User> signIns, AuditTrail audit, PlacementBrokerDbContext db)
    : PlacementBrokerPageModel
{
    protected UserManager<User> Users => users;

    protected SignInManager<User> SignIns => signIns;

    /// <summary>The signed-in account; null when it is gone, which the page answers with a challenge.</summary>
    protected Task<User?> AccountAsync() => users.GetUserAsync(User);

    /// <summary>Records a change to the account in the audit trail.</summary>
    protected async Task RecordAsync(User user, string action, string? detail = null)
    {
        audit.Record(Actor, action, nameof(User), user.Id, detail);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// As <see cref="RecordAsync"/>, for a change that rotated the security stamp: every other session of the account ends,
    /// and this one carries on with a new cookie (its sign-in time kept, so the session's absolute limit stands).
    /// </summary>
    protected async Task RecordAndRenewAsync(User user, string action)
    {
        await RecordAsync(user, action);
        await signIns.RefreshSignInAsync(user);
    }
}
