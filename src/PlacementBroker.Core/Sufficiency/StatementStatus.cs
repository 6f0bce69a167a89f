namespace PlacementBroker.Core.Sufficiency;

public enum StatementStatus
{
    Draft,
    Published,
}
