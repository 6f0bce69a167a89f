using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Hosting;

public class OptionsValidationTests
{
    [Fact]
    public void NestedSettings_Defaults_AreValid() =>
        Assert.True(PlacementBrokerOptions.NestedSettingsAreValid(new PlacementBrokerOptions()));

    [Fact]
    public void NestedSettings_OutOfRange_AreRefused()
    {
        var options = new PlacementBrokerOptions();
        options.SignInProtection.MaxFailedAttemptsPerAccount = 0;

        Assert.False(PlacementBrokerOptions.NestedSettingsAreValid(options));
    }

    [Fact]
    public void NestedSettings_TokenLifetimeOfAWeek_IsRefused()
    {
        var options = new PlacementBrokerOptions();
        options.Jwt.LifetimeMinutes = 7 * 24 * 60;

        Assert.False(PlacementBrokerOptions.NestedSettingsAreValid(options));
    }

    [Theory]
    [InlineData("Production", null)]
    [InlineData("Production", "http://placements.example.gov.uk")]
    [InlineData("Production", "placements.example.gov.uk")]
    [InlineData("Production", "https://placements.example.gov.uk/?next=1")]
    [InlineData("Development", "localhost:5080")]
    public void PublicBaseUrl_MissingOrNotHttpsOutsideDevelopment_IsRefused(string environment, string? url) =>
        Assert.True(ValidatePublicBaseUrl(environment, url).Failed);

    [Theory]
    [InlineData("Production", "https://placements.example.gov.uk")]
    [InlineData("Production", "https://council.example.gov.uk/placements/")]
    [InlineData("Development", "http://localhost:5080")]
    public void PublicBaseUrl_HttpsOrLocalHttpInDevelopment_IsAccepted(string environment, string url) =>
        Assert.True(ValidatePublicBaseUrl(environment, url).Succeeded);

    [Fact]
    public void AbsoluteSessionHours_DefaultTwelve_AndZeroIsRefused()
    {
        var options = new PlacementBrokerOptions();
        Assert.Equal(12, options.Auth.AbsoluteSessionHours);
        options.Auth.AbsoluteSessionHours = 0;

        Assert.False(PlacementBrokerOptions.NestedSettingsAreValid(options));
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult ValidatePublicBaseUrl(string environment, string? url) =>
        new PublicBaseUrlValidator(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment })
            .Validate(null, new PlacementBrokerOptions { PublicBaseUrl = url });
}
