namespace PlacementBroker.Core.Quality;

/// <summary>One entry in a setting's Ofsted history: each change of grade or inspection date, from an import or by hand.</summary>
public class SettingInspection
{
    public long Id { get; set; }
    public Guid SettingId { get; set; }
    public OfstedGrade Grade { get; set; }
    public DateOnly? InspectionDate { get; set; }
    public OfstedGrade? PreviousGrade { get; set; }
    public required string Source { get; set; }
    public DateTime RecordedAt { get; set; }
}
