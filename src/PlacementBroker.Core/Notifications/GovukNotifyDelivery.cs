using Notify.Client;

namespace PlacementBroker.Core.Notifications;

/// <summary>Sends through GOV.UK Notify with one generic template, the outbox id as Notify's client reference.</summary>
public class GovukNotifyDelivery(NotifyOptions options) : IEmailDelivery
{
    private readonly NotificationClient _client = new(options.ApiKey);

    public string Name => "GovukNotify";

    public async Task<string?> DeliverAsync(OutboxEmail email, CancellationToken ct)
    {
        var response = await _client.SendEmailAsync(email.To, options.TemplateId,
            new Dictionary<string, dynamic> { ["subject"] = email.Subject, ["body"] = email.Body },
            clientReference: email.Id.ToString());
        return response.id;
    }
}
