namespace PlacementBroker.Core.Data;

/// <summary>
/// How long text columns are. A column whose name says what it holds (<c>Name</c>, <c>ContactEmail</c>,
/// <c>HomePostcode</c>…) takes its length from <see cref="ByNameEnding"/> unless its configuration sets one
/// (<see cref="Conventions.TextLengthByNameConvention"/>); free text takes one of the two tiers, which the services check
/// as well; any other length belongs to its column and is written in its entity's configuration.
/// </summary>
public static class TextLengths
{
    /// <summary>Free text a person writes at length: a reason, an answer, a description, notes, a summary.</summary>
    public const int LongText = 4000;

    /// <summary>Shorter free text: guidance, a detail, evidence references; and an error message kept for a retry.</summary>
    public const int Paragraph = 2000;

    /// <summary>A text column of ours whose name ends so, and whose configuration sets no length, is this long.</summary>
    public static readonly IReadOnlyList<(string NameEnding, int MaxLength)> ByNameEnding =
    [
        ("Name", 200), // an organisation, a setting, a DPS or lot; a person's display name
        ("Email", 256), // an email address (Identity's length for a user's)
        ("Postcode", 10), // a UK postcode, with its space
        ("Urn", 20), // an Ofsted unique reference number
        ("Number", 20), // a registration or company number
        ("Hash", 64), // a SHA-256 hash in hex
    ];
}
