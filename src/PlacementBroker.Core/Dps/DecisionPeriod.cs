namespace PlacementBroker.Core.Dps;

/// <summary>
/// How long a DPS has to decide an application, in working days from the day it was submitted (spec 2).
/// Under PCR 2015 (reg. 34) the period is at most 10 working days, and may be extended once, to 15, where justified.
/// A Procurement Act 2023 dynamic market decides within the period it set, here at most 60 working days.
/// </summary>
public static class DecisionPeriod
{
    /// <summary>PCR 2015 reg. 34: the longest decision period, and the default for a new DPS.</summary>
    public const int Pcr2015Days = 10;
    /// <summary>PCR 2015 reg. 34(15): the period once extended.</summary>
    public const int Pcr2015ExtendedDays = 15;
    /// <summary>The longest period a dynamic market may set.</summary>
    public const int DynamicMarketMaxDays = 60;

    /// <summary>Why <paramref name="days"/> is not a decision period the regime allows, or null.</summary>
    public static string? Refusal(DpsRegime regime, int days) =>
        regime == DpsRegime.Pcr2015Dps && days is < 1 or > Pcr2015Days
            ? $"Under PCR 2015 the decision period is at most {Pcr2015Days} working days"
            : days is < 1 or > DynamicMarketMaxDays
                ? $"Enter a decision period from 1 to {DynamicMarketMaxDays} working days"
                : null;

    /// <summary>The day a decision is due: <paramref name="days"/> working days after the day of submission.</summary>
    public static DateOnly DueBy(WorkingDayCalendar calendar, DateOnly submittedOn, int days) => calendar.AddWorkingDays(submittedOn, days);

    /// <summary>The day a decision is due once a PCR 2015 period is extended.</summary>
    public static DateOnly ExtendedDueBy(WorkingDayCalendar calendar, DateOnly submittedOn) => DueBy(calendar, submittedOn, Pcr2015ExtendedDays);
}
