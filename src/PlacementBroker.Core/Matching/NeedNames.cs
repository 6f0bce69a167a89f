namespace PlacementBroker.Core.Matching;

/// <summary>The words social workers use for needs and grades.</summary>
public static class NeedNames
{
    public static string Of(Need need) => need switch
    {
        Need.EmotionalBehavioural => "emotional and behavioural needs",
        Need.LearningDisability => "learning disability",
        Need.PhysicalDisability => "physical disability",
        Need.Autism => "autism",
        Need.MentalHealth => "mental health",
        Need.ChildSexualExploitation => "child sexual exploitation (CSE) risk",
        Need.ChildCriminalExploitation => "child criminal exploitation (CCE) risk",
        Need.MissingEpisodes => "missing episodes",
        Need.SubstanceMisuse => "substance misuse",
        Need.Offending => "offending",
        Need.SelfHarm => "self-harm",
        Need.ComplexHealth => "complex health needs",
        Need.UnaccompaniedAsylumSeeking => "unaccompanied asylum-seeking child",
        Need.EducationOutOfSchool => "out of education",
        _ => need.ToString(),
    };

    public static string Grade(OfstedGrade grade) => grade switch
    {
        OfstedGrade.RequiresImprovement => "Requires improvement to be good",
        OfstedGrade.NotYetInspected => "Not yet inspected",
        OfstedGrade.NotGraded => "Not graded",
        _ => grade.ToString(),
    };
}
