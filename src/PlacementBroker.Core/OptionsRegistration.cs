using Microsoft.Extensions.Configuration;

namespace PlacementBroker.Core;

/// <summary>How an area registers the configuration section it reads.</summary>
public static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/> as <c>IOptions&lt;T&gt;</c> and checks it when the host
    /// starts: a wrong value stops the host with <paramref name="failure"/> rather than failing a request later.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section,
        Func<T, bool> valid, string failure) where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).Validate(valid, failure).ValidateOnStart();
        return services;
    }

    /// <summary>Reads <paramref name="section"/> as it is (defaults where it is missing) and registers it as a singleton.</summary>
    public static T AddSectionSingleton<T>(this IServiceCollection services, IConfiguration configuration, string section) where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        services.AddSingleton(options);
        return options;
    }
}
