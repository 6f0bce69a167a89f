using System.Globalization;
using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Core.Vocabulary;

/// <summary>
/// The words people read: the one place that turns each of the product's enums and values into English, for every
/// page, email, CSV and message. <c>Name</c> is the wording on its own ("Child sexual exploitation (CSE) risk");
/// <see cref="InSentence(Enum)"/> is the same wording inside a sentence ("child sexual exploitation (CSE) risk").
/// Dates, times, money and distances are written the GOV.UK way, in en-GB and England's time: "23 November 2026",
/// "23 November 2026 at 9am", "£5,200", "4.5 miles". A missing date or amount reads "—".
/// </summary>
public static class Words
{
    /// <summary>What a page shows for a date, time or amount it does not have.</summary>
    public const string Missing = "—";

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    // ---- Values -------------------------------------------------------------------------------------------------

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : Missing;

    /// <summary>A UTC instant as the date it was in England.</summary>
    public static string Date(DateTime? utc) => utc is { } u ? Date(UkTime.DateOf(u)) : Missing;

    /// <summary>"23 November 2026 at 9:05am", "25 November 2026 at 5pm", in England's time.</summary>
    public static string DateTime(DateTime? utc)
    {
        if (utc is not { } u)
        {
            return Missing;
        }
        var local = UkTime.LocalOf(u);
        var time = local.ToString(local.Minute == 0 ? "%h" : "h:mm", EnGb) + (local.Hour < 12 ? "am" : "pm");
        return $"{Date(DateOnly.FromDateTime(local))} at {time}";
    }

    /// <summary>Whole pounds without pence ("£5,200"), otherwise with them ("£5,200.50").</summary>
    public static string Money(decimal amount) =>
        "£" + amount.ToString(amount == decimal.Truncate(amount) ? "#,##0" : "#,##0.00", EnGb);

    public static string Money(decimal? amount) => amount is { } a ? Money(a) : Missing;

    /// <summary>Pounds and pence, as invoices and columns of prices that should line up show them: "£1,564.00".</summary>
    public static string Pence(decimal amount) => "£" + amount.ToString("#,##0.00", EnGb);

    public static string Miles(double miles) => $"{miles.ToString("0.#", EnGb)} miles";

    public static string Miles(double? miles) => miles is { } m ? Miles(m) : "Not known";

    /// <summary>A placement's start as its status says it: "Starts on 3 March 2027" while still to come, else "Started 3 March 2027".</summary>
    public static string Starts(DateOnly start, DateOnly today) => start > today ? $"Starts on {Date(start)}" : $"Started {Date(start)}";

    /// <summary>A placed referral's placement in a sentence: whether the child starts later, lives there now, or has left.</summary>
    public static string Placed(DateOnly start, DateOnly today, bool ended) =>
        ended ? $"The child was placed from {Date(start)}; the placement has ended."
        : start > today ? $"A placement has been made: the child starts on {Date(start)}."
        : $"The child has been placed since {Date(start)}.";

    /// <summary>A manager's decision on an offer, as the officer who asked reads it on the referral.</summary>
    public static string ApprovalOutcome(ApprovalStatus status, string? reason) => status switch
    {
        ApprovalStatus.Pending => "Waiting for a placement manager's decision. The place is held until then.",
        ApprovalStatus.Approved => $"A placement manager approved it: {reason}",
        _ => $"A placement manager did not approve it: {reason}",
    };

    /// <summary>"12 to 17", or "16" when the range is one age.</summary>
    public static string Ages(int min, int max) => min == max ? $"{min}" : $"{min} to {max}";

    /// <summary>"1 place", "3 places".</summary>
    public static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    /// <summary>"14-year-old girl", "9-year-old boy", "15-year-old child".</summary>
    public static string Child(int ageYears, Gender gender) =>
        $"{ageYears}-year-old {gender switch { Gender.Female => "girl", Gender.Male => "boy", _ => "child" }}";

    /// <summary>"1 child", "Sibling group of 3".</summary>
    public static string Siblings(int size) => size <= 1 ? "1 child" : $"Sibling group of {size}";

    // ---- Sentences ----------------------------------------------------------------------------------------------

    /// <summary>
    /// The wording inside a sentence: the name with its first letter in lower case, unless the name starts with an
    /// abbreviation ("QA officer", "PCR 2015 DPS").
    /// </summary>
    public static string InSentence(Enum value) => Lower(Name(value));

    /// <summary>A list of names inside a sentence: "emotional and behavioural, autism".</summary>
    public static string InSentence<T>(IEnumerable<T> values) where T : struct, Enum =>
        string.Join(", ", values.Select(v => InSentence(v)));

    private static string Lower(string name) =>
        name.Length < 2 || char.IsUpper(name[1]) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    // ---- Names --------------------------------------------------------------------------------------------------

    /// <summary>The name of any of the product's enum values; a value without its own wording reads as its identifier.</summary>
    public static string Name(Enum value) => value switch
    {
        Role v => Name(v),
        ProviderType v => Name(v),
        PlacementType v => Name(v),
        OfstedGrade v => Name(v),
        Gender v => Name(v),
        Need v => Name(v),
        EnglishRegion v => Name(v),
        NeedsBand v => Name(v),
        DpsRegime v => Name(v),
        DpsStatus v => Name(v),
        ApplicationStatus v => Name(v),
        MembershipStatus v => Name(v),
        MembershipAction v => Name(v),
        AdmissionDecision v => Name(v),
        VacancyStatus v => Name(v),
        SettingReviewStatus v => Name(v),
        SettingReviewDecision v => Name(v),
        ProviderVerificationMethod v => Name(v),
        Urgency v => Name(v),
        PlacementDuration v => Name(v),
        ReferralStatus v => Name(v),
        OfferStatus v => Name(v),
        DeclineReason v => Name(v),
        PlacementKind v => Name(v),
        PlacementStatus v => Name(v),
        PlacementEndReason v => Name(v),
        ApprovalStatus v => Name(v),
        ApprovalDecision v => Name(v),
        WorkKind v => Name(v),
        FlagCategory v => Name(v),
        FlagSeverity v => Name(v),
        FlagStatus v => Name(v),
        VisitType v => Name(v),
        VisitOutcome v => Name(v),
        QaStatus v => Name(v),
        Criterion v => Name(v),
        HardRule v => Name(v),
        StatementStatus v => Name(v),
        SufficiencyScope v => Name(v),
        BillingRunStatus v => Name(v),
        InvoiceStatus v => Name(v),
        AccountLinkPurpose v => Name(v),
        Contracts.KpiMeasure v => Name(v),
        Contracts.KpiUnit v => Name(v),
        Contracts.KpiReturnStatus v => Name(v),
        Contracts.RiskRating v => Name(v),
        Contracts.ImprovementPlanStatus v => Name(v),
        Contracts.ImprovementPlanSource v => Name(v),
        Contracts.ContractReviewStatus v => Name(v),
        Uplifts.UpliftRoundStatus v => Name(v),
        Uplifts.UpliftRequestStatus v => Name(v),
        Uplifts.UpliftDecision v => Name(v),
        Uplifts.CostCategory v => Name(v),
        Uplifts.VariationKind v => Name(v),
        Sharing.DocumentKind v => Name(v),
        Sharing.ShareStage v => Name(v),
        Sharing.SharingStage v => Name(v),
        Sharing.DocumentStoreKind v => Name(v),
        _ => value.ToString(),
    };

    public static string Name(Uplifts.UpliftRoundStatus status) => status switch
    {
        Uplifts.UpliftRoundStatus.Upcoming => "Not open yet",
        Uplifts.UpliftRoundStatus.Open => "Open for requests",
        Uplifts.UpliftRoundStatus.Closed => "Closed for requests",
        _ => status.ToString(),
    };

    public static string Name(Uplifts.UpliftRequestStatus status) => status switch
    {
        Uplifts.UpliftRequestStatus.Draft => "Not submitted",
        Uplifts.UpliftRequestStatus.Submitted => "Awaiting decision",
        Uplifts.UpliftRequestStatus.Accepted => "Accepted",
        Uplifts.UpliftRequestStatus.PartAccepted => "Part-accepted",
        Uplifts.UpliftRequestStatus.Refused => "Refused",
        _ => status.ToString(),
    };

    public static string Name(Uplifts.UpliftDecision decision) => decision switch
    {
        Uplifts.UpliftDecision.Accept => "Accept",
        Uplifts.UpliftDecision.PartAccept => "Part-accept",
        Uplifts.UpliftDecision.Refuse => "Refuse",
        _ => decision.ToString(),
    };

    public static string Name(Uplifts.CostCategory category) => category switch
    {
        Uplifts.CostCategory.Staffing => "Staffing",
        Uplifts.CostCategory.Premises => "Premises",
        Uplifts.CostCategory.Education => "Education",
        Uplifts.CostCategory.Therapy => "Therapy",
        Uplifts.CostCategory.ManagementAndOverheads => "Management and overheads",
        Uplifts.CostCategory.Other => "Other",
        _ => category.ToString(),
    };

    public static string Name(Uplifts.VariationKind kind) => kind switch
    {
        Uplifts.VariationKind.PriceChange => "Price change",
        Uplifts.VariationKind.AdditionalSupport => "Additional support",
        Uplifts.VariationKind.ChangeOfSetting => "Change of setting",
        Uplifts.VariationKind.Other => "Other variation",
        _ => kind.ToString(),
    };

    public static string Name(Sharing.DocumentKind kind) => kind switch
    {
        Sharing.DocumentKind.CarePlan => "Care plan",
        Sharing.DocumentKind.RiskAssessment => "Risk assessment",
        Sharing.DocumentKind.PlacementPlan => "Placement plan",
        Sharing.DocumentKind.HealthAssessment => "Health assessment",
        Sharing.DocumentKind.EducationPlan => "Education plan (EHCP)",
        Sharing.DocumentKind.Other => "Other document",
        _ => kind.ToString(),
    };

    /// <summary>When a document is shared, as "shared when …" finishes.</summary>
    public static string Name(Sharing.ShareStage stage) => stage switch
    {
        Sharing.ShareStage.Shortlisted => "Shortlisted",
        Sharing.ShareStage.Placed => "Placed",
        _ => stage.ToString(),
    };

    /// <summary>When a document is shared, as a sentence: "Shared when shortlisted".</summary>
    public static string SharedWhen(Sharing.ShareStage stage) => stage switch
    {
        Sharing.ShareStage.Shortlisted => "Shared with the providers you shortlist",
        Sharing.ShareStage.Placed => "Shared with the provider when the child is placed",
        _ => stage.ToString(),
    };

    /// <summary>What a provider is told about the documents at its stage.</summary>
    public static string DocumentsAtStage(Sharing.SharingStage stage) => stage switch
    {
        Sharing.SharingStage.Recipient => "The placing officer shares documents, such as the risk assessment, with the providers whose offer they shortlist, and the rest with the provider the child is placed with.",
        Sharing.SharingStage.Shortlisted => "Your offer is shortlisted: the documents shared at shortlisting are yours to read.",
        Sharing.SharingStage.Placed => "The child is placed with you: every document is shared with you.",
        _ => stage.ToString(),
    };

    public static string Name(Sharing.DocumentStoreKind store) => store switch
    {
        Sharing.DocumentStoreKind.FileSystem => "Data folder, encrypted",
        Sharing.DocumentStoreKind.AzureBlob => "Azure Blob Storage",
        _ => store.ToString(),
    };

    public static string Name(Sharing.SharingStage stage) => stage switch
    {
        Sharing.SharingStage.Recipient => "Referral received",
        Sharing.SharingStage.Shortlisted => "Shortlisted",
        Sharing.SharingStage.Placed => "Placed with you",
        _ => stage.ToString(),
    };

    public static string Name(Contracts.KpiMeasure measure) => measure switch
    {
        Contracts.KpiMeasure.ResponseRate => "Response rate to referrals",
        Contracts.KpiMeasure.OffersWithinDeadline => "Offers within the deadline",
        Contracts.KpiMeasure.DisruptionsWithin12Weeks => "Disruptions within 12 weeks",
        Contracts.KpiMeasure.QaStatus => "QA flags open at the quarter's end",
        Contracts.KpiMeasure.OfstedGoodOrBetterPercent => "Settings rated Good or Outstanding",
        _ => measure.ToString(),
    };

    public static string Name(Contracts.KpiUnit unit) => unit switch
    {
        Contracts.KpiUnit.Percent => "Percent",
        Contracts.KpiUnit.Count => "Count",
        Contracts.KpiUnit.Days => "Days",
        Contracts.KpiUnit.Money => "Money",
        _ => unit.ToString(),
    };

    public static string Name(Contracts.KpiReturnStatus status) => status switch
    {
        Contracts.KpiReturnStatus.Draft => "Not submitted",
        Contracts.KpiReturnStatus.Submitted => "Submitted",
        Contracts.KpiReturnStatus.Queried => "Queried",
        Contracts.KpiReturnStatus.Accepted => "Accepted",
        _ => status.ToString(),
    };

    public static string Name(Contracts.RiskRating rating) => rating switch
    {
        Contracts.RiskRating.Low => "Low risk",
        Contracts.RiskRating.Medium => "Medium risk",
        Contracts.RiskRating.High => "High risk",
        _ => rating.ToString(),
    };

    public static string Name(Contracts.ImprovementPlanStatus status) => status switch
    {
        Contracts.ImprovementPlanStatus.Open => "Open",
        Contracts.ImprovementPlanStatus.Completed => "Completed",
        Contracts.ImprovementPlanStatus.Escalated => "Escalated",
        _ => status.ToString(),
    };

    public static string Name(Contracts.ContractReviewStatus status) => status switch
    {
        Contracts.ContractReviewStatus.Scheduled => "Scheduled",
        Contracts.ContractReviewStatus.Held => "Held",
        _ => status.ToString(),
    };

    public static string Name(Contracts.ImprovementPlanSource source) => source switch
    {
        Contracts.ImprovementPlanSource.ContractReview => "A contract review",
        Contracts.ImprovementPlanSource.KpiReturn => "A queried KPI return",
        Contracts.ImprovementPlanSource.QaConcern => "A QA concern",
        Contracts.ImprovementPlanSource.Other => "Other",
        _ => source.ToString(),
    };

    public static string Name(Role role) => role switch
    {
        Role.PlatformAdmin => "Platform admin",
        Role.PlacingOfficer => "Placing officer",
        Role.PlacementManager => "Placement manager",
        Role.QaOfficer => "QA officer",
        Role.Commissioner => "Commissioner",
        Role.ProviderUser => "Provider",
        Role.DataProtectionLead => "Data protection lead",
        _ => role.ToString(),
    };

    public static string Name(ProviderType type) => type switch
    {
        ProviderType.IndependentFosteringAgency => "Independent fostering agency",
        ProviderType.ResidentialChildrensHome => "Residential children's home",
        ProviderType.SupportedAccommodation => "Supported accommodation (16 and over)",
        ProviderType.IndependentSpecialistEducation => "Independent specialist education",
        _ => type.ToString(),
    };

    public static string Name(PlacementType type) => type switch
    {
        PlacementType.StandardFostering => "Standard fostering",
        PlacementType.SpecialistFostering => "Specialist or complex fostering",
        PlacementType.ParentAndChild => "Parent and child",
        PlacementType.ResidentialCare => "Residential children's home",
        PlacementType.SupportedAccommodation => "Supported accommodation (16 and over)",
        PlacementType.SpecialistEducation => "Independent specialist education",
        _ => type.ToString(),
    };

    public static string Name(OfstedGrade grade) => grade switch
    {
        OfstedGrade.Outstanding => "Outstanding",
        OfstedGrade.Good => "Good",
        OfstedGrade.RequiresImprovement => "Requires improvement to be good",
        OfstedGrade.Inadequate => "Inadequate",
        OfstedGrade.NotYetInspected => "Not yet inspected",
        OfstedGrade.NotGraded => "Not graded",
        _ => grade.ToString(),
    };

    public static string Name(Gender gender) => gender switch
    {
        Gender.Female => "Female",
        Gender.Male => "Male",
        Gender.Other => "Other",
        _ => gender.ToString(),
    };

    public static string Name(Need need) => need switch
    {
        Need.EmotionalBehavioural => "Emotional and behavioural",
        Need.LearningDisability => "Learning disability",
        Need.PhysicalDisability => "Physical disability",
        Need.Autism => "Autism",
        Need.MentalHealth => "Mental health",
        Need.ChildSexualExploitation => "Child sexual exploitation (CSE) risk",
        Need.ChildCriminalExploitation => "Child criminal exploitation (CCE) risk",
        Need.MissingEpisodes => "Missing episodes",
        Need.SubstanceMisuse => "Substance misuse",
        Need.Offending => "Offending",
        Need.SelfHarm => "Self-harm",
        Need.ComplexHealth => "Complex health needs",
        Need.UnaccompaniedAsylumSeeking => "Unaccompanied asylum-seeking child",
        Need.EducationOutOfSchool => "Out of school: education needed",
        _ => need.ToString(),
    };

    public static string Name(EnglishRegion region) => region switch
    {
        EnglishRegion.NorthEast => "North East",
        EnglishRegion.NorthWest => "North West",
        EnglishRegion.YorkshireAndTheHumber => "Yorkshire and The Humber",
        EnglishRegion.EastMidlands => "East Midlands",
        EnglishRegion.WestMidlands => "West Midlands",
        EnglishRegion.EastOfEngland => "East of England",
        EnglishRegion.London => "London",
        EnglishRegion.SouthEast => "South East",
        EnglishRegion.SouthWest => "South West",
        _ => region.ToString(),
    };

    public static string Name(NeedsBand band) => band switch
    {
        NeedsBand.Standard => "Standard needs",
        NeedsBand.Complex => "Complex needs",
        NeedsBand.Specialist => "Specialist needs",
        _ => band.ToString(),
    };

    public static string Name(DpsRegime regime) => regime switch
    {
        DpsRegime.Pcr2015Dps => "PCR 2015 DPS",
        DpsRegime.ProcurementAct2023DynamicMarket => "Procurement Act 2023 dynamic market",
        _ => regime.ToString(),
    };

    public static string Name(DpsStatus status) => status switch
    {
        DpsStatus.Draft => "Draft",
        DpsStatus.Open => "Open",
        DpsStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string Name(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "In progress",
        ApplicationStatus.Submitted => "Waiting for a decision",
        ApplicationStatus.Admitted => "Admitted",
        ApplicationStatus.Rejected => "Rejected",
        ApplicationStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static string Name(MembershipStatus status) => status switch
    {
        MembershipStatus.Admitted => "Admitted",
        MembershipStatus.Suspended => "Suspended",
        MembershipStatus.Withdrawn => "Withdrawn",
        MembershipStatus.Removed => "Removed (excluded)",
        _ => status.ToString(),
    };

    public static string Name(MembershipAction action) => action switch
    {
        MembershipAction.Suspend => "Suspend",
        MembershipAction.Reinstate => "Reinstate",
        MembershipAction.Withdraw => "Withdraw",
        MembershipAction.RemoveExcludedSupplier => "Remove an excluded supplier",
        MembershipAction.Readmit => "Readmit",
        _ => action.ToString(),
    };

    public static string Name(AdmissionDecision decision) => decision switch
    {
        AdmissionDecision.Admit => "Admit",
        AdmissionDecision.Reject => "Reject",
        _ => decision.ToString(),
    };

    public static string Name(VacancyStatus status) => status switch
    {
        VacancyStatus.Open => "Open",
        VacancyStatus.Held => "Offer pending",
        VacancyStatus.Filled => "Filled",
        VacancyStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static string Name(SettingReviewStatus status) => status switch
    {
        SettingReviewStatus.Approved => "Approved",
        SettingReviewStatus.AwaitingReview => "Waiting for a platform admin to check it",
        SettingReviewStatus.Rejected => "Rejected",
        _ => status.ToString(),
    };

    public static string Name(SettingReviewDecision decision) => decision switch
    {
        SettingReviewDecision.Approve => "Approve",
        SettingReviewDecision.Reject => "Reject",
        _ => decision.ToString(),
    };

    public static string Name(ProviderVerificationMethod method) => method switch
    {
        ProviderVerificationMethod.EmailConfirmed => "Confirmed by email",
        ProviderVerificationMethod.ByPlatformAdmin => "Verified by a platform admin",
        ProviderVerificationMethod.Existing => "Registered before verification began",
        _ => method.ToString(),
    };

    public static string Name(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => "Emergency: same day",
        Urgency.Urgent => "Urgent: within 72 hours",
        Urgency.Planned => "Planned",
        _ => urgency.ToString(),
    };

    public static string Name(PlacementDuration duration) => duration switch
    {
        PlacementDuration.Emergency => "Emergency",
        PlacementDuration.ShortTerm => "Short-term",
        PlacementDuration.LongTerm => "Long-term or permanent",
        PlacementDuration.Respite => "Respite",
        PlacementDuration.Remand => "Remand",
        _ => duration.ToString(),
    };

    public static string Name(ReferralStatus status) => status switch
    {
        ReferralStatus.Draft => "Draft",
        ReferralStatus.Open => "Open for offers",
        ReferralStatus.Placed => "Placed",
        ReferralStatus.Withdrawn => "Withdrawn",
        ReferralStatus.Unfilled => "Unfilled",
        _ => status.ToString(),
    };

    public static string Name(OfferStatus status) => status switch
    {
        OfferStatus.Submitted => "Offered",
        OfferStatus.Withdrawn => "Withdrawn",
        OfferStatus.PendingApproval => "Waiting for a manager's approval",
        OfferStatus.Accepted => "Accepted",
        OfferStatus.NotSelected => "Not selected",
        OfferStatus.Rejected => "Rejected",
        _ => status.ToString(),
    };

    public static string Name(DeclineReason reason) => reason switch
    {
        DeclineReason.NoSuitableVacancy => "We have no suitable vacancy",
        DeclineReason.CannotMeetNeeds => "We cannot meet the child's needs",
        DeclineReason.ImpactOnOtherChildren => "The impact on the children already living there",
        DeclineReason.RiskTooHigh => "The risks are too high for the setting",
        DeclineReason.LocationUnsuitable => "The location is unsuitable",
        DeclineReason.StartDateNotPossible => "We cannot meet the start date",
        DeclineReason.PriceBelowCost => "The budget is below our cost",
        DeclineReason.OutsideRegistration => "It is outside our Ofsted registration",
        DeclineReason.Other => "Another reason",
        _ => reason.ToString(),
    };

    public static string Name(PlacementKind kind) => kind switch
    {
        PlacementKind.Spot => "Spot purchase",
        PlacementKind.Block => "Place in a block contract",
        _ => kind.ToString(),
    };

    public static string Name(PlacementStatus status) => status switch
    {
        PlacementStatus.Active => "Active",
        PlacementStatus.Ended => "Ended",
        _ => status.ToString(),
    };

    public static string Name(PlacementEndReason reason) => reason switch
    {
        PlacementEndReason.PlannedMove => "Planned move",
        PlacementEndReason.Disruption => "Disruption (placement broke down)",
        PlacementEndReason.ReturnedHome => "Returned home",
        PlacementEndReason.AdoptionOrSpecialGuardianship => "Adoption or special guardianship",
        PlacementEndReason.TurnedEighteen => "Turned 18",
        PlacementEndReason.Other => "Another reason",
        _ => reason.ToString(),
    };

    public static string Name(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Pending => "Waiting for a decision",
        ApprovalStatus.Approved => "Approved",
        ApprovalStatus.Rejected => "Rejected",
        _ => status.ToString(),
    };

    public static string Name(ApprovalDecision decision) => decision switch
    {
        ApprovalDecision.Approve => "Approve",
        ApprovalDecision.Reject => "Reject",
        _ => decision.ToString(),
    };

    public static string Name(WorkKind kind) => kind switch
    {
        WorkKind.AnnualVisit => "Annual visit",
        WorkKind.PostPlacementVisit => "Visit after a new provider's placement",
        WorkKind.ImprovementVisit => "Improvement visit (Ofsted grade Requires improvement or Inadequate)",
        WorkKind.ConcernVisit => "Concern visit",
        WorkKind.Report => "Report",
        _ => kind.ToString(),
    };

    public static string Name(FlagCategory category) => category switch
    {
        FlagCategory.Concern => "Concern",
        FlagCategory.Complaint => "Complaint",
        FlagCategory.Safeguarding => "Safeguarding",
        FlagCategory.RegulatoryAction => "Regulatory action",
        _ => category.ToString(),
    };

    public static string Name(FlagSeverity severity) => severity switch
    {
        FlagSeverity.Low => "Low",
        FlagSeverity.Medium => "Medium",
        FlagSeverity.High => "High",
        FlagSeverity.Critical => "Critical",
        _ => severity.ToString(),
    };

    public static string Name(FlagStatus status) => status switch
    {
        FlagStatus.Open => "Open",
        FlagStatus.Resolved => "Resolved",
        _ => status.ToString(),
    };

    public static string Name(VisitType type) => type switch
    {
        VisitType.Annual => "Annual",
        VisitType.PrePlacement => "Pre-placement",
        VisitType.Concern => "Concern",
        VisitType.FollowUp => "Follow-up",
        _ => type.ToString(),
    };

    public static string Name(VisitOutcome outcome) => outcome switch
    {
        VisitOutcome.Satisfactory => "Satisfactory",
        VisitOutcome.ImprovementsNeeded => "Improvements needed",
        VisitOutcome.Unsatisfactory => "Unsatisfactory",
        _ => outcome.ToString(),
    };

    public static string Name(VisitOutcome? outcome) => outcome is { } o ? Name(o) : "Not recorded";

    public static string Name(QaStatus status) => status switch
    {
        QaStatus.Green => "Green",
        QaStatus.Amber => "Amber",
        QaStatus.Red => "Red",
        _ => status.ToString(),
    };

    public static string Name(Criterion criterion) => criterion switch
    {
        Criterion.Needs => "Needs",
        Criterion.OfstedGrade => "Ofsted grade",
        Criterion.Price => "Price",
        Criterion.Distance => "Distance",
        Criterion.QaStatus => "QA status",
        Criterion.TrackRecord => "Track record",
        _ => criterion.ToString(),
    };

    public static string Name(HardRule rule) => rule switch
    {
        HardRule.NotAdmittedToLot => "Not admitted to the lot",
        HardRule.QaSuspended => "Suspended by quality assurance",
        HardRule.CapacityTooSmall => "Not enough places",
        HardRule.AgeNotAccepted => "Does not accept the child's age",
        HardRule.GenderNotAccepted => "Does not accept the child's gender",
        HardRule.MustHaveNeedNotMet => "Cannot meet a need that must be met",
        HardRule.TooFarFromHome => "Too far from home",
        HardRule.StartDateNotMet => "Cannot start by the start date",
        HardRule.UnlawfulForAge => "Not lawful for the child's age",
        _ => rule.ToString(),
    };

    public static string Name(StatementStatus status) => status switch
    {
        StatementStatus.Draft => "Draft",
        StatementStatus.Published => "Published",
        _ => status.ToString(),
    };

    public static string Name(SufficiencyScope scope) => scope switch
    {
        SufficiencyScope.Authority => "Your authority",
        SufficiencyScope.Dps => "The whole DPS",
        _ => scope.ToString(),
    };

    public static string Name(BillingRunStatus status) => status switch
    {
        BillingRunStatus.InProgress => "Interrupted",
        BillingRunStatus.Completed => "Complete",
        _ => status.ToString(),
    };

    public static string Name(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "Not sent yet",
        InvoiceStatus.Open => "Sent for payment",
        InvoiceStatus.Paid => "Paid",
        InvoiceStatus.PaymentFailed => "Payment failed",
        _ => status.ToString(),
    };

    /// <summary>
    /// What a line of a match's score adds, in words: "adds 15 points to the score", "adds no points to the score".
    /// Scores are never shown as "(+15)".
    /// </summary>
    public static string ScorePoints(int points) => points switch
    {
        0 => "adds no points to the score",
        1 => "adds 1 point to the score",
        < 0 => $"takes {Plural(-points, "point", "points")} off the score",
        _ => $"adds {points} points to the score",
    };

    /// <summary>An invoice worked out while card payments are not set up: what happens to it and what the user can do.</summary>
    public const string NotSentNoPayments =
        "Not sent: online payment is not set up. Send this invoice to the provider yourself, or ask your platform admin to set up payments";

    public static string Name(AccountLinkPurpose purpose) => purpose switch
    {
        AccountLinkPurpose.Invitation => "Invitation",
        AccountLinkPurpose.PasswordReset => "Password reset",
        _ => purpose.ToString(),
    };
}
