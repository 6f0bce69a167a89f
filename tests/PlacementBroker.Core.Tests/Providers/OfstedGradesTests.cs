using PlacementBroker.Core.Providers;

namespace PlacementBroker.Core.Tests.Providers;

public class OfstedGradesTests
{
    [Theory]
    [InlineData(OfstedGrade.Outstanding, false)]
    [InlineData(OfstedGrade.Good, false)]
    [InlineData(OfstedGrade.RequiresImprovement, true)]
    [InlineData(OfstedGrade.Inadequate, true)]
    [InlineData(OfstedGrade.NotYetInspected, false)]
    [InlineData(OfstedGrade.NotGraded, false)]
    public void Below_good_is_requires_improvement_or_inadequate_only(OfstedGrade grade, bool below)
    {
        Assert.Equal(below, grade.IsBelowGood());
        Assert.Equal(below, OfstedGrades.BelowGood.Contains(grade));
    }

    [Fact]
    public void Every_grade_is_covered()
    {
        // A new grade must be decided on here: add it to the theory above.
        Assert.Equal(6, Enum.GetValues<OfstedGrade>().Length);
    }
}
