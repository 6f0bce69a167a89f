using System.Text.RegularExpressions;

namespace PlacementBroker.Core.Providers;

/// <summary>UK postcodes: normalised to "LS6 2AB", with the district ("LS6") that providers' referrals show as the area.</summary>
public static partial class Postcode
{
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (!FullPattern().IsMatch(compact))
        {
            return null;
        }
        return $"{compact[..^3]} {compact[^3..]}";
    }

    /// <summary>The outward code of a full postcode, or a district given on its own ("LS6").</summary>
    public static string? District(string? value)
    {
        if (Normalise(value) is { } full)
        {
            return full[..full.IndexOf(' ')];
        }
        var compact = value?.Trim().ToUpperInvariant();
        return compact is not null && DistrictPattern().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex FullPattern();

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?$")]
    private static partial Regex DistrictPattern();
}
