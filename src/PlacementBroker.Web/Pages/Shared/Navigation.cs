using PlacementBroker.Core;

namespace PlacementBroker.Web.Pages;

public sealed record NavigationItem(string Text, string Href);

/// <summary>What each role finds in the service navigation. Grows as each area's pages arrive.</summary>
public static class Navigation
{
    /// <summary>The role's links; the email outbox's only where it is open (<see cref="Emails.LocalOutbox"/>).</summary>
    public static IReadOnlyList<NavigationItem> For(Role? role, bool outboxOpen) =>
        outboxOpen ? For(role) : [.. For(role).Where(i => i.Href != "/emails")];

    private static IReadOnlyList<NavigationItem> For(Role? role) => role switch
    {
        Role.PlatformAdmin =>
        [
            new("Home", "/"),
            new("Local authorities", "/admin/local-authorities"),
            new("Users", "/admin/users"),
            new("Providers to verify", "/admin/providers"),
            new("Ofsted import", "/qa/ofsted-import"),
            new("URN reviews", "/admin/setting-reviews"),
            new("Jobs", "/jobs"),
            new("Emails", "/emails"),
        ],
        Role.Commissioner =>
        [
            new("Home", "/"),
            new("DPS", "/dps"),
            new("Applications", "/applications"),
            new("Vacancies", "/vacancies"),
            new("Block contracts", "/block-contracts"),
            new("Sufficiency", "/sufficiency"),
            new("Provider performance", "/provider-performance"),
            new("Billing", "/billing"),
            new("Placements", "/placements"),
            new("Emails", "/emails"),
        ],
        Role.PlacingOfficer =>
        [
            new("Home", "/"),
            new("Referrals", "/referrals"),
            new("Approvals", "/approvals"),
            new("Placements", "/placements"),
            new("Emails", "/emails"),
        ],
        Role.PlacementManager =>
        [
            new("Home", "/"),
            new("Referrals", "/referrals"),
            new("Approvals", "/approvals"),
            new("Placements", "/placements"),
            new("Subject access", "/subject-access"),
            new("Emails", "/emails"),
        ],
        Role.QaOfficer =>
        [
            new("Home", "/"),
            new("QA", "/qa"),
            new("Placements", "/placements"),
            new("Emails", "/emails"),
        ],
        Role.ProviderUser =>
        [
            new("Home", "/"),
            new("Referrals", "/provider/referrals"),
            new("DPS and lots", "/provider/dps"),
            new("Applications", "/provider/applications"),
            new("Settings", "/provider/settings"),
            new("Vacancies", "/provider/vacancies"),
            new("Organisation", "/provider/organisation"),
            new("Performance", "/provider/performance"),
            new("Invoices", "/provider/invoices"),
            new("Placements", "/placements"),
            new("Emails", "/emails"),
        ],
        Role.DataProtectionLead =>
        [
            new("Home", "/"),
            new("Audit trail", "/audit"),
            new("Subject access", "/subject-access"),
        ],
        null => [],
        _ => [new("Home", "/")],
    };
}
