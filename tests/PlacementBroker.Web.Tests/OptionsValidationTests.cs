using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests;

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
}
