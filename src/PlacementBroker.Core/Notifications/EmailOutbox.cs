namespace PlacementBroker.Core.Notifications;

/// <summary>
/// Queues emails in the caller's unit of work: they are saved with the change that caused them, and the delivery
/// sweep sends them afterwards. Never put a child's identifying details in an email.
/// </summary>
public class EmailOutbox(PlacementBrokerDbContext db, TimeProvider clock)
{
    /// <returns>false when an email with the same reference was queued before (a repeated sweep).</returns>
    public async Task<bool> QueueAsync(string to, string subject, string body, string? reference = null, CancellationToken ct = default) =>
        await QueueManyAsync([new QueuedEmail(to, subject, body, reference)], mayHold: true, ct) == 1;

    /// <summary>
    /// Queues many emails in the caller's unit of work, each exactly as <see cref="QueueAsync(string, string, string, string?, CancellationToken)"/>
    /// would (it is the same path): held for an unconfirmed contact address, skipped when its reference was queued
    /// before, in a few queries whatever their number rather than two or three each. Returns how many were queued.
    /// </summary>
    public Task<int> QueueManyAsync(IReadOnlyList<QueuedEmail> emails, CancellationToken ct = default) =>
        QueueManyAsync(emails, mayHold: true, ct);

    /// <param name="mayHold">False for emails about the address itself (<see cref="QueueConfirmationAsync"/>), which are never held.</param>
    private async Task<int> QueueManyAsync(IReadOnlyList<QueuedEmail> emails, bool mayHold, CancellationToken ct)
    {
        var held = mayHold ? await UnconfirmedContactsAsync(emails.Select(e => e.To), ct) : [];
        var references = emails.Where(e => e.Reference is not null).Select(e => e.Reference!).Distinct().ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in references.Chunk(QueryChunk))
        {
            taken.UnionWith(await db.OutboxEmails.Where(e => chunk.Contains(e.Reference!)).Select(e => e.Reference!).ToListAsync(ct));
        }
        taken.UnionWith(db.OutboxEmails.Local.Where(e => e.Reference is not null).Select(e => e.Reference!));
        var queued = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var email in emails)
        {
            if (email.Reference is not null && !taken.Add(email.Reference))
            {
                continue;
            }
            db.OutboxEmails.Add(new OutboxEmail
            {
                To = email.To,
                Subject = email.Subject,
                Body = email.Body,
                Reference = email.Reference,
                CreatedAt = now,
                HeldUntilConfirmed = held.Contains(email.To.Trim().ToLowerInvariant()),
            });
            queued++;
        }
        return queued;
    }

    private const int QueryChunk = 500;

    /// <summary>The rule of <see cref="IsUnconfirmedContactAsync"/>, for many addresses at once: the lower-cased ones it is true of.</summary>
    private async Task<HashSet<string>> UnconfirmedContactsAsync(IEnumerable<string> addresses, CancellationToken ct)
    {
        var lowers = addresses.Select(a => a.Trim().ToLowerInvariant()).Distinct().ToList();
        var contacts = new List<(string Email, bool Confirmed)>();
        foreach (var chunk in lowers.Chunk(QueryChunk))
        {
            contacts.AddRange((await db.Providers.Where(p => chunk.Contains(p.ContactEmail.ToLower()))
                .Select(p => new { Email = p.ContactEmail.ToLower(), Confirmed = p.ContactEmailConfirmedAt != null }).ToListAsync(ct))
                .Select(c => (c.Email, c.Confirmed)));
        }
        var unconfirmed = contacts.GroupBy(c => c.Email).Where(g => !g.Any(c => c.Confirmed)).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        if (unconfirmed.Count == 0)
        {
            return unconfirmed;
        }
        var byUpper = lowers.Where(unconfirmed.Contains).ToDictionary(l => l.ToUpperInvariant(), l => l, StringComparer.Ordinal);
        foreach (var chunk in byUpper.Keys.Chunk(QueryChunk))
        {
            foreach (var user in await db.Users.Where(u => u.EmailConfirmed && chunk.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail!).ToListAsync(ct))
            {
                unconfirmed.Remove(byUpper[user]);
            }
        }
        return unconfirmed;
    }

    /// <summary>
    /// Queues an email about the address itself (the link that confirms it, a warning to its owner): never held, as
    /// nothing else could reach an unconfirmed address. False when the reference was queued before.
    /// </summary>
    public async Task<bool> QueueConfirmationAsync(string to, string subject, string body, string? reference = null, CancellationToken ct = default) =>
        await QueueManyAsync([new QueuedEmail(to, subject, body, reference)], mayHold: false, ct) == 1;

    /// <summary>An address has been confirmed: what was held for it goes to the delivery sweep.</summary>
    public async Task<int> ReleaseHeldAsync(string address, CancellationToken ct = default)
    {
        var lower = address.Trim().ToLowerInvariant();
        return await db.OutboxEmails.Where(e => e.HeldUntilConfirmed && e.To.ToLower() == lower)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.HeldUntilConfirmed, false), ct);
    }

    /// <summary>
    /// A provider's contact address that nobody has confirmed (by the link sent to it, or as a user's own confirmed
    /// sign-in address): emails to it are held until it is, so the service never mails an address someone merely typed.
    /// </summary>
    public async Task<bool> IsUnconfirmedContactAsync(string to, CancellationToken ct = default) =>
        (await UnconfirmedContactsAsync([to], ct)).Count > 0;

    /// <summary>
    /// Queues and saves one email at once, for a sweep that changes nothing else: when another run of the sweep queued
    /// the same reference at the same moment, the unique index refuses this one and it is dropped, so the sweep goes on
    /// with its other emails rather than failing. Returns false when the email was already queued.
    /// </summary>
    public async Task<bool> QueueAndSaveAsync(string to, string subject, string body, string reference, CancellationToken ct = default)
    {
        if (!await QueueAsync(to, subject, body, reference, ct))
        {
            return false;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            foreach (var entry in db.ChangeTracker.Entries<OutboxEmail>().Where(e => e.State == EntityState.Added && e.Entity.Reference == reference).ToList())
            {
                entry.State = EntityState.Detached;
            }
            if (await db.OutboxEmails.AnyAsync(e => e.Reference == reference, CancellationToken.None))
            {
                return false;
            }
            throw;
        }
    }

    /// <summary>
    /// The outbox as a person may read it: the emails sent to their own address, or every email for a platform
    /// admin. Newest first, a page at a time.
    /// </summary>
    public async Task<OutboxPage> ListForAsync(Actor actor, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var query = Visible(actor);
        var total = await query.CountAsync(ct);
        var emails = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new OutboxPage(emails, total, page, pageSize);
    }

    /// <summary>One email, if the actor may read it (see <see cref="ListForAsync"/>); otherwise null.</summary>
    public Task<OutboxEmail?> FindForAsync(Actor actor, Guid emailId, CancellationToken ct = default) =>
        Visible(actor).SingleOrDefaultAsync(e => e.Id == emailId, ct);

    private IQueryable<OutboxEmail> Visible(Actor actor)
    {
        var query = db.OutboxEmails.AsNoTracking();
        if (actor.Role == Role.PlatformAdmin)
        {
            return query;
        }
        var email = actor.Email.Trim().ToLowerInvariant();
        return email.Length == 0 ? query.Where(_ => false) : query.Where(e => e.To.ToLower() == email);
    }
}

/// <summary>One email for <see cref="EmailOutbox.QueueManyAsync"/>.</summary>
public sealed record QueuedEmail(string To, string Subject, string Body, string? Reference = null);
