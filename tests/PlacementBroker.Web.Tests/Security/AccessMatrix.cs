using static PlacementBroker.Web.Tests.Security.Caller;

namespace PlacementBroker.Web.Tests.Security;

/// <summary>
/// What a cell of the matrix must answer: an exact status, any success, or "let in" (the call got past authentication,
/// authorisation and the tenant check: not 401, 403 or 404, and never 5xx).
/// </summary>
public sealed record Expect(int? Status, bool AnySuccess = false, bool AnyButFault = false)
{
    public static Expect Ok { get; } = new(200);
    public static Expect Success { get; } = new((int?)null, AnySuccess: true);
    public static Expect LetIn { get; } = new((int?)null);
    public static Expect NotFound { get; } = new(404);
    public static Expect Forbidden { get; } = new(403);
    public static Expect Unauthorized { get; } = new(401);

    /// <summary>Any answer but a 5xx (the cell checks something else, such as that nothing leaks).</summary>
    public static Expect NoFault { get; } = new((int?)null, AnyButFault: true);

    public bool Accepts(int status) => AnyButFault ? status < 500 : Status is { } exact
        ? status == exact
        : AnySuccess ? status is >= 200 and < 300 : status is not (401 or 403 or 404) && status < 500;

    public override string ToString() => Status?.ToString() ?? (AnyButFault ? "not 5xx" : AnySuccess ? "2xx" : "let in (not 401/403/404/5xx)");
}

/// <summary>
/// One route of the API: who may call it, and how to name the own and the other tenant's resource in it.
/// </summary>
/// <param name="Route">"METHOD /pattern" exactly as the endpoint is mapped, e.g. "GET /api/referrals/{id:guid}".</param>
/// <param name="Allowed">Callers the route lets in. Everyone else who is signed in gets 403; anonymous gets 401.</param>
/// <param name="Id">Fills every route parameter from a side of the market (own = council A / provider P, other = council B / provider Q).</param>
/// <param name="Global">Callers for whom the other side's resource is visible too (national data such as a provider's profile).</param>
/// <param name="Body">A JSON body that would succeed on one's own resource, built from (own side, target side): the other-tenant
/// cell sends it, and the fuzzer spoils it one property at a time. Own cells of writing routes send <c>{}</c>, so the matrix
/// never changes the market: they must only be let in.</param>
/// <param name="Except">Cells that answer otherwise, with why in a comment where it is declared.</param>
/// <param name="Anonymous">The route needs no token (sign-in, registration, webhooks).</param>
/// <param name="ContentType">The body's media type when the route reads something other than JSON.</param>
/// <param name="Query">A query string naming a side's resources (a list filtered by lot or provider): the other-tenant cell asks
/// with the other side's ids, and must not answer with any of its private resources.</param>
public sealed record Route(
    string Key,
    Caller[] Allowed,
    Func<Side, object>? Id = null,
    Caller[]? Global = null,
    Func<Side, Side, object>? Body = null,
    Dictionary<(Caller, Target), Expect>? Except = null,
    bool Anonymous = false,
    string ContentType = "application/json",
    Func<Side, string>? Query = null)
{
    public string Method => Key[..Key.IndexOf(' ')];
    public string Pattern => Key[(Key.IndexOf(' ') + 1)..];
    public bool Writes => Method is not ("GET" or "HEAD");

    /// <summary>
    /// The route's path for a side: every parameter filled from <see cref="Id"/>, which names one resource for every
    /// parameter, or a <see cref="RouteValues"/> naming each by its parameter name. For an unknown resource, every id
    /// parameter gets a fresh id and any other keeps the side's value (a quarter stays a quarter).
    /// </summary>
    public string PathFor(Side side, bool unknown) => System.Text.RegularExpressions.Regex.Replace(Pattern, ParameterPattern, m =>
    {
        var ids = Id!(side);
        if (unknown && (m.Groups[2].Value == ":guid" || ids is not RouteValues))
        {
            return Guid.NewGuid().ToString();
        }
        return ValueFor(ids, m);
    });

    /// <summary>The side's path with the <paramref name="index"/>th parameter (0-based, wrapping) replaced by <paramref name="value"/>: one hostile part at a time.</summary>
    public string PathWith(Side side, int index, string value)
    {
        var count = System.Text.RegularExpressions.Regex.Matches(Pattern, ParameterPattern).Count;
        var at = index % Math.Max(1, count);
        var i = 0;
        return System.Text.RegularExpressions.Regex.Replace(Pattern, ParameterPattern, m => i++ == at ? value : ValueFor(Id!(side), m));
    }

    private const string ParameterPattern = @"\{([^}:]+)(:[^}]+)?\}";

    private static string ValueFor(object ids, System.Text.RegularExpressions.Match m) =>
        (ids is RouteValues values ? values[m.Groups[1].Value] : ids).ToString()!;

    public override string ToString() => Key;
}

/// <summary>The values of a route with several parameters, by parameter name.</summary>
public sealed class RouteValues : Dictionary<string, object>;

/// <summary>
/// THE ACCESS-CONTROL MATRIX: one line per API route (method + pattern as mapped). A route mapped in the host without
/// a line here fails <see cref="AccessMatrixTests.EveryApiEndpoint_HasAnEntryInTheMatrix"/>.
///
/// To add a route, add one line, e.g.
/// <code>
///   new("POST /api/users/{id:guid}/disable", [PlatformAdmin], Id: s => s.SpareUser, Global: [PlatformAdmin]),
/// </code>
/// The own cell of a writing route really calls it (with <c>{}</c> as the body), so a route that withdraws, closes, disables
/// or otherwise spoils what it names must name a Spare* resource of the side, never one the other cells rely on.
/// <list type="bullet">
/// <item>Allowed: the callers the contract lets in (Caller.ProviderAdmin is the organisation's first user, ProviderUser a colleague).</item>
/// <item>Id: which resource of a <see cref="Side"/> the route's parameter names (add a property to Side, and create it in
/// <see cref="SecurityMarketApp"/>, when the market lacks one). Own = council A / provider P; other = council B / provider Q.</item>
/// <item>Global: callers who may see the other side's resource too (the default is 404 for it).</item>
/// <item>Body: for writes, a body that would succeed on one's own resource, so that the other-tenant cell proves the 404
/// comes from the tenant check and not from validation.</item>
/// <item>Except: a cell that answers otherwise, with the reason.</item>
/// </list>
/// Default answers: anonymous 401; a caller not allowed 403; allowed on own 200 (GET) or let in (writes: the own cell
/// sends <c>{}</c> and must not be 401/403/404/5xx); allowed on the other tenant's 404; an unknown id 404 and the same as the other tenant's.
/// No answer to a caller of side A ever holds an id of side B's private resources (<see cref="Side.Private"/>), filters or not.
/// </summary>
public static class AccessMatrix
{
    private static readonly Caller[] Everyone = [PlatformAdmin, PlacingOfficer, PlacementManager, QaOfficer, Commissioner, ProviderAdmin, ProviderUser, DataProtectionLead];
    private static readonly Caller[] Council = [PlacingOfficer, PlacementManager, QaOfficer, Commissioner];
    private static readonly Caller[] Providers = [ProviderAdmin, ProviderUser];
    private static readonly Caller[] Readers = [PlacingOfficer, PlacementManager];
    private static readonly Caller[] NotProviders = [PlatformAdmin, PlacingOfficer, PlacementManager, QaOfficer, Commissioner, DataProtectionLead];

    private static Dictionary<(Caller, Target), Expect> Cells(params (Caller Caller, Target Target, Expect Expect)[] cells) =>
        cells.ToDictionary(c => (c.Caller, c.Target), c => c.Expect);

    public static readonly Route[] Routes =
    [
        // Identity and tenants
        new("POST /api/auth/token", Everyone, Anonymous: true, Body: (_, _) => new { email = "nobody@test.placementbroker.uk", password = "Wrong-Passw0rd!" }),
        new("POST /api/providers/register", Everyone, Anonymous: true, Body: (_, _) => new
        {
            organisationName = "Fuzzy Homes Ltd", providerType = "ResidentialChildrensHome", registrationNumber = "01234567", contactEmail = "office@fuzzy.example",
            user = new { email = "first@fuzzy.example", password = "Fuzzy-Passw0rd!", displayName = "First User" },
        }),
        new("GET /api/me", Everyone),
        new("POST /api/local-authorities", [PlatformAdmin], Body: (_, _) => new { name = "Fuzzshire Council", code = "FUZZ" }),
        new("GET /api/local-authorities", [PlatformAdmin]),
        new("GET /api/local-authorities/{id:guid}", [PlatformAdmin], Id: s => s.Authority, Global: [PlatformAdmin]),
        new("GET /api/users/{id:guid}", [PlatformAdmin], Id: s => s.OfficerUser, Global: [PlatformAdmin]),
        new("POST /api/users", [PlatformAdmin], Body: (own, _) => new
        {
            email = "new.officer@test.placementbroker.uk", password = "Officer-Passw0rd!", displayName = "New Officer", role = "PlacingOfficer", localAuthorityId = own.Authority,
        }),
        new("GET /api/providers/{providerId:guid}", Everyone, Id: s => s.Provider, Global: NotProviders),
        new("POST /api/users/{id:guid}/disable", [PlatformAdmin], Id: s => s.SpareUser, Global: [PlatformAdmin]),
        new("POST /api/users/{id:guid}/enable", [PlatformAdmin], Id: s => s.SpareUser, Global: [PlatformAdmin]),
        new("POST /api/providers/{id:guid}/verification", [PlatformAdmin], Id: s => s.Provider, Global: [PlatformAdmin]),
        new("GET /api/providers/unverified", [PlatformAdmin]),
        // A provider's own verification state, and a fresh confirmation link (at most one a minute).
        new("GET /api/provider/verification", Providers),
        new("POST /api/provider/confirmation-links", Providers),
        // The emailed code is the credential: anyone may present one.
        new("POST /api/account/email-confirmation", Everyone, Anonymous: true, Body: (_, _) => new { code = "not-a-real-code" }),
        // Ofsted URNs claimed twice, or disagreeing with the register, wait for a platform admin.
        new("GET /api/admin/setting-reviews/", [PlatformAdmin]),
        new("POST /api/admin/setting-reviews/{settingId:guid}/decision", [PlatformAdmin], Id: s => s.Setting, Global: [PlatformAdmin],
            Body: (_, _) => new { decision = "Reject", reason = "Not theirs" }),

        // Data protection: the audit trail for each council's data protection lead, the chain's health for platform admins,
        // and a child's subject-access export for the child's own council.
        new("GET /api/audit", [DataProtectionLead]),
        new("GET /api/audit.csv", [DataProtectionLead]),
        // 404 until the hourly audit-chain-verify job has checked the chain once (the market never runs it).
        new("GET /api/audit/chain", [PlatformAdmin], Except: Cells((PlatformAdmin, Target.Own, Expect.NotFound))),
        new("GET /api/subject-access", [PlacementManager, DataProtectionLead], Query: s => $"referralId={s.Referral}"),

        // DPS, lots, admission
        new("GET /api/dps", Everyone),
        // Open DPSs are public to every signed-in user: providers apply to them.
        new("GET /api/dps/{dpsId:guid}", Everyone, Id: s => s.Dps, Global: Everyone),
        new("POST /api/dps", [Commissioner], Body: (_, _) => new { name = "Fuzz DPS", participatingLocalAuthorityIds = Array.Empty<Guid>(), decisionPeriodDays = 10 }),
        new("POST /api/dps/{dpsId:guid}/publish", [Commissioner], Id: s => s.SpareDps),
        new("POST /api/dps/{dpsId:guid}/close", [Commissioner], Id: s => s.SpareDps, Body: (_, _) => new { reason = "Re-procured" }),
        new("POST /api/dps/{dpsId:guid}/lots", [Commissioner], Id: s => s.SpareDps,
            Body: (_, _) => new { name = "Sneaky lot", placementType = "ResidentialCare" }),
        new("PUT /api/dps/{dpsId:guid}/weights", [Commissioner], Id: s => s.SpareDps, Body: (_, _) => new { price = 3 }),
        new("GET /api/dps/{dpsId:guid}/weights", [Commissioner], Id: s => s.Dps),
        new("POST /api/lots/{lotId:guid}/prices", [Commissioner], Id: s => s.SpareLot, Body: (_, _) => new { benchmarkWeeklyPrice = 1m }),
        new("GET /api/dps/{dpsId:guid}/memberships", [Commissioner], Id: s => s.Dps),
        // Any provider may apply to any open lot.
        new("POST /api/lots/{lotId:guid}/applications", Providers, Id: s => s.Lot, Global: Providers),
        new("POST /api/applications/{id:guid}/submit", Providers, Id: s => s.Application),
        new("GET /api/applications", [Commissioner]),
        new("GET /api/applications/{id:guid}", [Commissioner, ProviderAdmin, ProviderUser], Id: s => s.Application),
        new("POST /api/applications/{id:guid}/decision", [Commissioner], Id: s => s.Application,
            Body: (_, _) => new { decision = "Reject", reason = "Not for you" }),
        new("POST /api/applications/{id:guid}/extend", [Commissioner], Id: s => s.Application, Body: (_, _) => new { reason = "More time" }),
        new("POST /api/memberships/{id:guid}/suspend", [Commissioner], Id: s => s.SpareMembership, Body: (_, _) => new { reason = "Concerns" }),
        new("POST /api/memberships/{id:guid}/reinstate", [Commissioner], Id: s => s.SpareMembership, Body: (_, _) => new { reason = "Resolved" }),
        new("POST /api/memberships/{id:guid}/remove", [Commissioner], Id: s => s.SpareMembership, Body: (_, _) => new { reason = "Excluded" }),
        new("POST /api/memberships/{id:guid}/withdraw", Providers, Id: s => s.SpareMembership, Body: (_, _) => new { reason = "Leaving" }),
        new("GET /api/provider/applications", Providers),
        new("GET /api/provider/memberships", Providers),

        // Settings and vacancies
        new("POST /api/providers/{providerId:guid}/settings", Providers, Id: s => s.Provider,
            Body: (_, _) => new { name = "Sneaky House", ofstedUrn = "SC999999", postcode = "LS6 2AB", ofstedGrade = "Good", registeredPlaces = 2 }),
        new("GET /api/providers/{providerId:guid}/settings", Everyone, Id: s => s.Provider, Global: NotProviders),
        new("POST /api/vacancies", Providers, Body: (own, _) => VacancyBody(own)),
        new("GET /api/vacancies", [Commissioner, ProviderAdmin, ProviderUser], Query: s => $"lotId={s.Lot}"),
        new("GET /api/vacancies/{id:guid}", [Commissioner, ProviderAdmin, ProviderUser], Id: s => s.Vacancy),
        new("PUT /api/vacancies/{id:guid}", Providers, Id: s => s.SpareVacancy, Body: (own, _) => VacancyBody(own)),
        new("DELETE /api/vacancies/{id:guid}", Providers, Id: s => s.SpareVacancy),
        new("GET /api/provider/users", Providers),
        // Only the organisation's administrator invites colleagues.
        new("POST /api/provider/users", Providers, Body: (_, _) => new { email = "colleague@fuzzy.example", displayName = "A Colleague" }, Except: Cells((ProviderUser, Target.Own, Expect.Forbidden))),

        // Referrals and offers
        new("POST /api/referrals", [PlacingOfficer], Body: (own, _) => ReferralBody(own)),
        new("POST /api/referrals/{id:guid}/publish", [PlacingOfficer], Id: s => s.Referral),
        new("GET /api/referrals", Readers),
        new("GET /api/referrals/{id:guid}", Readers, Id: s => s.Referral),
        new("GET /api/referrals/{id:guid}/matches", Readers, Id: s => s.Referral),
        new("GET /api/referrals/{id:guid}/offers", Readers, Id: s => s.Referral),
        new("POST /api/referrals/{id:guid}/withdraw", [PlacingOfficer], Id: s => s.SpareReferral, Body: (_, _) => new { reason = "Found a family placement" }),
        new("POST /api/referrals/{id:guid}/rebroadcast", [PlacingOfficer], Id: s => s.Referral, Body: (_, _) => new { maxDistanceMiles = 50 }),
        new("GET /api/provider/referrals", Providers),
        new("GET /api/provider/referrals/{id:guid}", Providers, Id: s => s.Referral),
        new("PUT /api/provider/alerts", Providers, Body: (_, _) => new { alertForEveryReferral = true }),
        new("POST /api/referrals/{id:guid}/offers", Providers, Id: s => s.Referral, Body: (own, _) => new { vacancyId = own.Vacancy, weeklyPrice = 5000m }),
        new("POST /api/referrals/{id:guid}/decline", Providers, Id: s => s.Referral, Body: (_, _) => new { reason = "NoSuitableVacancy" }),
        new("POST /api/offers/{id:guid}/withdraw", Providers, Id: s => s.SpareOffer),

        // Placements
        new("POST /api/offers/{id:guid}/accept", [PlacingOfficer], Id: s => s.Offer, Body: (_, _) => new { kind = "Spot" }),
        new("GET /api/approvals", Readers),
        new("POST /api/approvals/{id:guid}/decision", [PlacementManager], Id: s => s.Approval,
            Body: (_, _) => new { decision = "Reject", reason = "Not that home" }),
        new("GET /api/placements", [PlacingOfficer, PlacementManager, QaOfficer, Commissioner, ProviderAdmin, ProviderUser]),
        new("GET /api/placements/{id:guid}", [PlacingOfficer, PlacementManager, QaOfficer, Commissioner, ProviderAdmin, ProviderUser], Id: s => s.Placement),
        new("POST /api/placements/{id:guid}/end", [PlacingOfficer], Id: s => s.Placement, Body: (_, _) => new { endDate = "2026-12-31", reason = "Disruption" }),
        new("POST /api/block-contracts", [Commissioner], Body: (own, _) => new
        {
            providerId = own.Provider, lotId = own.Lot, settingId = own.Setting, places = 2, weeklyPricePerPlace = 5000m, startDate = "2026-12-01", endDate = "2027-11-30",
        }),
        new("GET /api/block-contracts", Council),

        // Quality assurance and Ofsted
        new("POST /api/qa/flags", [QaOfficer], Body: (own, _) => new { providerId = own.Provider, settingId = own.Setting, category = "Concern", severity = "Low", description = "Fuzz" }),
        new("PUT /api/qa/flags/{id:guid}", [QaOfficer], Id: s => s.Flag, Body: (_, _) => new { severity = "Critical" }),
        new("POST /api/qa/flags/{id:guid}/resolve", [QaOfficer], Id: s => s.Flag, Body: (_, _) => new { resolution = "Closed by someone else" }),
        new("POST /api/qa/visits", [QaOfficer], Body: (own, _) => new { settingId = own.Setting, visitDate = "2026-11-20", type = "Annual" }),
        new("POST /api/qa/visits/{id:guid}/report", [QaOfficer], Id: s => s.Visit, Body: (_, _) => new { reportCompletedOn = "2026-11-21" }),
        new("GET /api/qa/work-queue", [QaOfficer]),
        // A provider's QA status and profile are shared between the councils that buy from it.
        new("GET /api/providers/{id:guid}/qa-status", Council, Id: s => s.Provider, Global: Council),
        new("GET /api/providers/{id:guid}/qa-profile", Council, Id: s => s.Provider, Global: Council),
        // The body is text/csv: any other type is 415 before authorisation, as the route declares what it accepts.
        new("POST /api/ofsted/import", [PlatformAdmin], ContentType: "text/csv"),

        // Contract management: the lead authority's commissioners agree KPIs, review returns, hold reviews and raise plans;
        // the DPS's commissioners and QA officers read it all; the provider submits its returns and progresses its plans.
        new("POST /api/dps/{dpsId:guid}/kpis", [Commissioner], Id: s => s.Dps,
            Body: (_, _) => new { code = "FUZZ", name = "Fuzz KPI", unit = "Count", target = 1, higherIsBetter = false }),
        new("POST /api/dps/{dpsId:guid}/kpis/starter-set", [Commissioner], Id: s => s.SpareDps),
        new("GET /api/dps/{dpsId:guid}/kpis", [PlacingOfficer, PlacementManager, QaOfficer, Commissioner, ProviderAdmin, ProviderUser], Id: s => s.Dps),
        new("GET /api/providers/{providerId:guid}/kpi-returns/{dpsId:guid}/{quarter}", [QaOfficer, Commissioner, ProviderAdmin, ProviderUser], Id: ReturnRoute),
        new("PUT /api/providers/{providerId:guid}/kpi-returns/{dpsId:guid}/{quarter}", Providers, Id: ReturnRoute,
            Body: (_, _) => new { values = Array.Empty<object>() }),
        new("POST /api/providers/{providerId:guid}/kpi-returns/{dpsId:guid}/{quarter}", Providers, Id: ReturnRoute,
            Body: (_, _) => new { values = Array.Empty<object>() }),
        new("POST /api/kpi-returns/{id:guid}/review", [Commissioner], Id: s => s.KpiReturn, Body: (_, _) => new { decision = "Queried", comment = "Not ours to query" }),
        new("GET /api/dps/{dpsId:guid}/contract-management", [QaOfficer, Commissioner], Id: s => s.Dps),
        new("GET /api/providers/{providerId:guid}/contract-record/{dpsId:guid}", [QaOfficer, Commissioner, ProviderAdmin, ProviderUser],
            Id: s => new RouteValues { ["providerId"] = s.Provider, ["dpsId"] = s.Dps }),
        new("GET /api/providers/{providerId:guid}/review-pack/{dpsId:guid}", [QaOfficer, Commissioner],
            Id: s => new RouteValues { ["providerId"] = s.Provider, ["dpsId"] = s.Dps }),
        new("POST /api/contract-reviews", [Commissioner], Body: (own, _) => new { providerId = own.Provider, dpsId = own.Dps, date = "2026-11-20", riskRating = "Low" }),
        new("GET /api/contract-reviews", [QaOfficer, Commissioner, ProviderAdmin, ProviderUser], Query: s => $"providerId={s.Provider}&dpsId={s.Dps}"),
        new("GET /api/contract-reviews/{id:guid}", [QaOfficer, Commissioner, ProviderAdmin, ProviderUser], Id: s => s.ContractReview),
        new("POST /api/contract-reviews/{id:guid}/record", [Commissioner], Id: s => s.ScheduledReview, Body: (_, _) => new { minutes = "Held by someone else" }),
        new("POST /api/contract-reviews/{id:guid}/actions/{actionId:guid}/complete", [Commissioner, ProviderAdmin, ProviderUser],
            Id: s => new RouteValues { ["id"] = s.ContractReview, ["actionId"] = s.ReviewAction }),
        new("POST /api/improvement-plans", [Commissioner], Body: (own, _) => new
        {
            providerId = own.Provider, dpsId = own.Dps, reason = "Fuzz", milestones = new[] { new { description = "Fuzz", dueDate = "2027-06-30" } },
        }),
        new("GET /api/improvement-plans", [QaOfficer, Commissioner, ProviderAdmin, ProviderUser], Query: s => $"providerId={s.Provider}&dpsId={s.Dps}"),
        new("GET /api/improvement-plans/{id:guid}", [QaOfficer, Commissioner, ProviderAdmin, ProviderUser], Id: s => s.ImprovementPlan),
        new("POST /api/improvement-plans/{id:guid}/milestones/{milestoneId:guid}/progress", Providers,
            Id: s => new RouteValues { ["id"] = s.ImprovementPlan, ["milestoneId"] = s.Milestone }, Body: (_, _) => new { note = "Someone else's plan", completed = true }),
        new("POST /api/improvement-plans/{id:guid}/close", [Commissioner], Id: s => s.ImprovementPlan, Body: (_, _) => new { outcome = "Escalated", reason = "Someone else's plan" }),

        // Fee uplifts and variations: the lead authority's commissioners open rounds and decide requests; the DPS's
        // commissioners read them; providers request for themselves. Variations are read as the placement is.
        new("POST /api/dps/{dpsId:guid}/uplift-rounds", [Commissioner], Id: s => s.Dps,
            Body: (_, _) => new { name = "Fuzz round", opensOn = "2027-06-01", closesOn = "2027-06-30", effectiveFrom = "2027-07-01" }),
        new("GET /api/dps/{dpsId:guid}/uplift-rounds", [Commissioner], Id: s => s.Dps),
        new("GET /api/uplift-rounds", [Commissioner]),
        new("GET /api/uplift-rounds/{id:guid}", [Commissioner], Id: s => s.UpliftRound),
        new("POST /api/uplift-rounds/{id:guid}/requests", Providers, Id: s => s.UpliftRound, Body: (own, _) => new
        {
            providerId = own.Provider, requestedPercent = 4m, costBreakdown = new[] { new { category = "Staffing", lastYear = 100m, nextYear = 104m } }, justification = "Fuzz",
        }),
        new("PUT /api/uplift-rounds/{id:guid}/requests", Providers, Id: s => s.UpliftRound, Body: (_, _) => new { requestedPercent = 4m }),
        new("GET /api/uplift-rounds/{id:guid}/my-request", Providers, Id: s => s.UpliftRound),
        new("GET /api/provider/uplift-rounds", Providers),
        new("GET /api/uplift-requests/{id:guid}", [Commissioner, ProviderAdmin, ProviderUser], Id: s => s.UpliftRequest),
        new("POST /api/uplift-requests/{id:guid}/decision", [Commissioner], Id: s => s.UpliftRequest, Body: (_, _) => new { decision = "Refuse", reason = "Not yours to decide" }),
        new("GET /api/placements/{id:guid}/variations", [PlacingOfficer, PlacementManager, QaOfficer, Commissioner, ProviderAdmin, ProviderUser], Id: s => s.Placement),
        new("POST /api/placements/{id:guid}/variations", [PlacementManager], Id: s => s.Placement,
            Body: (_, _) => new { date = "2026-12-07", kind = "AdditionalSupport", reason = "Two extra hours a week" }),
        new("GET /api/block-contracts/{id:guid}", [PlacingOfficer, PlacementManager, QaOfficer, Commissioner, ProviderAdmin, ProviderUser], Id: s => s.BlockContract),
        new("POST /api/block-contracts/{id:guid}/variations", [Commissioner], Id: s => s.BlockContract,
            Body: (_, _) => new { effectiveFrom = "2027-01-01", places = 3, reason = "Another place" }),

        // Referral documents and questions: the referral's officers shortlist, attach and answer; its officers and managers
        // read everything; a provider it was sent to reads what its stage allows (the side's offer is shortlisted) and asks.
        new("POST /api/offers/{id:guid}/shortlist", [PlacingOfficer], Id: s => s.SpareOffer),
        new("DELETE /api/offers/{id:guid}/shortlist", [PlacingOfficer], Id: s => s.SpareOffer),
        new("POST /api/referrals/{id:guid}/documents", [PlacingOfficer], Id: s => s.Referral),
        new("GET /api/referrals/{id:guid}/documents", [PlacingOfficer, PlacementManager, ProviderAdmin, ProviderUser], Id: s => s.Referral),
        new("GET /api/documents/{id:guid}", [PlacingOfficer, PlacementManager, ProviderAdmin, ProviderUser], Id: s => s.Document),
        new("DELETE /api/documents/{id:guid}", [PlacingOfficer], Id: s => s.SpareDocument),
        new("POST /api/referrals/{id:guid}/questions", Providers, Id: s => s.Referral, Body: (_, _) => new { text = "Is she in school?" }),
        new("GET /api/referrals/{id:guid}/questions", [PlacingOfficer, PlacementManager, ProviderAdmin, ProviderUser], Id: s => s.Referral),
        new("POST /api/questions/{id:guid}/answer", [PlacingOfficer], Id: s => s.Question, Body: (_, _) => new { text = "Yes", shareWithAll = false }),

        // Sufficiency
        new("GET /api/sufficiency", [Commissioner], Query: s => $"lotId={s.Lot}&scope=dps"),
        new("GET /api/provider-performance", [Commissioner, ProviderAdmin, ProviderUser], Query: s => $"providerId={s.Provider}"),
        new("GET /api/sufficiency/statements/", [Commissioner]),
        new("POST /api/sufficiency/statements/", [Commissioner], Body: (_, _) => new { periodFrom = "2024-11-01", periodTo = "2025-10-31" }),
        new("GET /api/sufficiency/statements/{id:guid}", [Commissioner], Id: s => s.Statement),
        new("PUT /api/sufficiency/statements/{id:guid}", [Commissioner], Id: s => s.Statement, Body: (_, _) => new { title = "Ours now" }),
        new("POST /api/sufficiency/statements/{id:guid}/publish", [Commissioner], Id: s => s.Statement),

        // Billing
        new("POST /api/billing/runs", [Commissioner], Body: (_, _) => new { periodStart = "2026-11-01", periodEnd = "2026-11-22" }),
        new("GET /api/billing/runs", [Commissioner]),
        new("GET /api/billing/runs/{id:guid}", [Commissioner], Id: s => s.BillingRun),
        new("POST /api/placements/{id:guid}/price-changes", [PlacementManager], Id: s => s.Placement,
            Body: (_, _) => new { weeklyPrice = 6000m, effectiveFrom = "2026-12-07", reason = "Uplift" }),
        new("GET /api/invoices", [Commissioner, ProviderAdmin, ProviderUser]),
        new("POST /api/webhooks/stripe", Everyone, Anonymous: true),
    ];

    /// <summary>The side's provider's return to the side's DPS for the current quarter (submitted when the market was built).</summary>
    private static RouteValues ReturnRoute(Side side) => new() { ["providerId"] = side.Provider, ["dpsId"] = side.Dps, ["quarter"] = "2026-Q4" };

    private static object ReferralBody(Side side) => new
    {
        lotId = side.Lot, urgency = "Planned", startDate = "2026-11-30", duration = "LongTerm",
        child = new
        {
            reference = "FUZZ-1", firstName = "Amelia", lastName = "Testcase", dateOfBirth = "2012-05-17", gender = "Female", siblingGroupSize = 1,
            needs = new[] { "Autism" }, mustHaveNeeds = new[] { "Autism" },
        },
        homePostcode = "LS6 3QN", maxDistanceMiles = 20, weeklyBudget = 6000m, offerDeadline = "2026-11-25T09:00:00Z",
    };

    private static object VacancyBody(Side side) => new
    {
        settingId = side.Setting, lotId = side.Lot, places = 1, ageMin = 10, ageMax = 17, genders = new[] { "Female" },
        needsMet = new[] { "Autism" }, weeklyPrice = 5400m, availableFrom = "2026-11-23",
    };
}
