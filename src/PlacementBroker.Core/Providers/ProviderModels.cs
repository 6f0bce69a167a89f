using System.Text.Json.Serialization;

namespace PlacementBroker.Core.Providers;

public sealed record AddSettingRequest(
    string? Name, string? OfstedUrn, string? Postcode, double? Latitude, double? Longitude, OfstedGrade? OfstedGrade,
    DateOnly? LastInspectionDate, int? RegisteredPlaces);

public sealed record VacancyRequest(
    Guid? SettingId, Guid? LotId, int? Places, int? AgeMin, int? AgeMax, List<Gender>? Genders, List<Need>? NeedsMet,
    decimal? WeeklyPrice, DateOnly? AvailableFrom);

/// <summary>
/// A setting as its reader may see it: <paramref name="Postcode"/> is the district and the coordinates are left out
/// unless the reader may see the full address (<see cref="AddressDisclosure"/>).
/// </summary>
public sealed record SettingView(
    Guid Id, Guid ProviderId, string Name, string OfstedUrn, string Postcode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Latitude,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Longitude,
    OfstedGrade OfstedGrade, DateOnly? LastInspectionDate, int RegisteredPlaces, bool Closed)
{
    /// <summary>True when <see cref="Postcode"/> holds only the district.</summary>
    public bool PostcodeIsDistrict { get; init; }
    public SettingReviewStatus ReviewStatus { get; init; }
    public string? ReviewReason { get; init; }
    /// <summary>False while the grade shown is the provider's declaration, not yet confirmed by Ofsted's register.</summary>
    public bool OfstedGradeConfirmed { get; init; } = true;
    public OfstedGrade? DeclaredOfstedGrade { get; init; }
}

/// <summary>A setting waiting for, or given, a platform admin's decision on its URN claim.</summary>
public sealed record SettingReviewView(
    Guid Id, Guid ProviderId, string ProviderName, string Name, string OfstedUrn, string District, SettingReviewStatus ReviewStatus,
    string? ReviewReason, DateTime CreatedAt, DateTime? ReviewedAt, string? RegisterSettingName, string? RegisterOwnerName,
    IReadOnlyList<string> OtherClaimants);

public enum SettingReviewDecision
{
    Approve,
    Reject,
}

public sealed record SettingReviewRequest(SettingReviewDecision? Decision, string? Reason);

public sealed record VacancyView(
    Guid Id, Guid SettingId, string SettingName, Guid ProviderId, string ProviderName, Guid LotId, string LotName, int Places,
    int AgeMin, int AgeMax, IReadOnlyList<Gender> Genders, IReadOnlyList<Need> NeedsMet, decimal WeeklyPrice, DateOnly AvailableFrom,
    VacancyStatus Status, string Area, OfstedGrade OfstedGrade)
{
    /// <summary>Of <see cref="Places"/>, those held while a placement manager decides on an offer.</summary>
    public int PlacesHeld { get; init; }
}

public sealed record VacancyFilter(Guid? LotId = null, string? Area = null, Need? Need = null, OfstedGrade? Grade = null, VacancyStatus? Status = null);

public sealed record InviteColleagueRequest(string? Email, string? DisplayName);

public sealed record TeamMember(Guid Id, string DisplayName, string Email, bool IsOrganisationAdmin, DateTime? LastSignedInAt);

public sealed record ProviderProfile(
    Guid Id, string Name, ProviderType Type, string RegistrationNumber, string ContactEmail, string? GroupName, string? GroupCompanyNumber,
    DateTime RegisteredAt);

public sealed record VerificationStatus(
    bool Verified, DateTime? VerifiedAt, ProviderVerificationMethod? VerifiedBy, string ContactEmail, bool ContactEmailConfirmed,
    string UserEmail, bool UserEmailConfirmed);

public sealed record UnverifiedProvider(Guid Id, string Name, string RegistrationNumber, string ContactEmail, string? FirstUserEmail, DateTime RegisteredAt);

public sealed record ConfirmedEmail(string Email, bool ProviderVerified);

public sealed record ProviderVerified(Guid Id, DateTime VerifiedAt, ProviderVerificationMethod VerifiedBy);
