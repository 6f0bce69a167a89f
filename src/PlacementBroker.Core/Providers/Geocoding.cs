using System.Globalization;
using Microsoft.Extensions.Logging;

namespace PlacementBroker.Core.Providers;

public readonly record struct Coordinates(double Latitude, double Longitude);

/// <summary>Where a postcode is. Pluggable: operators supply the look-up; coordinates given directly always win.</summary>
public interface IGeocoder
{
    Task<Coordinates?> LocateAsync(string postcode, CancellationToken ct = default);
}

public class GeocodingOptions
{
    public const string Section = "PlacementBroker:Geocoding";

    /// <summary>The table of every UK postcode district's centre that ships with the product (see NOTICE.md for its licence).</summary>
    public const string ShippedPostcodeDistricts = "seed/uk-postcode-districts.csv";

    /// <summary>
    /// A CSV of postcode-district centroids with the columns <c>postcode,latitude,longitude</c> (others ignored),
    /// such as one derived from OS Code-Point Open. Rows at 0,0 are treated as unknown. By default the shipped national table.
    /// </summary>
    public string? PostcodeDistrictsFile { get; set; } = ShippedPostcodeDistricts;
}

/// <summary>Locates a postcode at the centre of its district, from the shipped national table or the operator's own file. Accurate to a mile or two, which is what matching needs.</summary>
public class PostcodeDistrictGeocoder(GeocodingOptions options, ILogger<PostcodeDistrictGeocoder> logger) : IGeocoder
{
    private readonly Lazy<Dictionary<string, Coordinates>> _districts = new(() => Load(options.PostcodeDistrictsFile, logger));

    public Task<Coordinates?> LocateAsync(string postcode, CancellationToken ct = default)
    {
        var district = Postcode.District(postcode);
        return Task.FromResult(district is not null && _districts.Value.TryGetValue(district, out var c) ? c : (Coordinates?)null);
    }

    private static Dictionary<string, Coordinates> Load(string? path, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(path) && !Path.IsPathRooted(path))
        {
            // Relative to the application, where seed/ is copied.
            path = Path.Combine(AppContext.BaseDirectory, path);
        }
        var districts = new Dictionary<string, Coordinates>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            logger.LogWarning("No postcode district file is configured ({Path}): postcodes cannot be located.", path);
            return districts;
        }
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList() ?? [];
        int postcode = header.IndexOf("postcode"), latitude = header.IndexOf("latitude"), longitude = header.IndexOf("longitude");
        if (postcode < 0 || latitude < 0 || longitude < 0)
        {
            throw new InvalidOperationException($"{path} needs the columns postcode, latitude and longitude.");
        }
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            if (cells.Length <= Math.Max(postcode, Math.Max(latitude, longitude))
                || !double.TryParse(cells[latitude], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(cells[longitude], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || (lat == 0 && lon == 0))
            {
                continue;
            }
            districts[cells[postcode].Trim()] = new Coordinates(lat, lon);
        }
        logger.LogInformation("Loaded {Count} postcode districts from {Path}", districts.Count, path);
        return districts;
    }
}
