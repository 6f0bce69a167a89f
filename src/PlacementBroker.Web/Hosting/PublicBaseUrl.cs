using Microsoft.Extensions.Options;

namespace PlacementBroker.Web.Hosting;

/// <summary>
/// Refuses to start without a usable <c>PlacementBroker:PublicBaseUrl</c>: an absolute http(s) address without query or
/// fragment, and https outside Development (links in emails carry sign-in tokens).
/// </summary>
public sealed class PublicBaseUrlValidator(IHostEnvironment environment) : IValidateOptions<PlacementBrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, PlacementBrokerOptions options)
    {
        var value = options.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(value))
        {
            return ValidateOptionsResult.Fail(
                "PlacementBroker:PublicBaseUrl must be set to the address people reach the service at, e.g. https://placements.example.gov.uk: links in emails are built from it");
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            return ValidateOptionsResult.Fail($"PlacementBroker:PublicBaseUrl '{value}' is not an absolute http(s) address without query or fragment");
        }
        if (!environment.IsDevelopment() && url.Scheme != Uri.UriSchemeHttps)
        {
            return ValidateOptionsResult.Fail($"PlacementBroker:PublicBaseUrl '{value}' must be an https address outside Development");
        }
        return ValidateOptionsResult.Success;
    }
}

/// <summary>Absolute links to the service's own pages, for emails and for third parties that send people back.</summary>
public sealed class PublicUrls(IOptions<PlacementBrokerOptions> options)
{
    /// <summary>The configured base address joined with <paramref name="path"/> (which starts with '/').</summary>
    public string For(string path) => options.Value.PublicBaseUrl!.TrimEnd('/') + path;
}
