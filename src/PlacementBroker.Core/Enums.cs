namespace PlacementBroker.Core;

public enum Role
{
    PlatformAdmin,
    PlacingOfficer,
    PlacementManager,
    QaOfficer,
    Commissioner,
    ProviderUser,
    /// <summary>A council's data protection lead: reads that council's audit trail and subject-access exports, nothing else.</summary>
    DataProtectionLead,
}

public enum ProviderType
{
    IndependentFosteringAgency,
    ResidentialChildrensHome,
    SupportedAccommodation,
    IndependentSpecialistEducation,
}

public enum PlacementType
{
    StandardFostering,
    SpecialistFostering,
    ParentAndChild,
    ResidentialCare,
    SupportedAccommodation,
    SpecialistEducation,
}

public enum OfstedGrade
{
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
    NotYetInspected,
    NotGraded,
}

public enum Gender
{
    Female,
    Male,
    Other,
}

/// <summary>The needs vocabulary. New needs are appended: stored values are the member names.</summary>
public enum Need
{
    EmotionalBehavioural,
    LearningDisability,
    PhysicalDisability,
    Autism,
    MentalHealth,
    ChildSexualExploitation,
    ChildCriminalExploitation,
    MissingEpisodes,
    SubstanceMisuse,
    Offending,
    SelfHarm,
    ComplexHealth,
    UnaccompaniedAsylumSeeking,
    EducationOutOfSchool,
}

/// <summary>England's nine regions as Ofsted's register and the DfE's statistics name them.</summary>
public enum EnglishRegion
{
    NorthEast,
    NorthWest,
    YorkshireAndTheHumber,
    EastMidlands,
    WestMidlands,
    EastOfEngland,
    London,
    SouthEast,
    SouthWest,
}

/// <summary>How much care a child's needs call for; prices are compared within a band (spec 7).</summary>
public enum NeedsBand
{
    Standard,
    Complex,
    Specialist,
}
