using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace PlacementBroker.Core.Identity;

/// <summary>Creates the operator's platform admin at start-up from configuration, if the account is missing.</summary>
public class PlatformAdminBootstrapper(UserManager<User> users, AuditTrail audit, TimeProvider clock, ILogger<PlatformAdminBootstrapper> logger)
{
    public async Task EnsureAsync(string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var admin = new User
        {
            Email = email,
            UserName = email,
            DisplayName = "Platform admin",
            Role = Role.PlatformAdmin,
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        audit.Record(null, AuditActions.PlatformAdminCreated, nameof(User), admin.Id, email);
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "The platform admin in PlacementBroker:Admin could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        logger.LogInformation("Created the platform admin {Email}", email);
    }
}
