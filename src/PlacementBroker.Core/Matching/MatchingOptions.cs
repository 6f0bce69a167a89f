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

    /// <summary>
    /// How long a lot's accepted spot prices (two years of them, the quartiles offers are judged against) are reused in
    /// ranking, in seconds; 0 reads them every time. A placement this node makes forgets its lot's at once.
    /// </summary>
    public int AcceptedPriceSeconds { get; set; } = DefaultAcceptedPriceSeconds;

    public const int DefaultAcceptedPriceSeconds = 60;
}
