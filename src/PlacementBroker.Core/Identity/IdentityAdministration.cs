using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace PlacementBroker.Core.Identity;

/// <summary>Creates tenants and accounts: platform admins create authorities and their users; providers register themselves.</summary>
public partial class IdentityAdministration(
    PlacementBrokerDbContext db, UserManager<User> users, AuditTrail audit, TimeProvider clock,
    ProviderVerification verification, Notifications.EmailOutbox emails)
{
    public static readonly Role[] AuthorityRoles = [Role.PlacingOfficer, Role.PlacementManager, Role.QaOfficer, Role.Commissioner];

    /// <summary>
    /// Roles that belong to a local authority. The data protection lead belongs to one but is not among <see cref="AuthorityRoles"/>,
    /// which open the authority's working pages: the lead reads the audit trail and subject-access exports, nothing else.
    /// </summary>
    public static readonly Role[] CouncilRoles = [.. AuthorityRoles, Role.DataProtectionLead];

    public async Task<Outcome<LocalAuthority>> CreateLocalAuthorityAsync(Actor actor, CreateLocalAuthorityRequest request, CancellationToken ct = default)
    {
        var name = request.Name?.Trim();
        var code = request.Code?.Trim().ToUpperInvariant();
        var errors = new FieldErrors()
            .Required("name", name, "Enter the authority's name")
            .MaxLength("name", name, 200, "Name")
            .Required("code", code, "Enter the authority's code");
        if (!string.IsNullOrEmpty(code) && !AuthorityCodePattern().IsMatch(code))
        {
            errors.Add("code", "Code must be 2 to 20 letters, numbers or hyphens");
        }
        if (errors.Any)
        {
            return Outcome<LocalAuthority>.Invalid(errors);
        }

        // Names are compared without case on every provider: SQL Server's usual collation would, PostgreSQL and SQLite would not (ADR 0015).
        var lowerName = name!.ToLowerInvariant();
        if (await db.LocalAuthorities.AnyAsync(a => a.Code == code || a.Name == name || a.Name.ToLower() == lowerName, ct))
        {
            return Outcome<LocalAuthority>.Conflict("A local authority with that name or code already exists.");
        }

        var authority = new LocalAuthority { Name = name!, Code = code!, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.LocalAuthorities.Add(authority);
        audit.Record(actor, AuditActions.LocalAuthorityCreated, nameof(LocalAuthority), authority.Id, $"{authority.Name} ({authority.Code})", localAuthorityId: authority.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<LocalAuthority>.Conflict("A local authority with that name or code already exists.");
        }
        return Outcome<LocalAuthority>.Success(authority);
    }

    public async Task<Outcome<User>> CreateUserAsync(Actor actor, CreateUserRequest request, CancellationToken ct = default)
    {
        var errors = new FieldErrors()
            .Email("email", request.Email)
            .Required("displayName", request.DisplayName, "Enter the person's name")
            .MaxLength("displayName", request.DisplayName, 200, "Name");
        await ValidatePasswordAsync(errors, "password", request.Password);

        if (request.Role is null)
        {
            errors.Add("role", "Select a role");
        }
        else if (CouncilRoles.Contains(request.Role.Value))
        {
            await errors.ChosenAsync("localAuthorityId", request.LocalAuthorityId, id => db.LocalAuthorities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct),
                "Select the local authority this person works for", "Select a local authority that exists");
            if (request.ProviderId is not null)
            {
                errors.Add("providerId", "A local authority user cannot belong to a provider");
            }
        }
        else if (request.Role == Role.ProviderUser)
        {
            await errors.ChosenAsync("providerId", request.ProviderId, id => db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct),
                "Select the provider this person works for", "Select a provider that exists");
            if (request.LocalAuthorityId is not null)
            {
                errors.Add("localAuthorityId", "A provider user cannot belong to a local authority");
            }
        }
        else if (request.LocalAuthorityId is not null || request.ProviderId is not null)
        {
            errors.Add("role", "A platform admin belongs to no local authority or provider");
        }
        if (errors.Any)
        {
            return Outcome<User>.Invalid(errors);
        }

        if (await EmailTakenAsync(request.Email!))
        {
            return Outcome<User>.Conflict("An account with that email address already exists.");
        }

        var user = NewUser(request.Email!, request.DisplayName!, request.Role!.Value, request.LocalAuthorityId, request.ProviderId);
        audit.Record(actor, AuditActions.UserCreated, nameof(User), user.Id, $"{user.Email} as {user.Role}",
            localAuthorityId: user.LocalAuthorityId, providerId: user.ProviderId);
        var created = await CreateAsync(user, request.Password!);
        return created ?? Outcome<User>.Success(user);
    }

    /// <summary>
    /// A provider registers itself. The organisation starts unverified (see <see cref="ProviderVerification"/>): links to
    /// confirm the user's and the contact address are emailed. An address that already has an account gets the same
    /// answer as a new one (fresh ids, nothing stored) and its owner an email saying so, so registration never tells
    /// anyone whether an address is registered.
    /// </summary>
    public async Task<Outcome<ProviderRegistered>> RegisterProviderAsync(
        RegisterProviderRequest request, string? ipAddress, string confirmUrl, CancellationToken ct = default)
    {
        var name = request.OrganisationName?.Trim();
        var registration = NormaliseRegistrationNumber(request.RegistrationNumber);
        var errors = new FieldErrors()
            .Required("organisationName", name, "Enter the organisation's name")
            .MaxLength("organisationName", name, 200, "Organisation name")
            .Email("contactEmail", request.ContactEmail, "Contact email address");
        errors.Required("providerType", request.ProviderType, "Select the type of provider");
        if (string.IsNullOrEmpty(registration))
        {
            errors.Add("registrationNumber", "Enter the Companies House or Charity Commission number");
        }
        else if (!RegistrationNumberPattern().IsMatch(registration))
        {
            errors.Add("registrationNumber", "Enter a Companies House number (8 characters, like 01234567 or SC123456) or a charity number (6 to 8 digits)");
        }
        if (request.User is null)
        {
            errors.Add("user", "Enter the details of the first user");
        }
        else
        {
            errors.Email("user.email", request.User.Email)
                .Required("user.displayName", request.User.DisplayName, "Enter your full name")
                .MaxLength("user.displayName", request.User.DisplayName, 200, "Name");
            await ValidatePasswordAsync(errors, "user.password", request.User.Password);
        }
        if (errors.Any)
        {
            return Outcome<ProviderRegistered>.Invalid(errors);
        }
        if (await users.FindByEmailAsync(request.User!.Email!.Trim()) is { } existing)
        {
            return await ExistingAccountRegisteredAgainAsync(existing, request.User.Password!, ipAddress, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var provider = new Provider
        {
            Name = name!,
            Type = request.ProviderType!.Value,
            RegistrationNumber = registration!,
            ContactEmail = request.ContactEmail!.Trim(),
            RegisteredAt = now,
        };
        var user = NewUser(request.User.Email!, request.User.DisplayName!, Role.ProviderUser, null, provider.Id);
        // Whoever registers the organisation administers it: they invite their colleagues.
        user.IsOrganisationAdmin = true;
        user.EmailConfirmed = false;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Providers.Add(provider);
        var actor = new Actor(user.Id, user.Email!, Role.ProviderUser, null, provider.Id, ipAddress);
        audit.Record(actor, AuditActions.ProviderRegistered, nameof(Provider), provider.Id, provider.Name, providerId: provider.Id);
        await verification.SendRegistrationLinksAsync(provider, user, confirmUrl, ct);
        var failed = await CreateAsync(user, request.User.Password!);
        if (failed is { Kind: OutcomeKind.Conflict })
        {
            // Another registration took the address at the same instant: answer as if this one had succeeded.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<ProviderRegistered>.Success(new ProviderRegistered(Guid.CreateVersion7(), Guid.CreateVersion7()));
        }
        if (failed is not null)
        {
            var invalid = new FieldErrors();
            foreach (var (field, messages) in failed.Errors)
            {
                foreach (var message in messages)
                {
                    invalid.Add($"user.{field}", message);
                }
            }
            return Outcome<ProviderRegistered>.Invalid(invalid);
        }
        await transaction.CommitAsync(ct);
        return Outcome<ProviderRegistered>.Success(new ProviderRegistered(provider.Id, user.Id));
    }

    /// <summary>
    /// The address already has an account: the same work as a registration (the password is hashed either way) and the
    /// same answer, with ids that name nothing. The owner is told by email (at most once an hour), never the caller.
    /// </summary>
    private async Task<Outcome<ProviderRegistered>> ExistingAccountRegisteredAgainAsync(User existing, string password, string? ipAddress, CancellationToken ct)
    {
        _ = users.PasswordHasher.HashPassword(existing, password);
        var hour = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture);
        await emails.QueueConfirmationAsync(existing.Email!, "Someone tried to register with your email address",
            "Someone tried to register an organisation on PlacementBroker with this email address, which already has an account.\n\n" +
            "If it was you, sign in, or reset your password if you have forgotten it. If it was not you, you need do nothing: your account is unchanged.",
            reference: $"registration-attempt:{existing.Id}:{hour}", ct);
        audit.Record(new Actor(existing.Id, existing.Email!, existing.Role, existing.LocalAuthorityId, existing.ProviderId, ipAddress),
            AuditActions.RegistrationWithExistingEmail, nameof(User), existing.Id, "a registration named this account's address", providerId: existing.ProviderId);
        await db.SaveChangesAsync(ct);
        return Outcome<ProviderRegistered>.Success(new ProviderRegistered(Guid.CreateVersion7(), Guid.CreateVersion7()));
    }

    /// <summary>
    /// Disables an account: it can no longer sign in, and rotating its security stamp ends its cookies and bearer tokens
    /// at their next request. The caller also closes its live hub connections.
    /// </summary>
    public async Task<Outcome<User>> DisableAsync(Actor actor, Guid userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Outcome<User>.NotFound("There is no user with that id.");
        }
        if (user.Id == actor.UserId)
        {
            return Outcome<User>.BusinessRule("You cannot disable your own account: ask another platform admin.");
        }
        if (user.DisabledAt is not null)
        {
            return Outcome<User>.Success(user);
        }
        user.DisabledAt = clock.GetUtcNow().UtcDateTime;
        // Any emailed link it had dies with it.
        await db.AccountLinkCodes.Where(c => c.UserId == user.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, user.DisabledAt), ct);
        audit.Record(actor, AuditActions.UserDisabled, nameof(User), user.Id, user.Email,
            localAuthorityId: user.LocalAuthorityId, providerId: user.ProviderId);
        // The new stamp, the disabled time and the audit event are saved together.
        return Saved(await users.UpdateSecurityStampAsync(user), user);
    }

    /// <summary>Lets a disabled account sign in again. Its old tokens and cookies stay dead: the stamp rotated when it was disabled.</summary>
    public async Task<Outcome<User>> EnableAsync(Actor actor, Guid userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Outcome<User>.NotFound("There is no user with that id.");
        }
        if (user.DisabledAt is null)
        {
            return Outcome<User>.Success(user);
        }
        user.DisabledAt = null;
        audit.Record(actor, AuditActions.UserEnabled, nameof(User), user.Id, user.Email,
            localAuthorityId: user.LocalAuthorityId, providerId: user.ProviderId);
        return Saved(await users.UpdateAsync(user), user);
    }

    /// <summary>The account as the user manager saved it, or the conflict it reported.</summary>
    private static Outcome<User> Saved(IdentityResult result, User user) => result.Succeeded
        ? Outcome<User>.Success(user)
        : Outcome<User>.Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));

    private User NewUser(string email, string displayName, Role role, Guid? localAuthorityId, Guid? providerId) =>
        NewAccount(email, displayName, role, localAuthorityId, providerId, clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// What every new account is, whoever makes it (an admin, a provider registering, the demo data): its email confirmed
    /// (an admin vouches for it), lockout on. The caller sets the password.
    /// </summary>
    public static User NewAccount(string email, string displayName, Role role, Guid? localAuthorityId, Guid? providerId, DateTime createdAt) => new()
    {
        Email = email.Trim(),
        UserName = email.Trim(),
        DisplayName = displayName.Trim(),
        Role = role,
        LocalAuthorityId = localAuthorityId,
        ProviderId = providerId,
        EmailConfirmed = true,
        LockoutEnabled = true,
        CreatedAt = createdAt,
    };

    /// <returns>null when created; otherwise the reason it was not.</returns>
    private async Task<Outcome<User>?> CreateAsync(User user, string password)
    {
        try
        {
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                return null;
            }
            if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            {
                return Outcome<User>.Conflict("An account with that email address already exists.");
            }
            var errors = new FieldErrors();
            foreach (var error in result.Errors)
            {
                errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
            }
            return Outcome<User>.Invalid(errors);
        }
        catch (DbUpdateException)
        {
            // The unique index on the normalised email settled a race between two registrations.
            return Outcome<User>.Conflict("An account with that email address already exists.");
        }
    }

    private async Task<bool> EmailTakenAsync(string email) => await users.FindByEmailAsync(email.Trim()) is not null;

    private async Task ValidatePasswordAsync(FieldErrors errors, string field, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(field, "Enter a password");
            return;
        }
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, null!, password);
            foreach (var error in result.Errors)
            {
                errors.Add(field, error.Description);
            }
        }
    }

    public static string? NormaliseRegistrationNumber(string? value) =>
        value is null ? null : new string(value.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    [GeneratedRegex("^[A-Z0-9-]{2,20}$")]
    private static partial Regex AuthorityCodePattern();

    [GeneratedRegex("^([0-9]{8}|[A-Z]{2}[0-9]{6}|[0-9]{6,8}(-[0-9]{1,2})?)$")]
    private static partial Regex RegistrationNumberPattern();
}
