namespace PlacementBroker.Core.Matching;

/// <summary>Great-circle distance in miles, as DfE's looked-after statistics measure "distance from home".</summary>
public static class Distance
{
    private const double EarthRadiusMiles = 3958.8;

    public static double Miles(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>A latitude/longitude box that holds every point within the radius: a cheap, indexable pre-filter.</summary>
    public static (double MinLat, double MaxLat, double MinLon, double MaxLon) BoundingBox(double lat, double lon, double miles)
    {
        var dLat = miles / 69.0;
        var dLon = miles / (69.172 * Math.Max(0.01, Math.Cos(lat * Math.PI / 180)));
        return (lat - dLat, lat + dLat, lon - dLon, lon + dLon);
    }
}
