namespace PlacementBroker.Core.Providers;

/// <summary>A corporate group that owns several providers (for financial oversight of the large groups).</summary>
public class ProviderGroup
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? CompanyNumber { get; set; }
}

/// <summary>An independent fostering agency, children's home group, supported accommodation or school provider.</summary>
public class Provider
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public ProviderType Type { get; set; }
    /// <summary>Companies House or Charity Commission number.</summary>
    public required string RegistrationNumber { get; set; }
    public required string ContactEmail { get; set; }
    public Guid? GroupId { get; set; }
    public ProviderGroup? Group { get; set; }
    public required DateTime RegisteredAt { get; init; }
    /// <summary>Alert live for every referral received, not only those that fit the provider's vacancies. The inbox always holds all.</summary>
    public bool AlertForEveryReferral { get; set; }
    /// <summary>The provider's Stripe connected account, created the first time it is invoiced for.</summary>
    public string? StripeAccountId { get; set; }
    /// <summary>
    /// When the organisation was verified: its first user confirmed their email address, or a platform admin vouched for it.
    /// Until then it may set itself up but may not apply to a lot, receive referrals or read councils' data.
    /// </summary>
    public DateTime? VerifiedAt { get; set; }
    public ProviderVerificationMethod? VerifiedBy { get; set; }
    /// <summary>The platform admin who verified the organisation, or the first user who confirmed their address.</summary>
    public Guid? VerifiedByUserId { get; set; }
    /// <summary>When <see cref="ContactEmail"/> was confirmed by the link sent to it; until then nothing is delivered to it.</summary>
    public DateTime? ContactEmailConfirmedAt { get; set; }
    public List<Setting> Settings { get; set; } = [];
}

public enum ProviderVerificationMethod
{
    /// <summary>The organisation's first user confirmed their email address by the emailed link.</summary>
    EmailConfirmed,
    /// <summary>A platform admin verified the organisation.</summary>
    ByPlatformAdmin,
    /// <summary>The organisation was live before verification was introduced, or was created by a platform admin or the demo seed.</summary>
    Existing,
}

/// <summary>An Ofsted-registered place: a children's home, an agency registration, a supported accommodation service.</summary>
public class Setting
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ProviderId { get; init; }
    public Provider? Provider { get; set; }
    public required string Name { get; set; }
    public required string OfstedUrn { get; set; }
    public required string Postcode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public OfstedGrade OfstedGrade { get; set; }
    public DateOnly? LastInspectionDate { get; set; }
    public int RegisteredPlaces { get; set; }
    /// <summary>From Ofsted's register when imported, else from the postcode area (<see cref="Regions"/>); null outside England.</summary>
    public EnglishRegion? Region { get; set; }
    public required DateTime CreatedAt { get; init; }
    /// <summary>Set when Ofsted shows the registration closed or cancelled: no new vacancies.</summary>
    public DateTime? ClosedAt { get; set; }
    /// <summary>
    /// Rewritten by every change that takes or holds a place here, inside that change's transaction: the row lock it takes
    /// makes the check of registered places and the booking one step, so two bookings in two lots cannot both take the last bed.
    /// </summary>
    public Guid CapacityVersion { get; set; } = Guid.NewGuid();
    /// <summary>
    /// Approved unless the URN is claimed by another provider's setting or disagrees with Ofsted's register: then a platform
    /// admin decides. Only approved settings publish vacancies, are matched and are booked.
    /// </summary>
    public SettingReviewStatus ReviewStatus { get; set; }
    /// <summary>Why the setting was held for review, then the platform admin's reason when rejected.</summary>
    public string? ReviewReason { get; set; }
    public DateTime? ReviewedAt { get; set; }
    /// <summary>
    /// The grade the provider declared when Ofsted's register does not confirm it (the register has no grade for the URN,
    /// or a worse one); null once confirmed. <see cref="OfstedGrade"/> is the register's grade where it has one.
    /// </summary>
    public OfstedGrade? DeclaredOfstedGrade { get; set; }
}

public enum SettingReviewStatus
{
    Approved,
    AwaitingReview,
    Rejected,
}

/// <summary>One row of Ofsted's register as last imported, whether or not the setting is on the platform.</summary>
public class OfstedRegisterEntry
{
    public required string Urn { get; init; }
    public string? SettingName { get; set; }
    public string? OwnerName { get; set; }
    public OfstedGrade? Grade { get; set; }
    public DateOnly? InspectionDate { get; set; }
    public bool Closed { get; set; }
    public DateTime ImportedAt { get; set; }
}

public enum VacancyStatus
{
    Open,
    Held,
    Filled,
    Withdrawn,
}

/// <summary>Capacity a provider publishes in a lot.</summary>
public class Vacancy
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SettingId { get; set; }
    public Setting? Setting { get; set; }
    public required Guid ProviderId { get; init; }
    public Guid LotId { get; set; }
    /// <summary>Places still on offer here: taken places leave it, ended placements give theirs back.</summary>
    public int Places { get; set; }
    /// <summary>Of <see cref="Places"/>, those held while a manager decides on an offer (the places the referral needs, no more).</summary>
    public int PlacesHeld { get; set; }
    public int AgeMin { get; set; }
    public int AgeMax { get; set; }
    public List<Gender> Genders { get; set; } = [];
    public List<Need> NeedsMet { get; set; } = [];
    public decimal WeeklyPrice { get; set; }
    public DateOnly AvailableFrom { get; set; }
    public VacancyStatus Status { get; set; }
    public required DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: a held or filled place cannot be edited from a stale form.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
