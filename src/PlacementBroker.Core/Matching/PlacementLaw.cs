namespace PlacementBroker.Core.Matching;

/// <summary>
/// The law on age, which comes before every other rule (spec 5.2). Supported accommodation is for 16- and
/// 17-year-olds only: placing a child under 16 there has been unlawful since 2021, and a young person who is 18 on
/// the start date is no longer a looked-after child to be placed there. Ages are taken on the start date.
/// </summary>
public static class PlacementLaw
{
    public const int SupportedAccommodationYoungest = 16;
    public const int SupportedAccommodationOldest = 17;

    /// <summary>Why a vacancy's youngest age is unlawful in a lot of this placement type; null when it is lawful.</summary>
    public static string? VacancyYoungestAgeRefusal(PlacementType placementType, int ageMin) =>
        placementType == PlacementType.SupportedAccommodation && ageMin < SupportedAccommodationYoungest
            ? $"Supported accommodation is for 16- and 17-year-olds only: the youngest age must be {SupportedAccommodationYoungest} or more"
            : null;

    /// <summary>Why a child of this age on the start date cannot be placed in a lot of this placement type; null when the law allows it.</summary>
    public static string? ChildAgeRefusal(PlacementType placementType, int ageOnStartDate) =>
        placementType != PlacementType.SupportedAccommodation ? null
        : ageOnStartDate < SupportedAccommodationYoungest
            ? $"Supported accommodation is for 16- and 17-year-olds only: the child will be {ageOnStartDate} on the start date, and placing a child under 16 there is unlawful"
        : ageOnStartDate > SupportedAccommodationOldest
            ? $"Supported accommodation is for 16- and 17-year-olds only: the young person will be {ageOnStartDate} on the start date"
        : null;
}
