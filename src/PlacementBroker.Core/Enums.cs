namespace PlacementBroker.Core;

public enum Role
{
    PlatformAdmin,
    PlacingOfficer,
    PlacementManager,
    QaOfficer,
    Commissioner,
    ProviderUser,
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
