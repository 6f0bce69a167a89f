namespace PlacementBroker.Web.Pages;

/// <summary>What a decision form posts: the choice made (the name of one of the decision's values) and the reason given.</summary>
public sealed record DecisionInput(string? Decision = null, string? Reason = null)
{
    /// <summary>The decision's radios: each value's name, with the words the form shows for it.</summary>
    public static List<SelectListItem> Choices<TDecision>(params (TDecision Value, string Text)[] choices) where TDecision : struct, Enum =>
        [.. choices.Select(c => new SelectListItem(c.Text, c.Value.ToString()))];
}

/// <summary>What a form that asks only why posts (close, suspend, withdraw, extend, resolve): the reason given.</summary>
public sealed record ReasonInput(string? Reason = null);
