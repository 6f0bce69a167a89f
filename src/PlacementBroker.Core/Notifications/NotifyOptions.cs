namespace PlacementBroker.Core.Notifications;

public class NotifyOptions
{
    public const string Section = "Notify";

    public string? ApiKey { get; set; }
    /// <summary>An email template whose subject is ((subject)) and body ((body)).</summary>
    public string? TemplateId { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(TemplateId);
}
