namespace PlacementBroker.Core.Providers;

/// <summary>One row of Ofsted's register as last imported, whether or not the setting is on the platform.</summary>
public class OfstedRegisterEntry
{
    public required string Urn { get; set; }
    public string? SettingName { get; set; }
    public string? OwnerName { get; set; }
    public OfstedGrade? Grade { get; set; }
    public DateOnly? InspectionDate { get; set; }
    public bool Closed { get; set; }
    public DateTime ImportedAt { get; set; }
}
