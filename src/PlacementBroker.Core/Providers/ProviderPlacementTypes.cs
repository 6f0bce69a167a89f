namespace PlacementBroker.Core.Providers;

/// <summary>
/// Which placement types each kind of provider offers: a fostering agency fosters (standard, specialist, parent and
/// child), a children's home gives residential care, supported accommodation supports those of 16 and over, and a
/// specialist school educates. A provider is offered only the lots of its own types to apply to.
/// </summary>
public static class ProviderPlacementTypes
{
    public static IReadOnlyList<PlacementType> Of(ProviderType type) => type switch
    {
        ProviderType.IndependentFosteringAgency => [PlacementType.StandardFostering, PlacementType.SpecialistFostering, PlacementType.ParentAndChild],
        ProviderType.ResidentialChildrensHome => [PlacementType.ResidentialCare],
        ProviderType.SupportedAccommodation => [PlacementType.SupportedAccommodation],
        ProviderType.IndependentSpecialistEducation => [PlacementType.SpecialistEducation],
        _ => [],
    };

    public static bool Offers(this ProviderType provider, PlacementType placement) => Of(provider).Contains(placement);
}
