using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PlacementBroker.Core;
using PlacementBroker.Core.Providers;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages;

namespace PlacementBroker.Web.Tests.Security;

/// <summary>Who calls: anonymous, the platform admin, each council role of council A (its data protection lead included), and provider P's organisation admin and a colleague.</summary>
public enum Caller
{
    Anonymous,
    PlatformAdmin,
    PlacingOfficer,
    PlacementManager,
    QaOfficer,
    Commissioner,
    ProviderAdmin,
    ProviderUser,
    DataProtectionLead,
}

/// <summary>Whose resource the route's ids name: the caller's own side (council A, provider P), the other side (council B, provider Q), or nobody's.</summary>
public enum Target
{
    Own,
    Other,
    Unknown,
}

/// <summary>
/// One side of the market: a council, its DPS (with a spare one), a provider admitted to it, and everything the two do
/// together. Side A is the callers' own; side B is the other tenant. Every id a route can name lives here.
/// </summary>
public sealed class Side
{
    public Guid Authority { get; set; }
    public Guid CommissionerUser { get; set; }
    public Guid OfficerUser { get; set; }
    /// <summary>An officer no caller signs in as: for the calls that disable, lock or otherwise spoil an account.</summary>
    public Guid SpareUser { get; set; }
    public Guid Dps { get; set; }
    public Guid Lot { get; set; }
    public Guid SpareDps { get; set; }
    public Guid SpareLot { get; set; }
    public Guid Provider { get; set; }
    public Guid ProviderUser { get; set; }
    public Guid Setting { get; set; }
    public Guid Vacancy { get; set; }
    public Guid SpareVacancy { get; set; }
    public Guid Application { get; set; }
    public Guid Membership { get; set; }
    public Guid SpareMembership { get; set; }
    /// <summary>Open, with <see cref="Offer"/> from the side's provider.</summary>
    public Guid Referral { get; set; }
    public Guid Offer { get; set; }
    /// <summary>Open, with <see cref="SpareOffer"/>: for the calls that withdraw things.</summary>
    public Guid SpareReferral { get; set; }
    public Guid SpareOffer { get; set; }
    public Guid Placement { get; set; }
    public Guid Approval { get; set; }
    public Guid Flag { get; set; }
    public Guid Visit { get; set; }
    public Guid BillingRun { get; set; }
    public Guid Statement { get; set; }
    /// <summary>A referral the side's placing officer has started on the question pages and not finished.</summary>
    public Guid UnfinishedReferral { get; set; }
    /// <summary>The provider's submitted KPI return for 2026-Q4; a held review with an action; a scheduled review; an open plan with a milestone.</summary>
    public Guid KpiReturn { get; set; }
    public Guid Kpi { get; set; }
    public Guid ContractReview { get; set; }
    public Guid ReviewAction { get; set; }
    public Guid ScheduledReview { get; set; }
    public Guid ImprovementPlan { get; set; }
    public Guid Milestone { get; set; }
    /// <summary>An open fee-uplift round on the DPS with the provider's submitted request; a block contract with the provider.</summary>
    public Guid UpliftRound { get; set; }
    public Guid UpliftRequest { get; set; }
    public Guid BlockContract { get; set; }
    /// <summary>A variation of the placement's agreement (additional support) agreed by the placement manager.</summary>
    public Guid Variation { get; set; }

    /// <summary>On <see cref="Referral"/>, whose <see cref="Offer"/> is shortlisted: a risk assessment shared at shortlisting, one to delete, and the provider's question.</summary>
    public Guid Document { get; set; }
    public Guid SpareDocument { get; set; }
    public Guid Question { get; set; }

    /// <summary>What no one of the other side may ever see, in any answer (open DPSs, lots and provider profiles are shared).</summary>
    public IEnumerable<Guid> Private =>
    [
        CommissionerUser, OfficerUser, ProviderUser, Application, Membership, SpareMembership, Vacancy, SpareVacancy, Referral, Offer,
        SpareReferral, SpareOffer, Placement, Approval, BillingRun, Statement, UnfinishedReferral,
        KpiReturn, Kpi, ContractReview, ReviewAction, ScheduledReview, ImprovementPlan, Milestone, UpliftRound, UpliftRequest, BlockContract, Variation,
        Document, SpareDocument, Question,
    ];
}

