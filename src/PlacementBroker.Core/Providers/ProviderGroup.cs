namespace PlacementBroker.Core.Providers;

/// <summary>A corporate group that owns several providers (for financial oversight of the large groups).</summary>
public class ProviderGroup
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? CompanyNumber { get; set; }
}
