using PlacementBroker.Core.Notifications;

namespace PlacementBroker.Web.Pages.Emails;

/// <summary>
/// Whether the email outbox pages (<c>/emails</c>) exist: only on a developer's machine (the Development environment)
/// with GOV.UK Notify not configured, where nobody else can receive the emails. Anywhere else the pages answer 404 and
/// the navigation has no link to them, so nobody reads another organisation's emails by signing in with its address.
/// </summary>
public static class LocalOutbox
{
    public static bool IsOpen(IHostEnvironment environment, NotifyOptions notify) => environment.IsDevelopment() && !notify.Enabled;

    public static bool IsOpen(IServiceProvider services) =>
        IsOpen(services.GetRequiredService<IHostEnvironment>(), services.GetRequiredService<NotifyOptions>());
}
