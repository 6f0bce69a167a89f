namespace PlacementBroker.Core.Providers;

/// <summary>An Ofsted-registered place: a children's home, an agency registration, a supported accommodation service.</summary>
public class Setting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProviderId { get; set; }
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
    public DateTime CreatedAt { get; set; }
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
