using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace PlacementBroker.Core.Providers;

/// <summary>A provider's administrator invites colleagues, who choose their own password from the emailed link.</summary>
public class ProviderTeamService(PlacementBrokerDbContext db, UserManager<User> users, AuditTrail audit, EmailOutbox emails, AccountLinks links, TimeProvider clock)
{
    public async Task<Outcome<User>> InviteAsync(Actor actor, InviteColleagueRequest request, string setPasswordUrl, CancellationToken ct = default)
    {
        var inviter = await db.Users.SingleOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (actor.Role != Role.ProviderUser || inviter is not { IsOrganisationAdmin: true, ProviderId: { } providerId })
        {
            return Outcome<User>.Forbidden("Only your organisation's administrator can invite colleagues.");
        }
        var errors = new FieldErrors()
            .Email("email", request.Email)
            .Required("displayName", request.DisplayName, "Enter your colleague's full name")
            .MaxLength("displayName", request.DisplayName, 200, "Name");
        if (errors.Any)
        {
            return Outcome<User>.Invalid(errors);
        }
        if (await users.FindByEmailAsync(request.Email!.Trim()) is not null)
        {
            return Outcome<User>.Conflict("An account with that email address already exists.");
        }
        var provider = await db.Providers.SingleAsync(p => p.Id == providerId, ct);
        var colleague = new User
        {
            Email = request.Email.Trim(),
            UserName = request.Email.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            Role = Role.ProviderUser,
            ProviderId = providerId,
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Nobody knows this password: the colleague sets their own through the link.
        var created = await users.CreateAsync(colleague, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)) + "aA1!");
        if (!created.Succeeded)
        {
            return Outcome<User>.Conflict(string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        // A one-time code: the email carries it, the database only its hash.
        var link = AccountLinks.LinkFor(setPasswordUrl, links.Issue(colleague.Id, AccountLinkPurpose.Invitation));
        await emails.QueueAsync(colleague.Email, $"{inviter.DisplayName} has invited you to PlacementBroker",
            $"{inviter.DisplayName} has added you to {provider.Name}'s PlacementBroker account, where you will see councils' referrals and manage vacancies.\n\nChoose your password within 24 hours: {link}",
            ct: ct);
        audit.Record(actor, "ColleagueInvited", nameof(User), colleague.Id, colleague.Email, providerId: providerId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<User>.Success(colleague);
    }

    /// <summary>The organisation's own details, as its users see them.</summary>
    public async Task<ProviderProfile?> ProfileAsync(Guid providerId, CancellationToken ct = default) =>
        await db.Providers.AsNoTracking().Where(p => p.Id == providerId)
            .Select(p => new ProviderProfile(p.Id, p.Name, p.Type, p.RegistrationNumber, p.ContactEmail,
                p.Group != null ? p.Group.Name : null, p.Group != null ? p.Group.CompanyNumber : null, p.RegisteredAt))
            .SingleOrDefaultAsync(ct);

    public async Task<List<TeamMember>> TeamAsync(Guid providerId, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => u.ProviderId == providerId).OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new TeamMember(u.Id, u.DisplayName, u.Email!, u.IsOrganisationAdmin, u.LastSignedInAt))
            .ToListAsync(ct);
}
