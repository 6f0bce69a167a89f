using PlacementBroker.Core.Identity;

namespace PlacementBroker.Core.Tests.Identity;

public class ValidationTests
{
    [Theory]
    [InlineData("officer@leeds.gov.uk", true)]
    [InlineData("first.last+referrals@provider.co.uk", true)]
    [InlineData("no-at-sign.example.com", false)]
    [InlineData("two@@example.com", false)]
    [InlineData("spaces in@example.com", false)]
    [InlineData("@example.com", false)]
    [InlineData("name@localhost", false)]
    [InlineData("name@example.", false)]
    public void EmailAddress_IsValid_AcceptsOnlyPlausibleAddresses(string email, bool valid) =>
        Assert.Equal(valid, EmailAddress.IsValid(email));

    [Fact]
    public void FieldErrors_CollectsMessagesPerField()
    {
        var errors = new FieldErrors()
            .Required("name", " ", "Enter a name")
            .Email("email", "nope")
            .Required("code", "LDS", "Enter a code");

        var dictionary = errors.ToDictionary();

        Assert.Equal(["Enter a name"], dictionary["name"]);
        Assert.Single(dictionary["email"]);
        Assert.False(dictionary.ContainsKey("code"));
        Assert.Equal("Enter a name", errors.FirstMessage);
    }

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData(53.8, -1.55, null, null)]
    [InlineData(53.8, null, "lon", "Enter both latitude and longitude, or neither")]
    [InlineData(null, -1.55, "lat", "Enter both latitude and longitude, or neither")]
    [InlineData(48.9, -1.55, "lat", "The home's coordinates must be in the United Kingdom")]
    [InlineData(53.8, 2.35, "lat", "The home's coordinates must be in the United Kingdom")]
    [InlineData(61.0, -1.55, "lat", "The home's coordinates must be in the United Kingdom")]
    [InlineData(53.8, -8.8, "lat", "The home's coordinates must be in the United Kingdom")]
    public void FieldErrors_Coordinates_AreBothOrNeitherAndInTheUnitedKingdom(double? lat, double? lon, string? field, string? message)
    {
        var errors = new FieldErrors().Coordinates("lat", "lon", lat, lon, "The home's coordinates").ToDictionary();

        if (field is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal([message!], Assert.Single(errors, e => e.Key == field).Value);
        }
    }

    [Theory]
    [InlineData(" 0123 4567 ", "01234567")]
    [InlineData("sc123456", "SC123456")]
    [InlineData(null, null)]
    public void NormaliseRegistrationNumber_RemovesSpacesAndUppercases(string? input, string? expected) =>
        Assert.Equal(expected, IdentityAdministration.NormaliseRegistrationNumber(input));
}
