namespace PlacementBroker.Core.Identity;

public enum AccountLinkPurpose
{
    /// <summary>An invited colleague chooses their first password.</summary>
    Invitation,
    /// <summary>Someone who forgot their password chooses a new one.</summary>
    PasswordReset,
}
