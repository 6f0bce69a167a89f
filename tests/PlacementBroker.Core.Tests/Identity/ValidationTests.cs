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
    [InlineData(" 0123 4567 ", "01234567")]
    [InlineData("sc123456", "SC123456")]
    [InlineData(null, null)]
    public void NormaliseRegistrationNumber_RemovesSpacesAndUppercases(string? input, string? expected) =>
        Assert.Equal(expected, IdentityAdministration.NormaliseRegistrationNumber(input));
}
