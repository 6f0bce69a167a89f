using System.Globalization;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Referrals;
using PlacementBroker.Web.Pages;
using PlacementBroker.Web.TagHelpers;

namespace PlacementBroker.Web.Tests.Pages;

/// <summary>The one reader of typed form values: en-GB whatever the server's culture, and never a value that is not one.</summary>
public class FormValuesTests
{
    [Theory]
    [InlineData("£5,200.50", 5200.50)]
    [InlineData("5200", 5200)]
    [InlineData(" £ 5,200 ", 5200)]
    [InlineData("5200.5", 5200.5)]
    [InlineData("-10", -10)]
    public void Money_ReadsPoundsAsTyped(string text, double expected)
    {
        Assert.True(FormValues.TryMoney(text, out var amount));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("5.200,50")]
    [InlineData("five pounds")]
    [InlineData("$5200")]
    [InlineData("5200 50")]
    [InlineData("1e3")]
    public void Money_RefusesWhatIsNotPounds(string text) => Assert.False(FormValues.TryMoney(text, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_IsNoValueAndNoError(string? text)
    {
        Assert.True(FormValues.TryMoney(text, out var money));
        Assert.True(FormValues.TryWholeNumber(text, out var number));
        Assert.True(FormValues.TryMiles(text, out var miles));
        Assert.True(FormValues.TryChoice<Urgency>(text, out var urgency));
        Assert.Null(money);
        Assert.Null(number);
        Assert.Null(miles);
        Assert.Null(urgency);
    }

    [Theory]
    [InlineData("4", 4)]
    [InlineData(" 1,250 ", 1250)]
    [InlineData("-3", -3)]
    public void WholeNumber_ReadsWholeNumbers(string text, int expected)
    {
        Assert.True(FormValues.TryWholeNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("two")]
    [InlineData("99999999999")]
    public void WholeNumber_RefusesTheRest(string text) => Assert.False(FormValues.TryWholeNumber(text, out _));

    [Theory]
    [InlineData("20", 20)]
    [InlineData("12.5 miles", 12.5)]
    [InlineData("1,200 Miles", 1200)]
    public void Miles_ReadsADistance(string text, double expected)
    {
        Assert.True(FormValues.TryMiles(text, out var miles));
        Assert.Equal(expected, miles);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("far")]
    [InlineData("Infinity")]
    public void Miles_RefusesWhatIsNotADistance(string text) => Assert.False(FormValues.TryMiles(text, out _));

    [Fact]
    public void Choice_ReadsADefinedName()
    {
        Assert.True(FormValues.TryChoice<PlacementEndReason>("PlannedMove", out var reason));
        Assert.Equal(PlacementEndReason.PlannedMove, reason);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("Bogus")]
    [InlineData("plannedmove")]
    [InlineData("PlannedMove,Disruption")]
    public void Choice_RefusesNumbersAndUndefinedNames(string text)
    {
        Assert.False(FormValues.TryChoice<PlacementEndReason>(text, out var reason));
        Assert.Null(reason);
        Assert.Null(FormValues.Choice<PlacementEndReason>(text));
    }

    [Fact]
    public void FormOverloads_RecordThePagesMessageAtTheField()
    {
        var errors = new Dictionary<string, string>();

        var price = FormValues.Money("lots", "Enter the weekly price in pounds", errors, "Input.WeeklyPrice");
        var reason = FormValues.Choice<PlacementEndReason>("99", "Select why the placement ended", errors, "Input.Reason");
        var places = FormValues.WholeNumber("3", "Places must be a whole number", errors, "Input.Places");

        Assert.Null(price);
        Assert.Null(reason);
        Assert.Equal(3, places);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Input.WeeklyPrice"] = "Enter the weekly price in pounds",
            ["Input.Reason"] = "Select why the placement ended",
        }, errors);
    }

    [Fact]
    public void Date_ReadsTheGovukFieldsWithTheirMessages()
    {
        var errors = new Dictionary<string, string>();

        var good = FormValues.Date(new DateInputValue { Day = "5", Month = "March", Year = "2026" }, "The start date", errors, "Input.StartDate");
        var bad = FormValues.Date(new DateInputValue { Day = "31", Month = "2", Year = "2026" }, "The end date", errors, "Input.EndDate");

        Assert.Equal(new DateOnly(2026, 3, 5), good);
        Assert.Null(bad);
        Assert.Equal("The end date must be a real date", errors["Input.EndDate"]);
        Assert.False(errors.ContainsKey("Input.StartDate"));
    }

    [Fact]
    public void EveryValue_IsReadTheSameWhateverTheServersCulture()
    {
        var inEnglish = ReadAll();
        var before = CultureInfo.CurrentCulture;
        var beforeUi = CultureInfo.CurrentUICulture;
        try
        {
            // In French "," is the decimal point and "." (or a space) groups thousands: none of that may leak in.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            var inFrench = ReadAll();

            Assert.Equal(inEnglish, inFrench);
            Assert.Equal((5200.50m, 1250, 12.5, 53.8008, new DateOnly(2026, 3, 5), "5200.5"), inFrench);
            Assert.False(FormValues.TryMoney("5.200,50", out _));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }

    private static (decimal?, int?, double?, double?, DateOnly?, string) ReadAll()
    {
        FormValues.TryMoney("£5,200.50", out var money);
        FormValues.TryWholeNumber("1,250", out var number);
        FormValues.TryMiles("12.5 miles", out var miles);
        FormValues.TryNumber("53.8008", out var latitude);
        FormValues.TryDate(new DateInputValue { Day = "5", Month = "Mar", Year = "2026" }, "The date", out var date, out _);
        return (money, number, miles, latitude, date, FormValues.MoneyText(5200.50m));
    }
}
