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

    /// <summary>
    /// About how wide, in pixels, the service navigation's entries may be on a desktop screen before they would wrap
    /// to a second row: the 960-pixel page less the service's name and the "More" button.
    /// </summary>
    public const int RowWidth = 560;

    /// <summary>
    /// The role's links split so the navigation stays on one row on a desktop screen: the first entries, in the role's
    /// order (its most used first), as long as they fit <see cref="RowWidth"/>; the rest under "More". On a small
    /// screen the navigation is one "Menu" list, and every entry is in it.
    /// </summary>
    public static (IReadOnlyList<NavigationItem> Row, IReadOnlyList<NavigationItem> More) Grouped(Role? role, bool outboxOpen)
    {
        var all = For(role, outboxOpen);
        var width = 0;
        var row = all.TakeWhile(item => (width += Width(item.Text)) <= RowWidth).ToList();
        return (row, all.Skip(row.Count).ToList());
    }

    /// <summary>An entry's width on a desktop screen, roughly: 10 pixels a character (19px text) and 30 between entries.</summary>
    public static int Width(string text) => text.Length * 10 + 30;

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
            new("Billing", "/Commissioning/Billing/Index"),
            new("Sufficiency", "/Commissioning/Sufficiency/Index"),
            new("Provider performance", "/Commissioning/ProviderPerformance/Index"),
            new("Contracts", "/Contracts/Index"),
            new("Fee uplifts", "/Commissioning/Uplifts/Index"),
            new("Find a provider", "/Providers/Index"),
            new("Vacancies", "/Commissioning/Vacancies/Index"),
            new("Block contracts", "/Commissioning/BlockContracts/Index"),
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
            new("Contracts", "/Contracts/Index"),
            new("Find a provider", "/Providers/Index"),
            new("Placements", "/Placements/Index"),
            new("Emails", "/Emails/Index"),
        ],
        Role.ProviderUser =>
        [
            new("Home", "/Index"),
            new("Referrals", "/Provider/Referrals/Index"),
            new("Vacancies", "/Provider/Vacancies/Index"),
            new("Placements", "/Placements/Index"),
            new("Performance", "/Provider/Performance/Index"),
            new("Contracts", "/Provider/Contracts/Index"),
            new("Fee uplifts", "/Provider/Uplifts/Index"),
            new("Settings", "/Provider/Settings/Index"),
            new("DPS and lots", "/Provider/Dps/Index"),
            new("Applications", "/Provider/Applications/Index"),
            new("Organisation", "/Provider/Organisation/Index"),
            new("Invoices", "/Provider/Invoices/Index"),
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
