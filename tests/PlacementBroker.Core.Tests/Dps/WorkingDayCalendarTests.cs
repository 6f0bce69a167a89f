using PlacementBroker.Core.Dps;

namespace PlacementBroker.Core.Tests.Dps;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.FromFile(
        Path.Combine(AppContext.BaseDirectory, "seed", "bank-holidays-england-and-wales.json"));

    [Fact]
    public void BankHolidayData_RunsOutWithinAYear_OnlyWhenItsLastYearEndsWithinAYearFromToday()
    {
        Assert.Equal(new DateOnly(2030, 12, 31), Calendar.CoveredUntil);
        Assert.False(Calendar.RunsOutWithinAYear(new DateOnly(2029, 12, 31)));
        Assert.True(Calendar.RunsOutWithinAYear(new DateOnly(2030, 1, 1)));
        Assert.True(new WorkingDayCalendar([]).RunsOutWithinAYear(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void AddWorkingDays_FromMonday_SkipsTheWeekend()
    {
        // Monday 9 November 2026 + 10 working days = Monday 23 November 2026.
        Assert.Equal(new DateOnly(2026, 11, 23), Calendar.AddWorkingDays(new DateOnly(2026, 11, 9), 10));
    }

    [Fact]
    public void AddWorkingDays_FromFriday_NextWorkingDayIsMonday()
    {
        Assert.Equal(new DateOnly(2026, 11, 16), Calendar.AddWorkingDays(new DateOnly(2026, 11, 13), 1));
    }

    [Fact]
    public void AddWorkingDays_AcrossEaster_SkipsGoodFridayAndEasterMonday()
    {
        // Easter 2026: Good Friday 3 April, Easter Monday 6 April.
        Assert.Equal(new DateOnly(2026, 4, 7), Calendar.AddWorkingDays(new DateOnly(2026, 4, 2), 1));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 4, 3)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 4, 6)));
    }

    [Fact]
    public void IsWorkingDay_BoxingDayOnSaturday_TheSubstituteMondayIsAHoliday()
    {
        // 26 December 2026 is a Saturday: the bank holiday moves to Monday 28 December.
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 12, 28)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 12, 29)));
    }

    [Fact]
    public void IsWorkingDay_ChristmasOnSaturday_BothSubstituteDaysAreHolidays()
    {
        // 25 and 26 December 2027 fall at the weekend: Monday 27 and Tuesday 28 are the holidays.
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2027, 12, 27)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2027, 12, 28)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2027, 12, 29)));
    }

    [Fact]
    public void AddWorkingDays_TenDaysOverChristmas2026_LandsAfterTheHolidays()
    {
        // From Friday 18 Dec 2026: 21, 22, 23, 24, (25 holiday), (28 substitute), 29, 30, 31, (1 Jan), 4, 5, 6.
        Assert.Equal(new DateOnly(2027, 1, 6), Calendar.AddWorkingDays(new DateOnly(2026, 12, 18), 10));
    }

    [Fact]
    public void AddWorkingDays_FifteenDayExtension_IsFiveWorkingDaysAfterTheTenth()
    {
        var submitted = new DateOnly(2026, 5, 1); // Friday before the early May bank holiday
        var ten = Calendar.AddWorkingDays(submitted, 10);
        var fifteen = Calendar.AddWorkingDays(submitted, 15);

        Assert.Equal(new DateOnly(2026, 5, 18), ten);
        Assert.Equal(new DateOnly(2026, 5, 26), fifteen); // skips the spring bank holiday, Monday 25 May
        Assert.Equal(5, Calendar.WorkingDaysBetween(ten, fifteen));
    }

    [Fact]
    public void WorkingDaysBetween_Backwards_IsNegative()
    {
        Assert.Equal(-5, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 16)));
    }

    [Fact]
    public void HolidayFile_CoversEveryYearFrom2024To2030()
    {
        for (var year = 2024; year <= 2030; year++)
        {
            Assert.False(Calendar.IsWorkingDay(new DateOnly(year, 12, 25).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
                ? new DateOnly(year, 12, 27)
                : new DateOnly(year, 12, 25)), $"No Christmas holiday in {year}");
        }
    }
}
