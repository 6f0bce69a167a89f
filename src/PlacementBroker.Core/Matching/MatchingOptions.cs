namespace PlacementBroker.Core.Matching;

/// <summary>How matching bounds its work.</summary>
public class MatchingOptions
{
    public const string Section = "PlacementBroker:Matching";
    public const int DefaultCandidateLimit = 5000;

    /// <summary>The most vacancies one referral's potential matches are chosen from, nearest first.</summary>
    public int CandidateLimit { get; set; } = DefaultCandidateLimit;
}
