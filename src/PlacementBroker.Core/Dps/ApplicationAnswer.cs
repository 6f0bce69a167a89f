namespace PlacementBroker.Core.Dps;

public class ApplicationAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    public required string QuestionKey { get; set; }
    public required string Answer { get; set; }
    public string? EvidenceReference { get; set; }
}
