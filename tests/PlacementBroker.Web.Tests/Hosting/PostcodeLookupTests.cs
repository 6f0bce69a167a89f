using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PlacementBroker.Core.Providers;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Hosting;

/// <summary>The postcode look-up ships with the product: with no configuration at all, real postcodes are located.</summary>
public class PostcodeLookupTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task DefaultOptions_LocateLs12AtItsDistrictCentre()
    {
        var geocoder = new PostcodeDistrictGeocoder(new GeocodingOptions(), NullLogger<PostcodeDistrictGeocoder>.Instance);

        var located = await geocoder.LocateAsync("LS12 3AB");

        Assert.NotNull(located);
        Assert.Equal(53.79, located.Value.Latitude, 0.01);
        Assert.Equal(-1.60, located.Value.Longitude, 0.01);
    }

    [Fact]
    public async Task TheHost_WithNothingConfigured_LocatesPostcodesAcrossTheUk()
    {
        Assert.Null(app.Services.GetRequiredService<IConfiguration>()[$"{GeocodingOptions.Section}:PostcodeDistrictsFile"]);
        var geocoder = app.Services.GetRequiredService<IGeocoder>();

        foreach (var postcode in new[] { "LS12 3AB", "ls12 3ab", "EH1 1YZ", "CF10 1EP", "BT1 5GS", "TR18 4AA", "SW1A 1AA" })
        {
            Assert.True(await geocoder.LocateAsync(postcode) is not null, $"{postcode} was not located");
        }
    }

    [Theory]
    [InlineData("WF90 1AA")] // non-geographic: at 0,0 in the table
    [InlineData("ZZ9 9ZZ")]
    public async Task ADistrictWithNoPlace_IsUnknown(string postcode)
    {
        var geocoder = app.Services.GetRequiredService<IGeocoder>();

        Assert.Null(await geocoder.LocateAsync(postcode));
    }

    [Fact]
    public async Task EverySettingOfTheDemoData_IsLocatedFromItsPostcode()
    {
        var geocoder = app.Services.GetRequiredService<IGeocoder>();
        using var demo = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed", "demo.json")));
        var postcodes = demo.RootElement.GetProperty("providers").EnumerateArray()
            .SelectMany(p => p.GetProperty("settings").EnumerateArray()).Select(s => s.GetProperty("postcode").GetString()!).Distinct().ToList();
        Assert.NotEmpty(postcodes);

        var missing = new List<string>();
        foreach (var postcode in postcodes)
        {
            if (await geocoder.LocateAsync(postcode) is null)
            {
                missing.Add(postcode);
            }
        }

        Assert.Empty(missing);
    }
}
