namespace PlacementBroker.Web.Pages;

/// <summary>What a decision form posts: the choice made (the name of one of the decision's values) and the reason given.</summary>
public sealed class DecisionInput
{
    public string? Decision { get; set; }
    public string? Reason { get; set; }
}
