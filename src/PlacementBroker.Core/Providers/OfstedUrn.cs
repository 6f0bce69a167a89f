using System.Text.RegularExpressions;

namespace PlacementBroker.Core.Providers;

public static partial class OfstedUrn
{
    /// <summary>Children's social care URNs: "SC" and six digits, or the newer seven-digit numbers (and six for older agencies).</summary>
    public static string? Normalise(string? value)
    {
        var compact = value?.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        return compact is not null && Pattern().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex("^(SC[0-9]{6}|[0-9]{6,7})$")]
    private static partial Regex Pattern();
}
