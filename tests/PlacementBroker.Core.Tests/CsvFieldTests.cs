namespace PlacementBroker.Core.Tests;

public class CsvFieldTests
{
    [Theory]
    [InlineData("Pennine Care Homes Ltd", "Pennine Care Homes Ltd")]
    [InlineData("Accepted weekly price, median", "\"Accepted weekly price, median\"")]
    [InlineData("The \"Oaks\"", "\"The \"\"Oaks\"\"\"")]
    [InlineData("-7200", "-7200")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+44 113", "\"'+44 113\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Of_QuotesWhatNeedsItAndDisarmsFormulas(string? value, string expected) => Assert.Equal(expected, CsvField.Of(value));
}
