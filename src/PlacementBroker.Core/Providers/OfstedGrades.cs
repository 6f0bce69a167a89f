using System.Text;

namespace PlacementBroker.Core.Providers;

/// <summary>A provider's declared Ofsted grade against Ofsted's register, which wins where it has a judgement.</summary>
public static class OfstedGrades
{
    /// <summary>Best first: Outstanding, Good, not graded, not yet inspected, Requires improvement, Inadequate.</summary>
    public static int Order(OfstedGrade grade) => grade switch
    {
        OfstedGrade.Outstanding => 0,
        OfstedGrade.Good => 1,
        OfstedGrade.NotGraded => 2,
        OfstedGrade.NotYetInspected => 3,
        OfstedGrade.RequiresImprovement => 4,
        _ => 5,
    };

    public static bool IsBetter(OfstedGrade grade, OfstedGrade than) => Order(grade) < Order(than);

    /// <summary>
    /// Below Good: Requires improvement to be good, or Inadequate. Not yet inspected and not graded are not below Good.
    /// For EF queries use <see cref="BelowGood"/> (<c>OfstedGrades.BelowGood.Contains(s.OfstedGrade)</c>), which translates to SQL.
    /// </summary>
    public static bool IsBelowGood(this OfstedGrade grade) => grade is OfstedGrade.RequiresImprovement or OfstedGrade.Inadequate;

    /// <summary>The grades below Good (<see cref="IsBelowGood"/>), as a list that EF queries can test with <c>Contains</c>.</summary>
    public static readonly IReadOnlyList<OfstedGrade> BelowGood = [OfstedGrade.RequiresImprovement, OfstedGrade.Inadequate];

    /// <summary>
    /// The grade to rank and rule on, and the declaration still unconfirmed: the register's judgement where it has one,
    /// with the declaration kept aside when it claims better; where the register has none, the declaration, unconfirmed
    /// when it claims Outstanding or Good.
    /// </summary>
    public static (OfstedGrade Grade, OfstedGrade? Unconfirmed) Confirm(OfstedGrade declared, OfstedGrade? register) => register switch
    {
        { } r => (r, IsBetter(declared, r) ? declared : null),
        null => (declared, declared is OfstedGrade.Outstanding or OfstedGrade.Good ? declared : null),
    };

    /// <summary>Names compared as Ofsted and providers write them: case, spacing, punctuation and "Limited"/"Ltd" aside.</summary>
    public static bool SameName(string a, string b) => Simplify(a) == Simplify(b);

    private static string Simplify(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in value.ToLowerInvariant().Replace("&", "and", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }
        var text = builder.ToString();
        return text.EndsWith("limited", StringComparison.Ordinal) ? text[..^"limited".Length] + "ltd" : text;
    }
}
