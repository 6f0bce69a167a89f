namespace PlacementBroker.Core.Providers;

public enum ProviderVerificationMethod
{
    /// <summary>The organisation's first user confirmed their email address by the emailed link.</summary>
    EmailConfirmed,
    /// <summary>A platform admin verified the organisation.</summary>
    ByPlatformAdmin,
    /// <summary>The organisation was live before verification was introduced, or was created by a platform admin or the demo seed.</summary>
    Existing,
}
