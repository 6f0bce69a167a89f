using System.Text.Json;

namespace PlacementBroker.Core.DataProtection;

/// <summary>
/// Finds a child by the council's case reference (or one of its referrals' ids) within the asking person's council only,
/// and gathers every referral, offer, placement, approval, audit entry and email about them, and the referrals about
/// them that officers began and have not finished. Another council's child is
/// not found. Each export is itself audited.
/// </summary>
public class SubjectAccessService(PlacementBrokerDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static bool MayExport(Actor actor) =>
        actor.LocalAuthorityId is not null && actor.Role is Role.PlacementManager or Role.DataProtectionLead;

    public async Task<Outcome<SubjectAccessExport>> ExportAsync(Actor actor, string? caseReference, Guid? referralId, CancellationToken ct = default)
    {
        if (!MayExport(actor))
        {
            return Outcome<SubjectAccessExport>.Forbidden("Only a council's placement managers and data protection lead export what is held about a child.");
        }
        var council = actor.LocalAuthorityId!.Value;
        var reference = caseReference?.Trim();
        if (string.IsNullOrEmpty(reference) && referralId is null)
        {
            return Outcome<SubjectAccessExport>.Invalid("caseReference", "Enter the child's case reference");
        }
        if (reference is { Length: > 100 })
        {
            return Outcome<SubjectAccessExport>.Invalid("caseReference", "The case reference must be 100 characters or fewer");
        }
        if (string.IsNullOrEmpty(reference))
        {
            reference = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId && r.LocalAuthorityId == council && r.AnonymisedAt == null)
                .Select(r => r.ChildReference).SingleOrDefaultAsync(ct);
            if (reference is null)
            {
                return Outcome<SubjectAccessExport>.NotFound("Your council holds no referral with that id.");
            }
        }
        // A case reference is one child whatever its case, on every database (ADR 0015): "ab123" finds AB123's records.
        var lowerReference = reference.ToLowerInvariant();
        var referrals = await db.Referrals.AsNoTracking().Include(r => r.Recipients)
            .Where(r => r.LocalAuthorityId == council && (r.ChildReference == reference || r.ChildReference.ToLower() == lowerReference) && r.AnonymisedAt == null)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(ct);
        var unfinished = await UnfinishedAboutAsync(council, reference, ct);
        if (referrals.Count == 0 && unfinished.Count == 0)
        {
            return Outcome<SubjectAccessExport>.NotFound("Your council holds no child with that case reference.");
        }
        var referralIds = referrals.Select(r => r.Id).ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => referralIds.Contains(o.ReferralId)).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToListAsync(ct);
        var placements = await db.Placements.AsNoTracking().Where(p => referralIds.Contains(p.ReferralId) && p.LocalAuthorityId == council)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var approvals = await db.Approvals.AsNoTracking().Where(a => referralIds.Contains(a.ReferralId) && a.LocalAuthorityId == council)
            .OrderBy(a => a.Id).ToListAsync(ct);
        var documents = await db.ReferralDocuments.AsNoTracking().Where(d => referralIds.Contains(d.ReferralId) && d.LocalAuthorityId == council)
            .OrderBy(d => d.UploadedAt).ThenBy(d => d.Id).ToListAsync(ct);
        var questions = await db.ReferralQuestions.AsNoTracking().Where(q => referralIds.Contains(q.ReferralId))
            .OrderBy(q => q.AskedAt).ThenBy(q => q.Id).ToListAsync(ct);

        var ids = referralIds.Concat(offers.Select(o => o.Id)).Concat(placements.Select(p => p.Id)).Concat(approvals.Select(a => a.Id))
            .Concat(unfinished.Select(u => u.Id)).Concat(documents.Select(d => d.Id)).Concat(questions.Select(q => q.Id))
            .Select(id => id.ToString()).ToList();
        var auditEntries = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId != null && ids.Contains(e.EntityId))
            .OrderBy(e => e.Id)
            .Select(e => new AuditEntryView(e.Id, e.OccurredAt, e.ActorEmail, e.ActorUserId, e.Action, e.EntityType, e.EntityId, e.LocalAuthorityId,
                e.ProviderId, e.Detail, e.IpAddress, e.Sequence, e.Hash))
            .ToListAsync(ct);

        // Emails name the referral or placement by id (in the link or the reference).
        var emails = new Dictionary<Guid, SubjectAccessEmail>();
        foreach (var id in referralIds.Concat(placements.Select(p => p.Id)).Concat(offers.Select(o => o.Id)).Concat(questions.Select(q => q.Id)).Select(i => i.ToString()))
        {
            var found = await db.OutboxEmails.AsNoTracking()
                .Where(e => e.Body.Contains(id) || (e.Reference != null && e.Reference.Contains(id)) || e.Subject.Contains(id))
                .Select(e => new SubjectAccessEmail(e.Id, e.To, e.Subject, e.Body, e.Reference, e.CreatedAt, e.DeliveredAt, e.DeliveredBy))
                .ToListAsync(ct);
            foreach (var email in found)
            {
                emails.TryAdd(email.Id, email);
            }
        }

        audit.Record(actor, "SubjectAccessExported", "Child", reference,
            $"{referrals.Count} referral(s), {unfinished.Count} unfinished referral(s), {offers.Count} offer(s), {placements.Count} placement(s), {approvals.Count} approval(s), {documents.Count} document(s), {questions.Count} question(s), {auditEntries.Count} audit entr(y/ies), {emails.Count} email(s)",
            localAuthorityId: council);
        await db.SaveChangesAsync(ct);

        return Outcome<SubjectAccessExport>.Success(new SubjectAccessExport(
            clock.GetUtcNow().UtcDateTime, council, reference, actor.Email, referrals, offers, placements, approvals, auditEntries,
            [.. emails.Values.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)], unfinished) { Documents = documents, Questions = questions });
    }

    /// <summary>
    /// The council's unfinished referrals whose answers give this case reference. The answers are the question pages'
    /// JSON, which only the pages read: the database narrows by text, then the answer itself is compared, so "C-1"
    /// does not find "C-12".
    /// </summary>
    private async Task<List<SubjectAccessUnfinishedReferral>> UnfinishedAboutAsync(Guid council, string reference, CancellationToken ct)
    {
        var candidates = await db.UnfinishedReferrals.AsNoTracking()
            .Where(u => u.LocalAuthorityId == council && u.Answers.ToLower().Contains(reference.ToLowerInvariant()))
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).ToListAsync(ct);
        var found = new List<SubjectAccessUnfinishedReferral>();
        foreach (var candidate in candidates)
        {
            JsonElement answers;
            try
            {
                answers = JsonDocument.Parse(candidate.Answers).RootElement.Clone();
            }
            catch (JsonException)
            {
                continue;
            }
            if (answers.ValueKind == JsonValueKind.Object
                && answers.EnumerateObject().Any(p => p.NameEquals("reference") && p.Value.ValueKind == JsonValueKind.String
                    && string.Equals(p.Value.GetString()?.Trim(), reference, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(new SubjectAccessUnfinishedReferral(candidate.Id, candidate.CreatedByUserId, candidate.CreatedAt, candidate.UpdatedAt,
                    candidate.CompletedSections, answers));
            }
        }
        return found;
    }
}
