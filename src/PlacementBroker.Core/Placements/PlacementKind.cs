namespace PlacementBroker.Core.Placements;

public enum PlacementKind
{
    /// <summary>Individually purchased at the offered weekly price.</summary>
    Spot,
    /// <summary>A place inside a block contract the authority has already bought.</summary>
    Block,
}
