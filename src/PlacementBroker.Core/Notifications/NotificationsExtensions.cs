using Microsoft.Extensions.Configuration;

namespace PlacementBroker.Core.Notifications;

public static class NotificationsExtensions
{
    /// <summary>GOV.UK Notify when <c>Notify:ApiKey</c> and <c>Notify:TemplateId</c> are set; otherwise emails stay in the outbox.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSectionSingleton<NotifyOptions>(configuration, NotifyOptions.Section);
        if (options.Enabled)
        {
            services.AddSingleton<IEmailDelivery, GovukNotifyDelivery>();
        }
        else
        {
            services.AddSingleton<IEmailDelivery, KeepInOutboxDelivery>();
        }
        return services.AddScoped<EmailOutbox>().AddScoped<EmailDeliveryJob>();
    }
}
