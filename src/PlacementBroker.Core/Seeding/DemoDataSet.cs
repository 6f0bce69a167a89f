namespace PlacementBroker.Core.Seeding;

// The shape of seed/demo.json. Dates are relative to the day the data is loaded so the demo always looks current.
public sealed record DemoDataSet(
    List<DemoLocalAuthority> LocalAuthorities,
    List<DemoUser> Users,
    List<DemoProviderGroup> ProviderGroups,
    List<DemoDps> Dps,
    List<DemoProvider> Providers);

public sealed record DemoLocalAuthority(string Key, string Name, string Code);

public sealed record DemoUser(string Email, string DisplayName, Role Role, string? LocalAuthority, string? Provider);

public sealed record DemoProviderGroup(string Key, string Name, string? CompanyNumber);

public sealed record DemoDps(
    string Key, string Name, string Lead, List<string> Participants, Dps.DpsRegime Regime, int DecisionPeriodDays, List<DemoLot> Lots);

public sealed record DemoLot(
    string Key, string Name, PlacementType PlacementType, decimal? BenchmarkWeeklyPrice, decimal? BandLower, decimal? BandUpper,
    List<DemoQuestion> Questions);

public sealed record DemoQuestion(string Id, string Text, string? Guidance);

public sealed record DemoProvider(
    string Key, string Name, ProviderType Type, string RegistrationNumber, string ContactEmail, string? Group,
    List<DemoSetting> Settings, List<DemoApplication> Applications, List<DemoVacancy> Vacancies);

public sealed record DemoSetting(
    string Key, string Name, string OfstedUrn, string Postcode, double? Latitude, double? Longitude, OfstedGrade OfstedGrade,
    DateOnly? LastInspectionDate, int RegisteredPlaces);

public sealed record DemoApplication(
    string Dps, string Lot, Dps.ApplicationStatus Status, int SubmittedWorkingDaysAgo, string? DecisionReason, string? EvidenceReference);

public sealed record DemoVacancy(
    string Setting, string Dps, string Lot, int Places, int AgeMin, int AgeMax, List<Gender> Genders, List<Need> NeedsMet,
    decimal WeeklyPrice, int AvailableFromDaysFromNow);
