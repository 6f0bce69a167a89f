namespace PlacementBroker.Core.Billing;

/// <summary>A billing period: both days included, so 1 to 30 November is 30 days.</summary>
public readonly record struct BillingPeriod(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>The calendar month <paramref name="month"/> falls in.</summary>
    public static BillingPeriod Month(DateOnly month)
    {
        var start = new DateOnly(month.Year, month.Month, 1);
        return new BillingPeriod(start, start.AddMonths(1).AddDays(-1));
    }
}

/// <summary>A weekly price in force from a date until the next change.</summary>
public readonly record struct PriceFrom(DateOnly From, decimal WeeklyPrice);

/// <summary>What one line of an invoice charges: the days charged and the amount in pounds, rounded to the penny once.</summary>
public readonly record struct Charge(int Days, decimal Amount)
{
    public static readonly Charge None = new(0, 0m);
}

/// <summary>
/// The charge rules (spec 8), pure and free of Stripe.
/// <list type="bullet">
/// <item><b>Spot placements</b> are charged per day at the weekly price ÷ 7, for each child (a sibling group of two is
/// charged twice, as the weekly price is per child). A placement is charged from its start
/// date up to the day before its end date: the day a child moves is paid to the setting the child moves to, so two
/// providers are never paid for the same day. A placement that ends on the day it started is charged that one day.
/// When the price changes on a date, each day is charged at the price in force that day.</item>
/// <item><b>Block contracts</b> are charged at their price per place per week for every place bought, occupied
/// or void, for each day of the contract's term (start and end dates included) inside the period, each day on the terms
/// (places and price) in force that day.</item>
/// <item><b>Rounding</b>: the exact amount of a line (all its days, across price changes) is rounded once, to the
/// penny, halves away from zero. Lines are never rounded per day, so a month's line never drifts by a penny a day.</item>
/// </list>
/// </summary>
public static class ChargeRules
{
    /// <param name="prices">The weekly prices per child from their dates; the first applies from the start date whatever its date.</param>
    /// <param name="children">How many children the placement is for (a sibling group).</param>
    public static Charge Spot(BillingPeriod period, DateOnly start, DateOnly? end, IReadOnlyList<PriceFrom> prices, int children = 1)
    {
        if (prices.Count == 0)
        {
            throw new ArgumentException("A placement has a weekly price.", nameof(prices));
        }
        // The last day charged: the day before the end date, or the start date itself for a same-day placement.
        DateOnly? lastCharged = end is { } e ? (e > start ? e.AddDays(-1) : start) : null;
        var from = Max(start, period.Start);
        var to = lastCharged is { } last ? Min(last, period.End) : period.End;
        if (to < from)
        {
            return Charge.None;
        }
        var ordered = prices.OrderBy(p => p.From).ToList();
        var exact = 0m;
        for (var i = 0; i < ordered.Count; i++)
        {
            // Each price runs from its date (the first from the very start) to the day before the next one.
            var segmentFrom = i == 0 ? DateOnly.MinValue : ordered[i].From;
            var segmentTo = i + 1 < ordered.Count ? ordered[i + 1].From.AddDays(-1) : DateOnly.MaxValue;
            var days = Overlap(from, to, segmentFrom, segmentTo);
            exact += days * ordered[i].WeeklyPrice / 7m;
        }
        return new Charge(to.DayNumber - from.DayNumber + 1, Pence(exact * Math.Max(1, children)));
    }

    public static Charge Block(BillingPeriod period, DateOnly contractStart, DateOnly contractEnd, int places, decimal weeklyPricePerPlace) =>
        Block(period, contractStart, contractEnd, [new BlockTerms(contractStart, places, weeklyPricePerPlace)]);

    /// <param name="terms">The places and price per place from their dates (<see cref="BlockTerms.Fold"/>); the first applies from the start whatever its date.</param>
    public static Charge Block(BillingPeriod period, DateOnly contractStart, DateOnly contractEnd, IReadOnlyList<BlockTerms> terms)
    {
        var days = Overlap(period.Start, period.End, contractStart, contractEnd);
        if (days == 0)
        {
            return Charge.None;
        }
        var from = Max(period.Start, contractStart);
        var to = Min(period.End, contractEnd);
        var ordered = terms.OrderBy(t => t.From).ToList();
        var exact = 0m;
        for (var i = 0; i < ordered.Count; i++)
        {
            var segmentFrom = i == 0 ? DateOnly.MinValue : ordered[i].From;
            var segmentTo = i + 1 < ordered.Count ? ordered[i + 1].From.AddDays(-1) : DateOnly.MaxValue;
            exact += Overlap(from, to, segmentFrom, segmentTo) * ordered[i].Places * ordered[i].WeeklyPricePerPlace / 7m;
        }
        return new Charge(days, Pence(exact));
    }

    /// <summary>To the penny, halves away from zero: the one rounding a line gets.</summary>
    public static decimal Pence(decimal pounds) => Math.Round(pounds, 2, MidpointRounding.AwayFromZero);

    private static int Overlap(DateOnly aFrom, DateOnly aTo, DateOnly bFrom, DateOnly bTo)
    {
        var from = Max(aFrom, bFrom);
        var to = Min(aTo, bTo);
        return to < from ? 0 : to.DayNumber - from.DayNumber + 1;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
