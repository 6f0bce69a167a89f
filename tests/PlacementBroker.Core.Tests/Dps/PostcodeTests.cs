using PlacementBroker.Core.Providers;

namespace PlacementBroker.Core.Tests.Dps;

public class PostcodeTests
{
    [Theory]
    [InlineData("ls62ab", "LS6 2AB")]
    [InlineData(" LS6  2AB ", "LS6 2AB")]
    [InlineData("sw1a1aa", "SW1A 1AA")]
    [InlineData("M1 1AE", "M1 1AE")]
    [InlineData("not a postcode", null)]
    [InlineData("LS6", null)]
    [InlineData("", null)]
    public void Normalise_FormatsOrRefuses(string input, string? expected) => Assert.Equal(expected, Postcode.Normalise(input));

    [Theory]
    [InlineData("LS6 2AB", "LS6")]
    [InlineData("SW1A 1AA", "SW1A")]
    [InlineData("bd7", "BD7")]
    [InlineData("rubbish", null)]
    public void District_IsTheOutwardCode(string input, string? expected) => Assert.Equal(expected, Postcode.District(input));

    [Theory]
    [InlineData("SC123456", "SC123456")]
    [InlineData("sc 123456", "SC123456")]
    [InlineData("2123456", "2123456")]
    [InlineData("SC12345", null)]
    [InlineData("XX123456", null)]
    public void OfstedUrn_AcceptsChildrensSocialCareUrns(string input, string? expected) => Assert.Equal(expected, OfstedUrn.Normalise(input));
}
