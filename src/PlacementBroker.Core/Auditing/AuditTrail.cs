namespace PlacementBroker.Core.Auditing;

/// <summary>
/// Adds audit events to the unit of work, so an event is saved with the change it describes or not at all.
/// </summary>
public class AuditTrail(PlacementBrokerDbContext db, TimeProvider clock)
{
    public void Record(Actor? actor, string action, string entityType, object? entityId, string? detail = null,
        Guid? localAuthorityId = null, Guid? providerId = null)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor?.UserId,
            ActorEmail = actor?.Email,
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            LocalAuthorityId = localAuthorityId ?? actor?.LocalAuthorityId,
            ProviderId = providerId ?? actor?.ProviderId,
            Detail = detail is { Length: > 4000 } ? detail[..4000] : detail,
            IpAddress = actor?.IpAddress,
        });
    }
}

/// <summary>Reads that show a child's identity (case reference, name, date of birth): every one is audited.</summary>
public static class IdentityReads
{
    public const string Referral = "ReferralIdentityRead";
    public const string ReferralList = "ReferralListIdentityRead";
    public const string Placement = "PlacementIdentityRead";
    public const string ApprovalList = "ApprovalListIdentityRead";
    public const string BillingRun = "BillingRunIdentityRead";
    public const string PlacementList = "PlacementListIdentityRead";
    /// <summary>An officer's own unfinished referral (the answers so far, with the child's name), or the list of them.</summary>
    public const string UnfinishedReferral = "UnfinishedReferralIdentityRead";
}

public static class AuditActions
{
    public const string SignedIn = "SignedIn";
    public const string SecondFactorEnabled = "SecondFactorEnabled";
    public const string SecondFactorDisabled = "SecondFactorDisabled";
    public const string ExternalIdentityLinked = "ExternalIdentityLinked";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string LocalAuthorityCreated = "LocalAuthorityCreated";
    public const string UserCreated = "UserCreated";
    public const string ProviderRegistered = "ProviderRegistered";
    public const string PlatformAdminCreated = "PlatformAdminCreated";
    public const string DemoDataLoaded = "DemoDataLoaded";
    public const string UserDisabled = "UserDisabled";
    public const string UserEnabled = "UserEnabled";
    public const string SignInRefusedDisabled = "SignInRefusedDisabled";
    public const string PasswordChanged = "PasswordChanged";
    public const string PasswordResetRequested = "PasswordResetRequested";
    public const string PasswordReset = "PasswordReset";
    public const string PasswordCreated = "PasswordCreated";
    public const string EmailConfirmationSent = "EmailConfirmationSent";
    public const string EmailConfirmed = "EmailConfirmed";
    public const string ProviderVerified = "ProviderVerified";
    public const string RegistrationWithExistingEmail = "RegistrationWithExistingEmail";
}
