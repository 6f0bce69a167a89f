namespace PlacementBroker.Core.Providers;

/// <summary>
/// A self-registered provider is unverified until its first user confirms their email address by the emailed link, or a
/// platform admin verifies the organisation. Until then it may sign in and set itself up, but may not apply to a lot,
/// receive or offer on referrals, or read councils' data. A provider's contact address is confirmed the same way before
/// anything is sent to it (see <see cref="EmailOutbox"/>).
/// </summary>
public class ProviderVerification(
    PlacementBrokerDbContext db, EmailConfirmationCodes codes, EmailOutbox emails, AuditTrail audit, TimeProvider clock)
{
    /// <summary>What an unverified provider is told when it tries what verification unlocks.</summary>
    public const string NotVerifiedMessage =
        "Confirm your email address first: use the link we emailed you, or ask for a new one on your organisation's page. " +
        "Until then you cannot apply to a lot, receive referrals or see councils' data.";

    /// <summary>A new link may be asked for this often per address, so the resend button cannot flood an inbox.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);

    public Task<bool> IsVerifiedAsync(Guid providerId, CancellationToken ct = default) => IsVerifiedAsync(db, providerId, ct);

    /// <summary>The one test of "verified", for the services that refuse an unverified provider.</summary>
    public static Task<bool> IsVerifiedAsync(PlacementBrokerDbContext db, Guid providerId, CancellationToken ct = default) =>
        db.Providers.AnyAsync(p => p.Id == providerId && p.VerifiedAt != null, ct);

    /// <summary>The refusal for a provider user whose organisation is not yet verified; null for everyone else.</summary>
    public async Task<string?> RefusalAsync(Actor actor, CancellationToken ct = default) =>
        actor.Role == Role.ProviderUser && (actor.ProviderId is not { } providerId || !await IsVerifiedAsync(providerId, ct))
            ? NotVerifiedMessage
            : null;

    /// <summary>
    /// Queues the confirmation links for a new registration, in the caller's unit of work: one to the first user's
    /// address (which verifies the organisation), and one to the contact address when it is a different one.
    /// </summary>
    public async Task SendRegistrationLinksAsync(Provider provider, User user, string confirmUrl, CancellationToken ct = default)
    {
        var same = SameAddress(provider.ContactEmail, user.Email!);
        await SendUserLinkAsync(provider, user, confirmUrl, confirmsContact: same, ct);
        if (!same)
        {
            await SendContactLinkAsync(provider, confirmUrl, ct);
        }
    }

    /// <summary>Sends new links for whatever of the caller's organisation is not yet confirmed: their own address, the contact address.</summary>
    public async Task<Outcome<List<string>>> ResendAsync(Actor actor, string confirmUrl, CancellationToken ct = default)
    {
        if (actor.Role != Role.ProviderUser || actor.ProviderId is not { } providerId)
        {
            return Outcome<List<string>>.Forbidden("Only a provider's users confirm its addresses.");
        }
        var provider = await db.Providers.SingleAsync(p => p.Id == providerId, ct);
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var sent = new List<string>();
        var contactPending = provider.ContactEmailConfirmedAt is null;
        if (!user.EmailConfirmed && !await SentLatelyAsync(user.Email!, now, ct))
        {
            var covers = contactPending && SameAddress(provider.ContactEmail, user.Email!);
            await SendUserLinkAsync(provider, user, confirmUrl, covers, ct);
            sent.Add(user.Email!);
            contactPending &= !covers;
        }
        if (contactPending && !sent.Any(s => SameAddress(s, provider.ContactEmail)) && !await SentLatelyAsync(provider.ContactEmail, now, ct))
        {
            await SendContactLinkAsync(provider, confirmUrl, ct);
            sent.Add(provider.ContactEmail);
        }
        if (sent.Count == 0)
        {
            return (!user.EmailConfirmed || provider.ContactEmailConfirmedAt is null)
                ? Outcome<List<string>>.BusinessRule("A link was sent a moment ago. Check your inbox, or try again in a minute.")
                : Outcome<List<string>>.BusinessRule("Your addresses are already confirmed.");
        }
        await db.SaveChangesAsync(ct);
        return Outcome<List<string>>.Success(sent);
    }

    /// <summary>
    /// Redeems a confirmation link: confirms the address it was sent to (the user's, the contact address, or both when
    /// they are one), verifies the organisation when its first user confirms, and releases the emails held for the address.
    /// Works signed in or not: the code itself is the proof.
    /// </summary>
    public async Task<Outcome<ConfirmedEmail>> ConfirmAsync(string? code, string? ipAddress, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var redeemed = await codes.RedeemAsync(code, ct);
        if (redeemed is null)
        {
            return Outcome<ConfirmedEmail>.BusinessRule("code",
                "This link has expired or has already been used. Sign in and ask for a new one from your organisation's page.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var provider = redeemed.ProviderId is { } providerId ? await db.Providers.SingleOrDefaultAsync(p => p.Id == providerId, ct) : null;
        var user = redeemed.UserId is { } userId ? await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) : null;
        var actor = user is null
            ? null
            : new Actor(user.Id, user.Email!, user.Role, user.LocalAuthorityId, user.ProviderId, ipAddress);
        var verified = false;
        if (user is not null && SameAddress(user.Email!, redeemed.Email))
        {
            user.EmailConfirmed = true;
            if (provider is { VerifiedAt: null } && user.ProviderId == provider.Id)
            {
                provider.VerifiedAt = now;
                provider.VerifiedBy = ProviderVerificationMethod.EmailConfirmed;
                provider.VerifiedByUserId = user.Id;
                verified = true;
                audit.Record(actor, AuditActions.ProviderVerified, nameof(Provider), provider.Id, "by the first user's confirmed email address", providerId: provider.Id);
            }
        }
        if (provider is { ContactEmailConfirmedAt: null } && (redeemed.ConfirmsContactEmail || user is not null) && SameAddress(provider.ContactEmail, redeemed.Email))
        {
            provider.ContactEmailConfirmedAt = now;
        }
        audit.Record(actor, AuditActions.EmailConfirmed, provider is null ? nameof(User) : nameof(Provider), (object?)provider?.Id ?? user?.Id,
            redeemed.Email, providerId: provider?.Id);
        await db.SaveChangesAsync(ct);
        await emails.ReleaseHeldAsync(redeemed.Email, ct);
        await transaction.CommitAsync(ct);
        return Outcome<ConfirmedEmail>.Success(new ConfirmedEmail(redeemed.Email, verified));
    }

    /// <summary>A platform admin verifies the organisation and its first user. Verifying a verified provider changes nothing.</summary>
    public async Task<Outcome<ProviderVerified>> VerifyByAdminAsync(Actor actor, Guid providerId, CancellationToken ct = default)
    {
        if (actor.Role != Role.PlatformAdmin)
        {
            return Outcome<ProviderVerified>.Forbidden("Only a platform admin verifies an organisation.");
        }
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Id == providerId, ct);
        if (provider is null)
        {
            return Outcome<ProviderVerified>.NotFound("No such provider.");
        }
        if (provider.VerifiedAt is null)
        {
            provider.VerifiedAt = clock.GetUtcNow().UtcDateTime;
            provider.VerifiedBy = ProviderVerificationMethod.ByPlatformAdmin;
            provider.VerifiedByUserId = actor.UserId;
            var first = await db.Users.Where(u => u.ProviderId == providerId).OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).FirstOrDefaultAsync(ct);
            if (first is not null)
            {
                first.EmailConfirmed = true;
            }
            audit.Record(actor, AuditActions.ProviderVerified, nameof(Provider), provider.Id, $"{provider.Name}, by a platform admin", providerId: provider.Id);
            await db.SaveChangesAsync(ct);
        }
        return Outcome<ProviderVerified>.Success(new ProviderVerified(provider.Id, provider.VerifiedAt.Value, provider.VerifiedBy!.Value));
    }

    /// <summary>For the banner and the organisation page.</summary>
    public async Task<VerificationStatus?> StatusAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.ProviderId is not { } providerId)
        {
            return null;
        }
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == actor.UserId, ct);
        return provider is null || user is null
            ? null
            : new VerificationStatus(provider.VerifiedAt is not null, provider.VerifiedAt, provider.VerifiedBy, provider.ContactEmail,
                provider.ContactEmailConfirmedAt is not null, user.Email!, user.EmailConfirmed);
    }

    /// <summary>Self-registered organisations waiting for verification, oldest first.</summary>
    public async Task<List<UnverifiedProvider>> UnverifiedAsync(CancellationToken ct = default) =>
        await db.Providers.AsNoTracking().Where(p => p.VerifiedAt == null).OrderBy(p => p.RegisteredAt).ThenBy(p => p.Id)
            .Select(p => new UnverifiedProvider(p.Id, p.Name, p.RegistrationNumber, p.ContactEmail,
                db.Users.Where(u => u.ProviderId == p.Id).OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Select(u => u.Email).FirstOrDefault(),
                p.RegisteredAt))
            .Take(500)
            .ToListAsync(ct);

    private async Task SendUserLinkAsync(Provider provider, User user, string confirmUrl, bool confirmsContact, CancellationToken ct)
    {
        var code = codes.Issue(user.Email!, user.Id, provider.Id, confirmsContact);
        var also = confirmsContact ? " It is also your organisation's contact address, where councils' referrals and notices are sent." : "";
        await emails.QueueConfirmationAsync(user.Email!, "Confirm your email address for PlacementBroker",
            $"You registered {provider.Name} on PlacementBroker.{also}\n\nConfirm your email address within {EmailConfirmationCodes.Lifetime.TotalDays:0} days: {Link(confirmUrl, code)}\n\n" +
            "Until you do, your organisation cannot apply to a lot, receive referrals or see councils' data. If you did not register, ignore this email.",
            ct: ct);
        audit.Record(new Actor(user.Id, user.Email!, Role.ProviderUser, null, provider.Id), AuditActions.EmailConfirmationSent, nameof(User), user.Id, user.Email, providerId: provider.Id);
    }

    private async Task SendContactLinkAsync(Provider provider, string confirmUrl, CancellationToken ct)
    {
        var code = codes.Issue(provider.ContactEmail, null, provider.Id, confirmsContactEmail: true);
        await emails.QueueConfirmationAsync(provider.ContactEmail, "Confirm this address for PlacementBroker notices",
            $"{provider.Name} gave this address for councils' referrals and notices on PlacementBroker.\n\n" +
            $"Confirm it within {EmailConfirmationCodes.Lifetime.TotalDays:0} days: {Link(confirmUrl, code)}\n\nNothing is sent to it until it is confirmed. If this is not expected, ignore this email.",
            ct: ct);
        audit.Record(null, AuditActions.EmailConfirmationSent, nameof(Provider), provider.Id, provider.ContactEmail, providerId: provider.Id);
    }

    private async Task<bool> SentLatelyAsync(string email, DateTime now, CancellationToken ct)
    {
        var since = now - ResendInterval;
        var lower = email.Trim().ToLowerInvariant();
        return await db.EmailConfirmationCodes.AnyAsync(c => c.Email.ToLower() == lower && c.CreatedAt > since, ct);
    }

    private static string Link(string confirmUrl, string code) => $"{confirmUrl}?code={Uri.EscapeDataString(code)}";

    public static bool SameAddress(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
