namespace PlacementBroker.Core.Providers;

public sealed record AddSettingRequest(
    string? Name, string? OfstedUrn, string? Postcode, double? Latitude, double? Longitude, OfstedGrade? OfstedGrade,
    DateOnly? LastInspectionDate, int? RegisteredPlaces);

public sealed record VacancyRequest(
    Guid? SettingId, Guid? LotId, int? Places, int? AgeMin, int? AgeMax, List<Gender>? Genders, List<Need>? NeedsMet,
    decimal? WeeklyPrice, DateOnly? AvailableFrom);

public sealed record SettingView(
    Guid Id, Guid ProviderId, string Name, string OfstedUrn, string Postcode, double? Latitude, double? Longitude,
    OfstedGrade OfstedGrade, DateOnly? LastInspectionDate, int RegisteredPlaces, bool Closed);

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
