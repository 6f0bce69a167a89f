namespace PlacementBroker.Core.Dps;

/// <summary>Per-DPS multipliers of each ranking criterion's points; 1 is the default, 0 turns a criterion off.</summary>
public class RankingWeightSettings
{
    public double Needs { get; set; } = 1;
    public double OfstedGrade { get; set; } = 1;
    public double Price { get; set; } = 1;
    public double Distance { get; set; } = 1;
    public double QaStatus { get; set; } = 1;
    public double TrackRecord { get; set; } = 1;

    public Matching.RankingWeights ToWeights() => new(Needs, OfstedGrade, Price, Distance, QaStatus, TrackRecord);
}
