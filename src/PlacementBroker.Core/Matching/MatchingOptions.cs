namespace PlacementBroker.Core.Matching;

/// <summary>How matching bounds its work.</summary>
public class MatchingOptions
{
    public const string Section = "PlacementBroker:Matching";
    public const int DefaultCandidateLimit = 5000;

    /// <summary>The most vacancies one referral's potential matches are chosen from, nearest first.</summary>
    public int CandidateLimit { get; set; } = DefaultCandidateLimit;

    /// <summary>How long a provider's track record (response rate, placement stability) is reused in ranking, in seconds; 0 reads it every time.</summary>
    public int TrackRecordSeconds { get; set; } = DefaultTrackRecordSeconds;

    public const int DefaultTrackRecordSeconds = 300;
}
