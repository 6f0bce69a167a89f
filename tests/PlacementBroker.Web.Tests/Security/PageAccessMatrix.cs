using static PlacementBroker.Web.Tests.Security.Caller;

namespace PlacementBroker.Web.Tests.Security;

/// <summary>
/// What a cell of the page matrix must answer to a GET: a status and, for a redirect, where it leads (a prefix of the
/// Location). <see cref="LetIn"/> is any answer past authentication, authorisation and the tenant check (not a redirect
/// to sign in or to the no-access page, not 403 or 404, never 5xx).
/// </summary>
public sealed record PageExpect(int? Status, string? Location = null, bool AnyButFault = false)
{
    public static PageExpect Ok { get; } = new(200);
    public static PageExpect NotFound { get; } = new(404);
    /// <summary>Anonymous on a protected page: to the sign-in page, with the way back.</summary>
    public static PageExpect SignIn { get; } = new(302, "/sign-in?ReturnUrl=");
    /// <summary>Signed in without the role: to the GOV.UK "You do not have access to this page" page, which answers 403.</summary>
    public static PageExpect Denied { get; } = new(302, "/error/403");
    public static PageExpect LetIn { get; } = new((int?)null);
    public static PageExpect NoFault { get; } = new((int?)null, AnyButFault: true);
    public static PageExpect RedirectTo(string location) => new(302, location);

    public bool Accepts(int status, string? location)
    {
        if (AnyButFault)
        {
            return status < 500;
        }
        if (Status is not { } exact)
        {
            return status is not (403 or 404) && status < 500
                && !(status == 302 && (location?.StartsWith("/sign-in", StringComparison.Ordinal) == true || location?.StartsWith("/error/", StringComparison.Ordinal) == true));
        }
        return status == exact && (Location is null || location?.StartsWith(Location, StringComparison.Ordinal) == true);
    }

    public override string ToString() => AnyButFault ? "not 5xx" : Status is null ? "let in" : Location is null ? $"{Status}" : $"{Status} to {Location}…";
}

/// <summary>
/// One Razor page: who may open it, and how to name the own and the other tenant's resource in its address.
/// </summary>
/// <param name="Pattern">The page's route as the endpoint maps it, with a leading slash, e.g. "/referrals/{id:guid}".</param>
/// <param name="Allowed">Callers the page lets in. Everyone else who is signed in is sent to the no-access page; anonymous to sign in.</param>
/// <param name="Path">Builds the address from a side of the market (own = council A / provider P, other = council B / provider Q;
/// the unknown cell passes a side whose every id is new). Null for a page without ids: its pattern is its address.</param>
/// <param name="Global">Callers for whom the other side's resource opens too.</param>
/// <param name="Except">Cells that answer otherwise, with why in a comment where it is declared.</param>
/// <param name="Anonymous">The page needs no sign-in (sign-in, registration, password links, error pages, accessibility).</param>
/// <param name="Address">The address to open when the pattern has parameters that name no tenant's resource (an error code,
/// an optional handler): only the own cell is asked.</param>
public sealed record PageRoute(
    string Pattern,
    Caller[] Allowed,
    Func<Side, string>? Path = null,
    Caller[]? Global = null,
    Dictionary<(Caller, Target), PageExpect>? Except = null,
    bool Anonymous = false,
    string? Address = null)
{
    public override string ToString() => Pattern;
}

/// <summary>
/// THE PAGE ACCESS-CONTROL MATRIX: one line per Razor page route. A page mapped in the host without a line here fails
/// <see cref="PageAccessMatrixTests.EveryPage_HasAnEntryInTheMatrix"/>; a line for a page the host no longer maps fails too.
///
/// To add a page, add one line, e.g.
/// <code>
///   new("/referrals/{id:guid}/notes", Readers, s => $"/referrals/{s.Referral}/notes"),
/// </code>
/// Each cell is a GET with the caller's cookie session (no redirects followed). Default answers: anonymous → 302 to
/// /sign-in?ReturnUrl=…; a signed-in caller not allowed → 302 to /error/403 (which answers 403, "You do not have access
/// to this page"); allowed on own → 200; allowed on the other tenant's resource → 404 (200 for <see cref="PageRoute.Global"/>
/// callers); an unknown id → 404 and the same as the other tenant's. Never 5xx. No page shown to a caller of side A ever
/// holds an id of side B's private resources (<see cref="Side.Private"/>).
/// </summary>
public static class PageAccessMatrix
{
    private static readonly Caller[] Everyone = [PlatformAdmin, PlacingOfficer, PlacementManager, QaOfficer, Commissioner, ProviderAdmin, ProviderUser, DataProtectionLead];
    private static readonly Caller[] Council = [PlacingOfficer, PlacementManager, QaOfficer, Commissioner];
    private static readonly Caller[] Providers = [ProviderAdmin, ProviderUser];
    private static readonly Caller[] Readers = [PlacingOfficer, PlacementManager];

    private static readonly Caller[] SignedIn = Everyone;
    private static readonly Caller[] AllCallers = Enum.GetValues<Caller>();

    /// <summary>The same answer for every caller in <paramref name="callers"/>, on every target.</summary>
    private static Dictionary<(Caller, Target), PageExpect> All(Caller[] callers, PageExpect expect) =>
        callers.SelectMany(c => Enum.GetValues<Target>().Select(t => (c, t))).ToDictionary(k => k, _ => expect);

    private static Dictionary<(Caller, Target), PageExpect> Cells(params (Caller Caller, Target Target, PageExpect Expect)[] cells) =>
        cells.ToDictionary(c => (c.Caller, c.Target), c => c.Expect);

    public static readonly PageRoute[] Routes =
    [
        // Signing in, registering, password links, help and errors: open to everyone.
        new("/sign-in", Everyone, Anonymous: true),
        // The second step of signing in, and the way back from an organisation's identity provider: without a first step
        // (a password checked, an external sign-in under way) both send the caller back to sign in.
        new("/sign-in/code", Everyone, Anonymous: true, Except: All(AllCallers, PageExpect.RedirectTo("/sign-in"))),
        new("/sign-in/external", Everyone, Anonymous: true, Except: All(AllCallers, PageExpect.RedirectTo("/sign-in"))),
        new("/sign-out", Everyone, Anonymous: true),
        new("/providers/register", Everyone, Anonymous: true),
        new("/providers/registered", Everyone, Anonymous: true),
        new("/account/forgot-password", Everyone, Anonymous: true),
        new("/account/set-password", Everyone, Anonymous: true),
        new("/account/reset-password", Everyone, Anonymous: true),
        new("/account/password-created", Everyone, Anonymous: true),
        new("/account/password-reset-done", Everyone, Anonymous: true),
        new("/Account/ConfirmEmail", Everyone, Anonymous: true),
        new("/accessibility", Everyone, Anonymous: true),
        // The user guides: each signed-in user's own at /help, any guide by name; the list of guides to anyone else.
        new("/help/{guide?}", Everyone, Anonymous: true, Address: "/help"),
        // The error pages are open to everyone and answer with their own status: the matrix asks for the no-access page.
        new("/error/{code:int}", Everyone, Anonymous: true, Address: "/error/403", Except: All(AllCallers, new PageExpect(403))),

        // Every signed-in user's own pages.
        new("/", Everyone),
        new("/Index", Everyone),
        new("/account/change-password", Everyone),
        new("/account/two-factor", Everyone),
        new("/account/organisation-sign-in/{handler?}", Everyone, Address: "/account/organisation-sign-in"),
        // The email outbox exists only in Development without GOV.UK Notify: the host under test ("Testing") answers
        // 404 to every signed-in user (anonymous is still sent to sign in). The outbox's own tests run a Development host.
        new("/emails", Everyone, Except: All(SignedIn, PageExpect.NotFound)),
        new("/emails/{id:guid}", Everyone, Address: $"/emails/{Guid.Empty}", Except: All(SignedIn, PageExpect.NotFound)),

        // Platform administration.
        new("/admin/local-authorities", [PlatformAdmin]),
        new("/admin/local-authorities/new", [PlatformAdmin]),
        new("/admin/users", [PlatformAdmin]),
        new("/admin/users/new", [PlatformAdmin]),
        new("/admin/providers", [PlatformAdmin]),
        new("/admin/setting-reviews", [PlatformAdmin]),
        // No setting of the market waits for a review (a URN claimed twice would change the API matrix's review cells): the
        // admin's own and other cells are 404 like an unknown one. SettingReviewPagesTests open a real review.
        new("/admin/setting-reviews/{id:guid}", [PlatformAdmin], s => $"/admin/setting-reviews/{s.Setting}", Global: [PlatformAdmin],
            Except: Cells((PlatformAdmin, Target.Own, PageExpect.NotFound), (PlatformAdmin, Target.Other, PageExpect.NotFound))),
        new("/qa/ofsted-import", [PlatformAdmin]),

        // Data protection.
        new("/audit", [DataProtectionLead]),
        new("/subject-access", [PlacementManager, DataProtectionLead]),

        // Commissioning.
        new("/dps", [Commissioner]),
        new("/dps/new", [Commissioner]),
        new("/dps/{id:guid}", [Commissioner], s => $"/dps/{s.Dps}"),
        new("/dps/{id:guid}/weights", [Commissioner], s => $"/dps/{s.Dps}/weights"),
        new("/dps/{id:guid}/close", [Commissioner], s => $"/dps/{s.Dps}/close"),
        new("/dps/{id:guid}/lots/new", [Commissioner], s => $"/dps/{s.Dps}/lots/new"),
        new("/dps/{id:guid}/lots/{lotId:guid}/prices", [Commissioner], s => $"/dps/{s.Dps}/lots/{s.Lot}/prices"),
        new("/dps/{id:guid}/memberships/{membershipId:guid}", [Commissioner], s => $"/dps/{s.Dps}/memberships/{s.Membership}"),
        new("/dps/{id:guid}/memberships/{membershipId:guid}/{change:regex(^(suspend|reinstate|remove)$)}", [Commissioner],
            s => $"/dps/{s.Dps}/memberships/{s.Membership}/suspend"),
        new("/applications", [Commissioner]),
        new("/applications/{id:guid}", [Commissioner], s => $"/applications/{s.Application}"),
        new("/applications/{id:guid}/extend", [Commissioner], s => $"/applications/{s.Application}/extend"),
        new("/vacancies", [Commissioner]),
        new("/block-contracts", [Commissioner]),
        new("/block-contracts/new", [Commissioner]),
        new("/sufficiency", [Commissioner]),
        new("/sufficiency/statements", [Commissioner]),
        new("/sufficiency/statements/{id:guid}", [Commissioner], s => $"/sufficiency/statements/{s.Statement}"),
        new("/sufficiency/statements/{id:guid}/print", [Commissioner], s => $"/sufficiency/statements/{s.Statement}/print"),
        new("/provider-performance", [Commissioner]),
        // Finding any provider: providers' QA standing is shared by every council (as the QA profile), never a child's data.
        new("/providers", [QaOfficer, Commissioner]),
        new("/provider-performance/{providerId:guid}", [Commissioner], s => $"/provider-performance/{s.Provider}"),
        new("/billing", [Commissioner]),
        new("/billing/preview", [Commissioner], Address: "/billing/preview?month=2026-10"),
        new("/billing/runs/{id:guid}", [Commissioner], s => $"/billing/runs/{s.BillingRun}"),

        // Referrals, approvals and placements.
        new("/referrals", Readers),
        // Making a referral, one question a page: the first at /referrals/new, then the officer's own unfinished referral's.
        new("/referrals/new/{id:guid?}/{section?}", [PlacingOfficer], s => $"/referrals/new/{s.UnfinishedReferral}/child"),
        new("/referrals/unfinished/{id:guid}/delete", [PlacingOfficer], s => $"/referrals/unfinished/{s.UnfinishedReferral}/delete"),
        new("/referrals/{id:guid}", Readers, s => $"/referrals/{s.Referral}"),
        // The market's referral is sent, with offers: editing and checking a draft, and re-sending, send the officer
        // back to the referral (the tenant check comes first: the other council's and an unknown id are 404).
        new("/referrals/{id:guid}/edit", [PlacingOfficer], s => $"/referrals/{s.Referral}/edit",
            Except: Cells((PlacingOfficer, Target.Own, PageExpect.RedirectTo("/referrals/")))),
        new("/referrals/{id:guid}/check", [PlacingOfficer], s => $"/referrals/{s.Referral}/check",
            Except: Cells((PlacingOfficer, Target.Own, PageExpect.RedirectTo("/referrals/")))),
        new("/referrals/{id:guid}/draft/{section}", [PlacingOfficer], s => $"/referrals/{s.Referral}/draft/child",
            Except: Cells((PlacingOfficer, Target.Own, PageExpect.RedirectTo("/referrals/")))),
        new("/referrals/{id:guid}/withdraw", [PlacingOfficer], s => $"/referrals/{s.Referral}/withdraw"),
        // The documents shared with providers: the authority's officers and managers read them; officers upload and delete.
        new("/referrals/{id:guid}/documents", Readers, s => $"/referrals/{s.Referral}/documents"),
        new("/referrals/{id:guid}/rebroadcast", [PlacingOfficer], s => $"/referrals/{s.Referral}/rebroadcast",
            Except: Cells((PlacingOfficer, Target.Own, PageExpect.RedirectTo("/referrals/")))),
        // The check before accepting: the market's offer may need a manager or already be decided, which sends the officer back to the referral.
        new("/referrals/{id:guid}/offers/{offerId:guid}/accept", [PlacingOfficer], s => $"/referrals/{s.Referral}/offers/{s.Offer}/accept",
            Except: Cells((PlacingOfficer, Target.Own, PageExpect.LetIn))),
        new("/approvals", Readers),
        new("/approvals/{id:guid}", Readers, s => $"/approvals/{s.Approval}"),
        // As the API: a council's users and providers; platform admins and data protection leads have no placements.
        new("/placements", [PlacingOfficer, PlacementManager, QaOfficer, Commissioner, ProviderAdmin, ProviderUser]),
        new("/placements/{id:guid}", [PlacingOfficer, PlacementManager, QaOfficer, Commissioner, ProviderAdmin, ProviderUser], s => $"/placements/{s.Placement}"),
        // The agreement names the child: only the roles that see the child (not commissioners or QA officers).
        new("/placements/{id:guid}/agreement", [PlacingOfficer, PlacementManager, ProviderAdmin, ProviderUser], s => $"/placements/{s.Placement}/agreement"),
        new("/placements/{id:guid}/price", [PlacementManager], s => $"/placements/{s.Placement}/price"),
        new("/placements/{id:guid}/end", [PlacingOfficer], s => $"/placements/{s.Placement}/end"),

        // Quality assurance.
        new("/qa", [QaOfficer]),
        new("/qa/providers/{providerId:guid}", Council, s => $"/qa/providers/{s.Provider}", Global: Council),
        new("/qa/providers/{providerId:guid}/visits/new", [QaOfficer], s => $"/qa/providers/{s.Provider}/visits/new", Global: [QaOfficer]),
        new("/qa/providers/{providerId:guid}/flags/new", [QaOfficer], s => $"/qa/providers/{s.Provider}/flags/new", Global: [QaOfficer]),
        new("/qa/visits/{id:guid}/report", [QaOfficer], s => $"/qa/visits/{s.Visit}/report"),
        new("/qa/flags/{id:guid}/edit", [QaOfficer], s => $"/qa/flags/{s.Flag}/edit"),
        new("/qa/flags/{id:guid}/resolve", [QaOfficer], s => $"/qa/flags/{s.Flag}/resolve"),

        // Providers.
        new("/provider/organisation", Providers),
        // Only the organisation's administrator invites colleagues.
        new("/provider/organisation/invite", [ProviderAdmin]),
        new("/provider/settings", Providers),
        new("/provider/settings/new", Providers),
        new("/provider/vacancies", Providers),
        new("/provider/vacancies/new", Providers),
        new("/provider/vacancies/{id:guid}/edit", Providers, s => $"/provider/vacancies/{s.Vacancy}/edit"),
        new("/provider/vacancies/{id:guid}/withdraw", Providers, s => $"/provider/vacancies/{s.Vacancy}/withdraw"),
        new("/provider/dps", Providers),
        new("/provider/applications", Providers),
        new("/provider/applications/{id:guid}", Providers, s => $"/provider/applications/{s.Application}"),
        // The market's application is submitted and decided: checking, answering and the confirmation of a draft send
        // the provider back to the application (the tenant check comes first).
        new("/provider/applications/{id:guid}/check", Providers, s => $"/provider/applications/{s.Application}/check",
            Except: Cells([.. Providers.Select(c => (c, Target.Own, PageExpect.RedirectTo("/provider/applications/")))])),
        new("/provider/applications/{id:guid}/submitted", Providers, s => $"/provider/applications/{s.Application}/submitted",
            Except: Cells([.. Providers.Select(c => (c, Target.Own, PageExpect.RedirectTo("/provider/applications/")))])),
        new("/provider/applications/{id:guid}/questions/{key}", Providers, s => $"/provider/applications/{s.Application}/questions/any",
            Except: Cells([.. Providers.Select(c => (c, Target.Own, PageExpect.RedirectTo("/provider/applications/")))])),
        new("/provider/memberships", Providers),
        new("/provider/memberships/{id:guid}/withdraw", Providers, s => $"/provider/memberships/{s.Membership}/withdraw"),
        new("/provider/referrals", Providers),
        new("/provider/referrals/{id:guid}", Providers, s => $"/provider/referrals/{s.Referral}"),
        new("/provider/referrals/{id:guid}/offer", Providers, s => $"/provider/referrals/{s.Referral}/offer"),
        new("/provider/referrals/{id:guid}/decline", Providers, s => $"/provider/referrals/{s.Referral}/decline"),
        // The check before withdrawing an offer: an offer already decided sends the provider back to the referral.
        new("/provider/referrals/{id:guid}/offers/{offerId:guid}/withdraw", Providers, s => $"/provider/referrals/{s.Referral}/offers/{s.Offer}/withdraw",
            Except: Cells([.. Providers.Select(c => (c, Target.Own, PageExpect.LetIn))])),
        new("/provider/performance", Providers),
        new("/provider/invoices", Providers),

        // Contract management: the DPS's commissioners and QA officers read; only commissioners record reviews and raise plans.
        new("/commissioning/contracts", [QaOfficer, Commissioner]),
        new("/commissioning/dps/{dpsId:guid}/contracts", [QaOfficer, Commissioner], s => $"/commissioning/dps/{s.Dps}/contracts"),
        new("/commissioning/dps/{dpsId:guid}/contracts/kpis", [QaOfficer, Commissioner], s => $"/commissioning/dps/{s.Dps}/contracts/kpis"),
        new("/commissioning/kpi-returns/{id:guid}", [QaOfficer, Commissioner], s => $"/commissioning/kpi-returns/{s.KpiReturn}"),
        new("/commissioning/dps/{dpsId:guid}/contracts/providers/{providerId:guid}", [QaOfficer, Commissioner],
            s => $"/commissioning/dps/{s.Dps}/contracts/providers/{s.Provider}"),
        new("/commissioning/dps/{dpsId:guid}/contracts/providers/{providerId:guid}/reviews/new", [Commissioner],
            s => $"/commissioning/dps/{s.Dps}/contracts/providers/{s.Provider}/reviews/new"),
        new("/commissioning/dps/{dpsId:guid}/contracts/providers/{providerId:guid}/plans/new", [Commissioner],
            s => $"/commissioning/dps/{s.Dps}/contracts/providers/{s.Provider}/plans/new"),
        new("/commissioning/improvement-plans/{id:guid}", [QaOfficer, Commissioner], s => $"/commissioning/improvement-plans/{s.ImprovementPlan}"),
        new("/commissioning/contract-reviews/{id:guid}/record", [Commissioner], s => $"/commissioning/contract-reviews/{s.ScheduledReview}/record"),
        new("/provider/contracts", Providers),
        new("/provider/kpi-returns/{dpsId:guid}/{quarter}", Providers, s => $"/provider/kpi-returns/{s.Dps}/2026-Q4"),
        // The market's return is submitted: there is nothing left to change in it, so its figure pages are not found even
        // to its own provider, and checking the answers sends the provider back to the return.
        new("/provider/kpi-returns/{dpsId:guid}/{quarter}/kpis/{kpiId:guid}", Providers, s => $"/provider/kpi-returns/{s.Dps}/2026-Q4/kpis/{s.Kpi}",
            Except: Cells([.. Providers.Select(c => (c, Target.Own, PageExpect.NotFound))])),
        new("/provider/kpi-returns/{dpsId:guid}/{quarter}/check", Providers, s => $"/provider/kpi-returns/{s.Dps}/2026-Q4/check",
            Except: Cells([.. Providers.Select(c => (c, Target.Own, PageExpect.RedirectTo("/provider/kpi-returns/")))])),
        new("/provider/improvement-plans/{id:guid}", Providers, s => $"/provider/improvement-plans/{s.ImprovementPlan}"),

        // Fee uplifts: the DPS's commissioners read rounds and requests, the lead authority's open and decide; providers
        // write their own request. The market's request is submitted, so its editing pages send the provider back to it.
        new("/uplifts", [Commissioner]),
        new("/uplifts/new/{dpsId:guid}", [Commissioner], s => $"/uplifts/new/{s.Dps}"),
        new("/uplifts/{id:guid}", [Commissioner], s => $"/uplifts/{s.UpliftRound}"),
        new("/uplift-requests/{id:guid}", [Commissioner], s => $"/uplift-requests/{s.UpliftRequest}"),
        new("/provider/uplifts", Providers),
        new("/provider/uplifts/{roundId:guid}", Providers, s => $"/provider/uplifts/{s.UpliftRound}"),
        new("/provider/uplifts/{roundId:guid}/uplift", Providers, s => $"/provider/uplifts/{s.UpliftRound}/uplift",
            Except: Cells([.. Providers.Select(c => (c, Target.Own, PageExpect.RedirectTo("/provider/uplifts/")))])),
        new("/provider/uplifts/{roundId:guid}/costs", Providers, s => $"/provider/uplifts/{s.UpliftRound}/costs",
            Except: Cells([.. Providers.Select(c => (c, Target.Own, PageExpect.RedirectTo("/provider/uplifts/")))])),
        new("/provider/uplifts/{roundId:guid}/justification", Providers, s => $"/provider/uplifts/{s.UpliftRound}/justification",
            Except: Cells([.. Providers.Select(c => (c, Target.Own, PageExpect.RedirectTo("/provider/uplifts/")))])),
        new("/provider/uplifts/{roundId:guid}/check", Providers, s => $"/provider/uplifts/{s.UpliftRound}/check",
            Except: Cells([.. Providers.Select(c => (c, Target.Own, PageExpect.RedirectTo("/provider/uplifts/")))])),
        new("/block-contracts/{id:guid}", [Commissioner], s => $"/block-contracts/{s.BlockContract}"),
        // A variation names the child, as the agreement does.
        new("/placements/{id:guid}/agreement/variations/{variationId:guid}", [PlacingOfficer, PlacementManager, ProviderAdmin, ProviderUser],
            s => $"/placements/{s.Placement}/agreement/variations/{s.Variation}"),
    ];
}
