namespace PlacementBroker.Web.Pages;

/// <summary>An entry of the service navigation.</summary>
/// <param name="Page">The Razor page it opens ("/Referrals/Index"), its address built from the page's route.</param>
/// <param name="Address">For an entry that is not a Razor page: its address (<see cref="Links.NotPages"/>).</param>
public sealed record NavigationItem(string Text, string? Page = null, string? Address = null)
{
    public string? Href(IUrlHelper url) => Page is null ? Address : url.Page(Page);
}

/// <summary>What each role finds in the service navigation. Grows as each area's pages arrive.</summary>
public static class Navigation
{
    /// <summary>The role's links; the email outbox's only where it is open (<see cref="Emails.LocalOutbox"/>).</summary>
    public static IReadOnlyList<NavigationItem> For(Role? role, bool outboxOpen) =>
        outboxOpen ? For(role) : [.. For(role).Where(i => i.Page != "/Emails/Index")];

    private static IReadOnlyList<NavigationItem> For(Role? role) => role switch
    {
        Role.PlatformAdmin =>
        [
            new("Home", "/Index"),
            new("Local authorities", "/Admin/LocalAuthorities/Index"),
            new("Users", "/Admin/Users/Index"),
            new("Providers to verify", "/Admin/Providers/Index"),
            new("Ofsted import", "/Quality/OfstedImport"),
            new("URN reviews", "/Admin/SettingReviews/Index"),
            new("Jobs", Address: Links.Jobs),
            new("Emails", "/Emails/Index"),
        ],
        Role.Commissioner =>
        [
            new("Home", "/Index"),
            new("DPS", "/Commissioning/Dps/Index"),
            new("Applications", "/Commissioning/Applications/Index"),
            new("Vacancies", "/Commissioning/Vacancies/Index"),
            new("Block contracts", "/Commissioning/BlockContracts/Index"),
            new("Sufficiency", "/Commissioning/Sufficiency/Index"),
            new("Provider performance", "/Commissioning/ProviderPerformance/Index"),
            new("Find a provider", "/Providers/Index"),
            new("Billing", "/Commissioning/Billing/Index"),
            new("Placements", "/Placements/Index"),
            new("Emails", "/Emails/Index"),
        ],
        Role.PlacingOfficer =>
        [
            new("Home", "/Index"),
            new("Referrals", "/Referrals/Index"),
            new("Approvals", "/Approvals/Index"),
            new("Placements", "/Placements/Index"),
            new("Emails", "/Emails/Index"),
        ],
        Role.PlacementManager =>
        [
            new("Home", "/Index"),
            new("Referrals", "/Referrals/Index"),
            new("Approvals", "/Approvals/Index"),
            new("Placements", "/Placements/Index"),
            new("Subject access", "/SubjectAccess/Index"),
            new("Emails", "/Emails/Index"),
        ],
        Role.QaOfficer =>
        [
            new("Home", "/Index"),
            new("QA", "/Quality/Index"),
            new("Find a provider", "/Providers/Index"),
            new("Placements", "/Placements/Index"),
            new("Emails", "/Emails/Index"),
        ],
        Role.ProviderUser =>
        [
            new("Home", "/Index"),
            new("Referrals", "/Provider/Referrals/Index"),
            new("DPS and lots", "/Provider/Dps/Index"),
            new("Applications", "/Provider/Applications/Index"),
            new("Settings", "/Provider/Settings/Index"),
            new("Vacancies", "/Provider/Vacancies/Index"),
            new("Organisation", "/Provider/Organisation/Index"),
            new("Performance", "/Provider/Performance/Index"),
            new("Invoices", "/Provider/Invoices/Index"),
            new("Placements", "/Placements/Index"),
            new("Emails", "/Emails/Index"),
        ],
        Role.DataProtectionLead =>
        [
            new("Home", "/Index"),
            new("Audit trail", "/Audit/Index"),
            new("Subject access", "/SubjectAccess/Index"),
        ],
        null => [],
        _ => [new("Home", "/Index")],
    };
}
