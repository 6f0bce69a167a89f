namespace PlacementBroker.Core.Referrals;

/// <summary>An officer's unfinished referral as read back: the answers so far and the sections done.</summary>
public sealed record UnfinishedReferralView(Guid Id, string Answers, IReadOnlyList<string> CompletedSections, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>
/// Referrals being written on the question pages, saved as the officer goes (<see cref="UnfinishedReferral"/>). Each is
/// its officer's alone: another officer, of the same council or not, finds no such thing, and only placing officers
/// start one. Finishing one writes the referral through <see cref="ReferralService.CreateAsync"/> under its every rule
/// and deletes the answers in the same save.
/// </summary>
public class UnfinishedReferrals(PlacementBrokerDbContext db, ReferralService referrals, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Untouched this many days, the answers are deleted (<see cref="UnfinishedReferralCleanupJob"/>).</summary>
    public const int KeepDays = 30;

    /// <summary>The longest the answers may be: every answer at its longest, as JSON.</summary>
    public const int MaxAnswersLength = 20_000;

    private const string OfficersOnly = "Only placing officers write referrals.";

    /// <summary>Starts an unfinished referral with the first answers.</summary>
    public async Task<Outcome<UnfinishedReferralView>> StartAsync(Actor actor, string answers, IEnumerable<string> completedSections, CancellationToken ct = default)
    {
        if (actor.Role != Role.PlacingOfficer || actor.LocalAuthorityId is not { } authorityId)
        {
            return Outcome<UnfinishedReferralView>.Forbidden(OfficersOnly);
        }
        if (TooLong(answers) is { } tooLong)
        {
            return tooLong;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var unfinished = new UnfinishedReferral
        {
            LocalAuthorityId = authorityId,
            CreatedByUserId = actor.UserId,
            Answers = answers,
            CompletedSections = Join(completedSections),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.UnfinishedReferrals.Add(unfinished);
        audit.Record(actor, "UnfinishedReferralStarted", nameof(UnfinishedReferral), unfinished.Id);
        await db.SaveChangesAsync(ct);
        return Outcome<UnfinishedReferralView>.Success(View(unfinished));
    }

    /// <summary>Saves the answers so far and the sections done; another's, or one already finished, is not found.</summary>
    public async Task<Outcome<UnfinishedReferralView>> SaveAsync(Actor actor, Guid id, string answers, IEnumerable<string> completedSections, CancellationToken ct = default)
    {
        var unfinished = await OwnAsync(actor, id, ct);
        if (Outcome<UnfinishedReferralView>.Refused(unfinished, "No such referral.", true, OfficersOnly, out var refused))
        {
            return refused;
        }
        if (TooLong(answers) is { } tooLong)
        {
            return tooLong;
        }
        unfinished.Answers = answers;
        unfinished.CompletedSections = Join(completedSections);
        unfinished.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Finished or deleted at this same moment.
            db.ChangeTracker.Clear();
            return Outcome<UnfinishedReferralView>.NotFound("No such referral.");
        }
        return Outcome<UnfinishedReferralView>.Success(View(unfinished));
    }

    /// <summary>The officer's own unfinished referral, or null. The answers hold the child's name: the read is audited.</summary>
    public async Task<UnfinishedReferralView?> FindAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (await OwnAsync(actor, id, ct) is not { } unfinished)
        {
            return null;
        }
        audit.Record(actor, IdentityReads.UnfinishedReferral, nameof(UnfinishedReferral), unfinished.Id, "answers so far shown");
        await db.SaveChangesAsync(ct);
        return View(unfinished);
    }

    /// <summary>The officer's own unfinished referrals, last saved first; the read is audited when there are any.</summary>
    public async Task<List<UnfinishedReferralView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Role != Role.PlacingOfficer || actor.LocalAuthorityId is not { } la)
        {
            return [];
        }
        var mine = await db.UnfinishedReferrals.AsNoTracking().Where(u => u.CreatedByUserId == actor.UserId && u.LocalAuthorityId == la)
            .OrderByDescending(u => u.UpdatedAt).ThenByDescending(u => u.Id).ToListAsync(ct);
        if (mine.Count > 0)
        {
            audit.Record(actor, IdentityReads.UnfinishedReferral, nameof(UnfinishedReferral), null,
                $"{mine.Count} unfinished referrals listed: {string.Join(",", mine.Select(u => u.Id))}");
            await db.SaveChangesAsync(ct);
        }
        return [.. mine.Select(View)];
    }

    /// <summary>Deletes the officer's own unfinished referral: nothing was sent, so nothing else changes.</summary>
    public async Task<Outcome<bool>> DiscardAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var unfinished = await OwnAsync(actor, id, ct);
        if (Outcome<bool>.Refused(unfinished, "No such referral.", true, OfficersOnly, out var refused))
        {
            return refused;
        }
        db.UnfinishedReferrals.Remove(unfinished);
        audit.Record(actor, "UnfinishedReferralDeleted", nameof(UnfinishedReferral), unfinished.Id, "deleted by the officer");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<bool>.NotFound("No such referral.");
        }
        return Outcome<bool>.Success(true);
    }

    /// <summary>
    /// Writes the referral from the finished answers (a draft, to check before sending) and deletes them in the same
    /// save. Refused, the answers stay as they are; finished twice at once, only one referral is written.
    /// </summary>
    public async Task<Outcome<ReferralCreated>> FinishAsync(Actor actor, Guid id, CreateReferralRequest request, CancellationToken ct = default)
    {
        var unfinished = await OwnAsync(actor, id, ct);
        if (Outcome<ReferralCreated>.Refused(unfinished, "No such referral.", true, OfficersOnly, out var refused))
        {
            return refused;
        }
        db.UnfinishedReferrals.Remove(unfinished);
        Outcome<ReferralCreated> created;
        try
        {
            created = await referrals.CreateAsync(actor, request with { Draft = true }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Finished (or deleted) by another request at this same moment: that one wrote the referral.
            db.ChangeTracker.Clear();
            return Outcome<ReferralCreated>.NotFound("No such referral.");
        }
        if (!created.Succeeded)
        {
            db.Entry(unfinished).State = EntityState.Unchanged;
        }
        return created;
    }

    /// <summary>Deletes the unfinished referrals untouched for <see cref="KeepDays"/> days; how many.</summary>
    internal async Task<int> DeleteUntouchedAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-KeepDays);
        var deleted = await db.UnfinishedReferrals.Where(u => u.UpdatedAt < cutoff).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            audit.Record(null, "UnfinishedReferralsDeleted", nameof(UnfinishedReferral), null,
                $"{deleted} unfinished referral(s) untouched for {KeepDays} days deleted");
            await db.SaveChangesAsync(ct);
        }
        return deleted;
    }

    /// <summary>Only the officer who started it: anyone else, whatever their role or council, finds nothing.</summary>
    private async Task<UnfinishedReferral?> OwnAsync(Actor actor, Guid id, CancellationToken ct) =>
        actor.Role == Role.PlacingOfficer && actor.LocalAuthorityId is { } la
            ? await db.UnfinishedReferrals.SingleOrDefaultAsync(u => u.Id == id && u.CreatedByUserId == actor.UserId && u.LocalAuthorityId == la, ct)
            : null;

    private static Outcome<UnfinishedReferralView>? TooLong(string answers) => answers.Length > MaxAnswersLength
        ? Outcome<UnfinishedReferralView>.Invalid("answers", "The answers are too long to save")
        : null;

    private static string Join(IEnumerable<string> sections) => string.Join(",", sections.Distinct());

    private static UnfinishedReferralView View(UnfinishedReferral u) =>
        new(u.Id, u.Answers, u.CompletedSections.Split(',', StringSplitOptions.RemoveEmptyEntries), u.CreatedAt, u.UpdatedAt);
}
