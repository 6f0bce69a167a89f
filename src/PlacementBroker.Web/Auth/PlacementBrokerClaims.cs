using System.Security.Claims;

namespace PlacementBroker.Web.Auth;

/// <summary>The claim types both the cookie and the bearer token carry, so every check reads the same claims.</summary>
public static class PlacementBrokerClaims
{
    public const string UserId = "sub";
    public const string UserName = "username";
    public const string Email = "email";
    public const string Name = "name";
    public const string Role = "role";
    public const string LocalAuthority = "la";
    public const string Provider = "provider";
    /// <summary>Present when the account has a second factor; a platform admin's session without it may only enrol.</summary>
    public const string SecondFactor = "second_factor";

    public static Guid? GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(UserId), out var id) ? id : null;

    public static Role? GetRole(this ClaimsPrincipal user) =>
        Enum.TryParse<Role>(user.FindFirstValue(Role), out var role) ? role : null;

    public static Guid? GetLocalAuthorityId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(LocalAuthority), out var id) ? id : null;

    public static Guid? GetProviderId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Provider), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(Name) ?? user.FindFirstValue(Email) ?? "";

    /// <summary>The signed-in person as the services see them. Only ever built from authenticated claims.</summary>
    public static Actor ToActor(this HttpContext context)
    {
        var user = context.User;
        return new Actor(
            user.GetUserId() ?? throw new InvalidOperationException("The request is not signed in."),
            user.FindFirstValue(Email) ?? "",
            user.GetRole() ?? throw new InvalidOperationException("The signed-in user has no role."),
            user.GetLocalAuthorityId(),
            user.GetProviderId(),
            context.Connection.RemoteIpAddress?.ToString());
    }
}

public static class Policies
{
    public const string PlatformAdmin = nameof(Core.Role.PlatformAdmin);
    public const string PlacingOfficer = nameof(Core.Role.PlacingOfficer);
    public const string PlacementManager = nameof(Core.Role.PlacementManager);
    public const string QaOfficer = nameof(Core.Role.QaOfficer);
    public const string Commissioner = nameof(Core.Role.Commissioner);
    public const string ProviderUser = nameof(Core.Role.ProviderUser);
    /// <summary>A council's data protection lead (with the council's claim).</summary>
    public const string DataProtectionLead = nameof(Core.Role.DataProtectionLead);
    /// <summary>Who may export what is held about a child: the council's placement managers and data protection lead.</summary>
    public const string SubjectAccess = nameof(SubjectAccess);
    /// <summary>Who reads contract management: the councils' commissioners and QA officers, and the provider for its own records.</summary>
    public const string ContractReaders = nameof(ContractReaders);
    /// <summary>The councils' side of contract management alone: commissioners and QA officers (the DPS home, review packs).</summary>
    public const string ContractAuthorities = nameof(ContractAuthorities);
    /// <summary>Who reads a DPS's KPIs: its authorities' officers, managers, QA officers and commissioners, and the providers on it.</summary>
    public const string KpiReaders = nameof(KpiReaders);
    /// <summary>Who completes a contract review's actions: the lead authority's commissioners and the provider.</summary>
    public const string ContractParties = nameof(ContractParties);
    /// <summary>Any user of a local authority.</summary>
    public const string AuthorityUser = nameof(AuthorityUser);
    /// <summary>Both sides of a referral: its authority's placing officers and managers, and providers' users (each service checks which referral).</summary>
    public const string ReferralParties = nameof(ReferralParties);
}
