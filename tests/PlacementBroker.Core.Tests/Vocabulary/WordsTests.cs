using System.Reflection;
using System.Text.RegularExpressions;
using PlacementBroker.Core;
using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Referrals;
using PlacementBroker.Core.Vocabulary;

namespace PlacementBroker.Core.Tests.Vocabulary;

/// <summary>
/// Every value of every public enum in Core has one human wording, from <see cref="Words"/>: not empty, not its
/// PascalCase identifier, and no two values of an enum read the same.
/// </summary>
public class WordsTests
{
    /// <summary>Results of an operation, and the demo market's plans, that code reads and no person does.</summary>
    private static readonly Type[] NeverShown = [typeof(OutcomeKind), typeof(PaymentEventOutcome), typeof(Seeding.DemoAnswerKind)];

    public static TheoryData<Type> ShownEnums()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(Words).Assembly.GetExportedTypes().Where(t => t.IsEnum && !NeverShown.Contains(t)).OrderBy(t => t.FullName))
        {
            data.Add(type);
        }
        return data;
    }

    [Fact]
    public void TheEnumsPeopleRead_AreAllFound()
    {
        var shown = ShownEnums().Cast<object[]>().Select(row => (Type)row[0]).ToList();
        Assert.Contains(typeof(Need), shown);
        Assert.Contains(typeof(OfferStatus), shown);
        Assert.True(shown.Count >= 40, $"only {shown.Count} enums found");
    }

    [Theory]
    [MemberData(nameof(ShownEnums))]
    public void EveryValue_HasItsOwnHumanWording(Type type)
    {
        var typed = typeof(Words).GetMethod(nameof(Words.Name), BindingFlags.Public | BindingFlags.Static, [type]);
        Assert.True(typed is not null, $"Words has no Name({type.Name}): give its values their wording there");
        var names = new Dictionary<string, string>();
        foreach (Enum value in Enum.GetValues(type))
        {
            var identifier = value.ToString();
            var name = Words.Name(value);
            Assert.False(string.IsNullOrWhiteSpace(name), $"{type.Name}.{identifier} has no wording");
            // The dispatcher and the typed overload say the same thing.
            Assert.Equal(name, (string)typed!.Invoke(null, [value])!);
            if (Regex.IsMatch(identifier, "[a-z0-9][A-Z]"))
            {
                Assert.True(name != identifier, $"{type.Name}.{identifier} reads as its identifier");
            }
            Assert.True(name == name.Trim() && (char.IsUpper(name[0]) || char.IsDigit(name[0])), $"{type.Name}.{identifier} reads \"{name}\": a name starts with a capital");
            Assert.True(names.TryAdd(name, identifier), $"{type.Name}.{identifier} and {type.Name}.{names.GetValueOrDefault(name)} both read \"{name}\"");
        }
    }

    [Fact]
    public void AnUnknownValue_ReadsAsItsNumber_NotAsAnotherValuesWording() =>
        Assert.Equal("99", Words.Name((Need)99));

    [Theory]
    [InlineData(Need.EmotionalBehavioural, "emotional and behavioural")]
    [InlineData(Need.ChildSexualExploitation, "child sexual exploitation (CSE) risk")]
    [InlineData(Role.QaOfficer, "QA officer")]
    [InlineData(Urgency.Emergency, "emergency: same day")]
    [InlineData(OfferStatus.PendingApproval, "waiting for a manager's approval")]
    public void InSentence_LowersTheFirstLetter_ButNotAnAbbreviation(object value, string expected) =>
        Assert.Equal(expected, Words.InSentence((Enum)value));

    [Fact]
    public void InSentence_OfAList_JoinsWithCommas() =>
        Assert.Equal("autism, self-harm", Words.InSentence([Need.Autism, Need.SelfHarm]));

    [Fact]
    public void Dates_AreWrittenTheGovUkWay_InEnglandsTime()
    {
        Assert.Equal("23 November 2026", Words.Date(new DateOnly(2026, 11, 23)));
        // 23:30 UTC in June is 00:30 the next day in England.
        Assert.Equal("24 June 2026", Words.Date(new DateTime(2026, 6, 23, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("25 November 2026 at 5pm", Words.DateTime(new DateTime(2026, 11, 25, 17, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("1 July 2026 at 9:05am", Words.DateTime(new DateTime(2026, 7, 1, 8, 5, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void MissingDatesAndAmounts_ReadAsADash()
    {
        Assert.Equal("—", Words.Date((DateOnly?)null));
        Assert.Equal("—", Words.Date((DateTime?)null));
        Assert.Equal("—", Words.DateTime(null));
        Assert.Equal("—", Words.Money(null));
        Assert.Equal(Words.Missing, Words.Date((DateOnly?)null));
    }

    [Fact]
    public void Money_WholePoundsWithoutPence_PenceWhenThereAreAny_AndInvoicesAlwaysWithPence()
    {
        Assert.Equal("£5,200", Words.Money(5200m));
        Assert.Equal("£5,200.50", Words.Money(5200.5m));
        Assert.Equal("£1,564.00", Words.Pence(1564m));
    }

    [Fact]
    public void Distances_AgesAndChildren()
    {
        Assert.Equal("4.5 miles", Words.Miles(4.5));
        Assert.Equal("Not known", Words.Miles((double?)null));
        Assert.Equal("12 to 17", Words.Ages(12, 17));
        Assert.Equal("16", Words.Ages(16, 16));
        Assert.Equal("14-year-old girl", Words.Child(14, Gender.Female));
        Assert.Equal("Sibling group of 3", Words.Siblings(3));
        Assert.Equal("1 place", Words.Plural(1, "place", "places"));
    }
}
