namespace PlacementBroker.Web.Pages;

/// <summary>
/// The confirmation step before something that cannot be undone (GOV.UK's "are you sure" pattern): what will happen,
/// as warning text; the form's values again as hidden fields, with <c>Confirmed=true</c>; the button that does it and
/// a Cancel link. A page's POST without <c>Confirmed</c> shows this step and changes nothing.
/// Rendered by Shared/_ConfirmStep.
/// </summary>
public sealed record ConfirmStep(string Warning, string Button, string CancelUrl, IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>The name of the hidden field that says the user has seen the step and confirmed.</summary>
    public const string Confirmed = nameof(Confirmed);
}
