using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PlacementBroker.Core.Sharing;

/// <summary>
/// What providers learn about the child, and when (spec 12): shortlisting offers, the documents officers attach to a
/// referral and the stage each is shared at, and providers' questions with the officers' answers. The referral's own
/// authority (its placing officers and placement managers) sees everything; a provider sees only what its stage allows,
/// and anything else is not found, never told apart from an unknown id. Every download is audited.
/// </summary>
public class SharingService(
    PlacementBrokerDbContext db, IDocumentStore store, EmailOutbox emails, IMarketplaceNotifier live, AuditTrail audit,
    IOptions<DocumentOptions> options, TimeProvider clock, ILogger<SharingService> log)
{
    public const int MaxNoteLength = 1000;
    public const int MaxQuestionLength = TextLengths.Paragraph;
    public const int MaxAnswerLength = TextLengths.LongText;
    /// <summary>Unanswered questions one provider may have waiting on one referral.</summary>
    public const int MaxOpenQuestionsPerProvider = 10;
    public const string DownloadedAction = "DocumentDownloaded";

    // ---- Stages ----

    /// <summary>
    /// The provider's stage on the referral, or null when it was not sent it (<see cref="StageOf"/>).
    /// </summary>
    public async Task<SharingStage?> StageAsync(Guid providerId, Guid referralId, CancellationToken ct = default)
    {
        var found = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
            .Select(r => new
            {
                r.Status,
                Recipient = db.ReferralRecipients.Any(x => x.ReferralId == r.Id && x.ProviderId == providerId),
                Placed = db.Placements.Any(p => p.ReferralId == r.Id && p.ProviderId == providerId && p.Status == PlacementStatus.Active),
                Shortlisted = db.Offers.Any(o => o.ReferralId == r.Id && o.ProviderId == providerId && o.ShortlistedAt != null
                    && (o.Status == OfferStatus.Submitted || o.Status == OfferStatus.PendingApproval)),
            })
            .SingleOrDefaultAsync(ct);
        return found is { Recipient: true } ? StageOf(found.Status, found.Placed, found.Shortlisted) : null;
    }

    /// <summary>
    /// The one rule of stages, for a provider the referral was sent to. Placed: a child of the referral is placed with it
    /// now (once the placement ends, its documents are no longer the provider's to read). Shortlisted: the referral is open
    /// and one of its live offers is shortlisted. Otherwise a recipient: once the referral closes without the provider, it
    /// sees no document again.
    /// </summary>
    public static SharingStage StageOf(ReferralStatus status, bool placedNow, bool liveOfferShortlisted) =>
        placedNow ? SharingStage.Placed
        : liveOfferShortlisted && status == ReferralStatus.Open ? SharingStage.Shortlisted
        : SharingStage.Recipient;

    /// <summary>The documents shared at or before the stage.</summary>
    public static bool Allows(SharingStage stage, ShareStage shareAt) =>
        stage == SharingStage.Placed || (stage == SharingStage.Shortlisted && shareAt == ShareStage.Shortlisted);

    private static bool IsAuthorityReader(Actor actor) => ReferralService.AuthorityReaders.Contains(actor.Role) && actor.LocalAuthorityId is not null;

    private Task<Referral?> OwnReferralAsync(Actor actor, Guid referralId, CancellationToken ct) =>
        IsAuthorityReader(actor)
            ? db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.LocalAuthorityId == actor.LocalAuthorityId, ct)
            : Task.FromResult<Referral?>(null);

    // ---- Shortlisting ----

    /// <summary>
    /// Shortlists an offer of a referral the officer's authority sent: its provider then sees the documents shared at
    /// shortlisting, and is emailed. Only a live offer (submitted, or awaiting a manager) of an open referral; doing it
    /// twice changes nothing.
    /// </summary>
    public async Task<Outcome<ShortlistView>> ShortlistAsync(Actor actor, Guid offerId, CancellationToken ct = default)
    {
        var found = await OwnOfferAsync(actor, offerId, ct);
        if (Outcome<ShortlistView>.Refused(found, "No such offer.", actor.Role == Role.PlacingOfficer, "Only placing officers shortlist offers.", out var refused))
        {
            return refused;
        }
        var (offer, referral) = found.Value;
        if (referral.Status != ReferralStatus.Open)
        {
            return Outcome<ShortlistView>.BusinessRule("The referral is closed: only the offers of an open referral can be shortlisted.");
        }
        if (offer.Status is not (OfferStatus.Submitted or OfferStatus.PendingApproval))
        {
            return Outcome<ShortlistView>.BusinessRule($"The offer is {Words.InSentence(offer.Status)}: only a live offer can be shortlisted.");
        }
        if (offer.ShortlistedAt is not null)
        {
            return Outcome<ShortlistView>.Success(new ShortlistView(offer.Id, offer.ReferralId, true, offer.ShortlistedAt));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        offer.ShortlistedAt = now;
        offer.ShortlistedByUserId = actor.UserId;
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == offer.ProviderId).Select(p => new { p.Name, p.ContactEmail }).SingleAsync(ct);
        var shared = await db.ReferralDocuments.CountAsync(d => d.ReferralId == referral.Id && d.DeletedAt == null && d.ShareAt == ShareStage.Shortlisted, ct);
        await emails.QueueAsync(provider.ContactEmail, "Your offer has been shortlisted",
            $"A placing officer has shortlisted your offer on the referral of a {Words.Child(MatchService.AgeOn(referral.ChildDateOfBirth, referral.StartDate), referral.ChildGender)}"
            + $" from {Postcode.District(referral.HomePostcode)}.\n\n"
            + (shared > 0 ? $"{Words.Plural(shared, "document has", "documents have")} been shared with you for this stage. " : "")
            + $"Sign in to PlacementBroker to read the referral (/provider/referrals/{referral.Id}). Everything shared about the child is confidential: "
            + "download only what you need, keep it securely and delete it when you no longer need it.",
            $"offer-shortlisted:{offer.Id}:{now:yyyyMMddHHmmss}", ct);
        audit.Record(actor, "OfferShortlisted", nameof(Offer), offer.Id, $"{provider.Name} on referral {referral.Id}", providerId: offer.ProviderId);
        if (!await SavedAsync(ct))
        {
            return Outcome<ShortlistView>.Conflict("The offer changed while it was being shortlisted (accepted or withdrawn): look at it again.");
        }
        return Outcome<ShortlistView>.Success(new ShortlistView(offer.Id, offer.ReferralId, true, now));
    }

    /// <summary>Takes an offer off the shortlist: its provider no longer sees the shortlisted documents. Doing it twice changes nothing.</summary>
    public async Task<Outcome<ShortlistView>> RemoveFromShortlistAsync(Actor actor, Guid offerId, CancellationToken ct = default)
    {
        var found = await OwnOfferAsync(actor, offerId, ct);
        if (Outcome<ShortlistView>.Refused(found, "No such offer.", actor.Role == Role.PlacingOfficer, "Only placing officers shortlist offers.", out var refused))
        {
            return refused;
        }
        var (offer, referral) = found.Value;
        if (offer.ShortlistedAt is not null)
        {
            offer.ShortlistedAt = null;
            offer.ShortlistedByUserId = null;
            audit.Record(actor, "OfferRemovedFromShortlist", nameof(Offer), offer.Id, $"referral {referral.Id}", providerId: offer.ProviderId);
            if (!await SavedAsync(ct))
            {
                return Outcome<ShortlistView>.Conflict("The offer changed while it was being taken off the shortlist: look at it again.");
            }
        }
        return Outcome<ShortlistView>.Success(new ShortlistView(offer.Id, offer.ReferralId, false, null));
    }

    /// <summary>Saves, or false when the offer or referral changed meanwhile (its status is a concurrency token: accepted, withdrawn).</summary>
    private async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<(Offer Offer, Referral Referral)?> OwnOfferAsync(Actor actor, Guid offerId, CancellationToken ct)
    {
        if (!IsAuthorityReader(actor))
        {
            return null;
        }
        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId, ct);
        var referral = offer is null ? null : await db.Referrals.SingleOrDefaultAsync(r => r.Id == offer.ReferralId && r.LocalAuthorityId == actor.LocalAuthorityId, ct);
        return referral is null ? null : (offer!, referral);
    }

    // ---- Documents ----

    /// <summary>
    /// Whether the caller may attach documents to the referral at all, checked before a large upload is read: not found for
    /// another authority's referral or an unknown id, forbidden for a role that may not.
    /// </summary>
    public async Task<Outcome<bool>> MayAttachAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        var own = IsAuthorityReader(actor) && await db.Referrals.AnyAsync(r => r.Id == referralId && r.LocalAuthorityId == actor.LocalAuthorityId, ct);
        return Outcome<bool>.Refused(own ? referralId : (Guid?)null, "No such referral.", actor.Role == Role.PlacingOfficer, "Only placing officers attach documents.", out var refused)
            ? refused
            : Outcome<bool>.Success(true);
    }

    /// <summary>
    /// Attaches a document to a referral of the officer's authority. The content decides what it is (PDF, Word, an image:
    /// anything else is refused, 415), at most 20 MB (413). The bytes are stored first and the record saved after, so a
    /// record never points at nothing; a failed save removes the bytes again.
    /// </summary>
    public async Task<Outcome<DocumentView>> UploadAsync(Actor actor, Guid referralId, DocumentUpload upload, CancellationToken ct = default)
    {
        var referral = await OwnReferralAsync(actor, referralId, ct);
        if (Outcome<DocumentView>.Refused(referral, "No such referral.", actor.Role == Role.PlacingOfficer, "Only placing officers attach documents.", out var refused))
        {
            return refused;
        }
        if (upload.Content.LongLength > DocumentContent.MaxBytes)
        {
            return Outcome<DocumentView>.TooLarge("file", "The file must be 20 MB or smaller");
        }
        var errors = new FieldErrors();
        errors.Required("kind", upload.Kind, "Select what the document is");
        errors.Required("shareAt", upload.ShareAt, "Select when providers may see it");
        var note = string.IsNullOrWhiteSpace(upload.Note) ? null : upload.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            errors.Add("note", $"The note must be {MaxNoteLength:N0} characters or fewer");
        }
        if (upload.Content.Length == 0)
        {
            errors.Add("file", "Select a file to upload");
        }
        if (errors.Any)
        {
            return Outcome<DocumentView>.Invalid(errors);
        }
        if (DocumentContent.Recognise(upload.Content) is not { } type)
        {
            return Outcome<DocumentView>.UnsupportedType("file", $"The file must be {DocumentContent.Allowed}");
        }
        if (referral.Status is ReferralStatus.Withdrawn or ReferralStatus.Unfilled)
        {
            return Outcome<DocumentView>.BusinessRule("The referral is closed: documents can no longer be attached to it.");
        }
        if (await db.ReferralDocuments.CountAsync(d => d.ReferralId == referralId && d.DeletedAt == null, ct) >= options.Value.MaxPerReferral)
        {
            return Outcome<DocumentView>.BusinessRule("file", $"A referral can carry at most {options.Value.MaxPerReferral} documents: delete one it no longer needs first.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        var document = new ReferralDocument
        {
            Id = id,
            ReferralId = referralId,
            LocalAuthorityId = referral.LocalAuthorityId,
            Kind = upload.Kind!.Value,
            ShareAt = upload.ShareAt!.Value,
            FileName = DocumentContent.SafeFileName(upload.FileName, type, Words.Name(upload.Kind!.Value)),
            ContentType = type.ContentType,
            Size = upload.Content.LongLength,
            Note = note,
            StorageKey = $"referrals/{referralId:N}/{id:N}",
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(upload.Content)),
            UploadedByUserId = actor.UserId,
            UploadedAt = now,
        };
        await store.SaveAsync(document.StorageKey, upload.Content, ct);
        try
        {
            db.ReferralDocuments.Add(document);
            audit.Record(actor, "DocumentUploaded", nameof(ReferralDocument), document.Id,
                $"{Words.Name(document.Kind)} for referral {referralId}, shared when {Words.InSentence(document.ShareAt)}, {document.Size} bytes");
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await store.DeleteAsync(document.StorageKey, CancellationToken.None);
            throw;
        }
        return Outcome<DocumentView>.Success(View(document));
    }

    /// <summary>
    /// The referral's documents the caller may see, oldest first: all of them for its authority's officers and managers,
    /// those of its stage for a provider it was sent to. Null (not found) for anyone else.
    /// </summary>
    public async Task<List<DocumentView>?> ListAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        IQueryable<ReferralDocument> documents = db.ReferralDocuments.AsNoTracking().Where(d => d.ReferralId == referralId && d.DeletedAt == null);
        if (IsAuthorityReader(actor))
        {
            if (!await db.Referrals.AnyAsync(r => r.Id == referralId && r.LocalAuthorityId == actor.LocalAuthorityId, ct))
            {
                return null;
            }
        }
        else if (actor.Role == Role.ProviderUser && actor.ProviderId is { } providerId && await StageAsync(providerId, referralId, ct) is { } stage)
        {
            if (stage == SharingStage.Recipient)
            {
                return [];
            }
            if (stage == SharingStage.Shortlisted)
            {
                documents = documents.Where(d => d.ShareAt == ShareStage.Shortlisted);
            }
        }
        else
        {
            return null;
        }
        var list = await documents.OrderBy(d => d.UploadedAt).ThenBy(d => d.Id).ToListAsync(ct);
        return [.. list.Select(View)];
    }

    /// <summary>
    /// The document's bytes for a caller who may see it, the download audited (who, when, which document) in the same
    /// save; not found for anyone else, before the caller's stage, once deleted, or when the bytes stored do not match
    /// what was uploaded.
    /// </summary>
    public async Task<Outcome<DocumentFile>> DownloadAsync(Actor actor, Guid documentId, CancellationToken ct = default)
    {
        var document = await db.ReferralDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.DeletedAt == null, ct);
        if (document is null || !await MaySeeAsync(actor, document, ct))
        {
            return Outcome<DocumentFile>.NotFound("No such document.");
        }
        var content = await store.ReadAsync(document.StorageKey, ct);
        if (content is null || Convert.ToHexStringLower(SHA256.HashData(content)) != document.ContentHash)
        {
            log.LogError("Document {DocumentId} is missing from the store or does not match its hash", document.Id);
            return Outcome<DocumentFile>.NotFound("The document is no longer available.");
        }
        audit.Record(actor, DownloadedAction, nameof(ReferralDocument), document.Id,
            $"{Words.Name(document.Kind)} of referral {document.ReferralId} downloaded", localAuthorityId: document.LocalAuthorityId);
        await db.SaveChangesAsync(ct);
        return Outcome<DocumentFile>.Success(new DocumentFile(document.Id, document.FileName, document.ContentType, content));
    }

    /// <summary>Removes a document the officer's authority attached: from every provider's view at once, from the store, and its name from the record.</summary>
    public async Task<Outcome<DocumentView>> DeleteAsync(Actor actor, Guid documentId, CancellationToken ct = default)
    {
        var document = IsAuthorityReader(actor)
            ? await db.ReferralDocuments.SingleOrDefaultAsync(d => d.Id == documentId && d.DeletedAt == null && d.LocalAuthorityId == actor.LocalAuthorityId, ct)
            : null;
        if (Outcome<DocumentView>.Refused(document, "No such document.", actor.Role == Role.PlacingOfficer, "Only placing officers delete documents.", out var refused))
        {
            return refused;
        }
        var view = View(document);
        // Out of every view first (the record marked and saved), then the bytes: a process stopped in between leaves bytes
        // no record points at, never a listed document whose download fails.
        document.DeletedAt = clock.GetUtcNow().UtcDateTime;
        document.DeletedReason = "Deleted by a placing officer";
        document.FileName = "Deleted";
        document.Note = null;
        audit.Record(actor, "DocumentDeleted", nameof(ReferralDocument), document.Id, $"{Words.Name(document.Kind)} of referral {document.ReferralId}");
        await db.SaveChangesAsync(ct);
        await store.DeleteAsync(document.StorageKey, CancellationToken.None);
        return Outcome<DocumentView>.Success(view);
    }

    private async Task<bool> MaySeeAsync(Actor actor, ReferralDocument document, CancellationToken ct)
    {
        if (IsAuthorityReader(actor))
        {
            return document.LocalAuthorityId == actor.LocalAuthorityId;
        }
        return actor.Role == Role.ProviderUser && actor.ProviderId is { } providerId
            && await StageAsync(providerId, document.ReferralId, ct) is { } stage && Allows(stage, document.ShareAt);
    }

    private static DocumentView View(ReferralDocument d) =>
        new(d.Id, d.ReferralId, d.Kind, d.ShareAt, d.FileName, d.ContentType, d.Size, d.Note, d.UploadedAt);

    // ---- Questions ----

    /// <summary>
    /// A provider the referral was sent to asks the officers a question while it is open. The referral's creator is
    /// emailed, and the creator and anyone of the authority watching the referral hear <c>questionAsked</c>.
    /// </summary>
    public async Task<Outcome<ReferralQuestionView>> AskAsync(Actor actor, Guid referralId, QuestionRequest request, CancellationToken ct = default)
    {
        if (actor.Role != Role.ProviderUser || actor.ProviderId is not { } providerId || await StageAsync(providerId, referralId, ct) is null)
        {
            return actor.Role == Role.ProviderUser ? Outcome<ReferralQuestionView>.NotFound("No such referral.") : Outcome<ReferralQuestionView>.Forbidden("Only providers ask questions.");
        }
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Outcome<ReferralQuestionView>.Invalid("text", "Enter your question");
        }
        if (text.Length > MaxQuestionLength)
        {
            return Outcome<ReferralQuestionView>.Invalid("text", $"The question must be {MaxQuestionLength:N0} characters or fewer");
        }
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referralId, ct);
        if (referral.Status != ReferralStatus.Open)
        {
            return Outcome<ReferralQuestionView>.BusinessRule("The referral is closed: questions can be asked only while it is open.");
        }
        if (await db.ReferralQuestions.CountAsync(q => q.ReferralId == referralId && q.ProviderId == providerId && q.AnsweredAt == null, ct) >= MaxOpenQuestionsPerProvider)
        {
            return Outcome<ReferralQuestionView>.BusinessRule("text", $"You have {MaxOpenQuestionsPerProvider} questions waiting for an answer on this referral: wait for the officer to answer them first.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var question = new ReferralQuestion { ReferralId = referralId, ProviderId = providerId, AskedByUserId = actor.UserId, Text = text, AskedAt = now };
        db.ReferralQuestions.Add(question);
        var creator = await db.Users.AsNoTracking().Where(u => u.Id == referral.CreatedByUserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (creator is not null)
        {
            await emails.QueueAsync(creator, "A provider has asked a question about your referral",
                $"A provider has asked about your referral /referrals/{referralId}:\n\n{text}\n\n"
                + "Answer it on the referral's page, to that provider only or to every provider the referral was sent to.",
                $"question-asked:{question.Id}", ct);
        }
        audit.Record(actor, "QuestionAsked", nameof(ReferralQuestion), question.Id, $"on referral {referralId}", localAuthorityId: referral.LocalAuthorityId);
        await db.SaveChangesAsync(ct);
        await live.QuestionAskedAsync(referral.CreatedByUserId, new QuestionAskedEvent(referralId, question.Id));
        return Outcome<ReferralQuestionView>.Success(new ReferralQuestionView(question.Id, referralId, text, null, false, now, null) { Mine = true });
    }

    /// <summary>
    /// An officer of the referral's authority answers a question, once: to the asking provider, or to every provider the
    /// referral was sent to without saying who asked. Those it goes to are emailed and hear <c>questionAnswered</c>.
    /// </summary>
    public async Task<Outcome<ReferralQuestionView>> AnswerAsync(Actor actor, Guid questionId, AnswerRequest request, CancellationToken ct = default)
    {
        var question = IsAuthorityReader(actor)
            ? await db.ReferralQuestions.SingleOrDefaultAsync(q => q.Id == questionId
                && db.Referrals.Any(r => r.Id == q.ReferralId && r.LocalAuthorityId == actor.LocalAuthorityId), ct)
            : null;
        if (Outcome<ReferralQuestionView>.Refused(question, "No such question.", actor.Role == Role.PlacingOfficer, "Only placing officers answer questions.", out var refused))
        {
            return refused;
        }
        var errors = new FieldErrors();
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("text", "Enter your answer");
        }
        else if (text.Length > MaxAnswerLength)
        {
            errors.Add("text", $"The answer must be {MaxAnswerLength:N0} characters or fewer");
        }
        errors.Required("shareWithAll", request.ShareWithAll, "Say whether the answer goes to every provider or only to the one who asked");
        if (errors.Any)
        {
            return Outcome<ReferralQuestionView>.Invalid(errors);
        }
        if (question.AnsweredAt is not null)
        {
            return Outcome<ReferralQuestionView>.Conflict("The question has already been answered.");
        }
        var shareWithAll = request.ShareWithAll!.Value;
        if (shareWithAll || await StageAsync(question.ProviderId, question.ReferralId, ct) != SharingStage.Placed)
        {
            // Only the placed provider knows who the child is: as with the summary, an answer anyone else reads (and, shared,
            // the question with it) may not identify the child.
            var child = await db.Referrals.AsNoTracking().Where(r => r.Id == question.ReferralId)
                .Select(r => new { r.ChildFirstName, r.ChildLastName, r.ChildReference, r.ChildDateOfBirth }).SingleAsync(ct);
            if (ProviderSummaryCheck.Error(shareWithAll ? question.Text + "\n" + text : text, child.ChildFirstName, child.ChildLastName, child.ChildReference,
                    child.ChildDateOfBirth, shareWithAll ? "A question and answer for every provider are" : "The answer is") is { } identifying)
            {
                return Outcome<ReferralQuestionView>.Invalid("text", identifying);
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // The answer, its emails and its audit entry are saved together; only one answer wins when two officers answer at once.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.ReferralQuestions.Where(q => q.Id == questionId && q.AnsweredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Answer, text).SetProperty(q => q.SharedWithAll, shareWithAll)
                .SetProperty(q => q.AnsweredByUserId, actor.UserId).SetProperty(q => q.AnsweredAt, now), ct);
        if (changed == 0)
        {
            return Outcome<ReferralQuestionView>.Conflict("The question has already been answered.");
        }
        var providerIds = shareWithAll
            ? await db.ReferralRecipients.AsNoTracking().Where(x => x.ReferralId == question.ReferralId).Select(x => x.ProviderId).ToListAsync(ct)
            : [question.ProviderId];
        var contacts = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).Select(p => new { p.Id, p.ContactEmail }).ToListAsync(ct);
        var subject = shareWithAll ? "A question about a referral has been answered for every provider" : "Your question about a referral has been answered";
        var body = $"{(shareWithAll ? "A provider asked" : "You asked")} about the referral /provider/referrals/{question.ReferralId}:\n\n{question.Text}\n\n"
            + $"The placing officer answered{(shareWithAll ? ", for every provider the referral was sent to" : "")}:\n\n{text}";
        await emails.QueueManyAsync([.. contacts.Select(c => new QueuedEmail(c.ContactEmail, subject, body, $"question-answered:{question.Id}:{c.Id}"))], ct);
        audit.Record(actor, "QuestionAnswered", nameof(ReferralQuestion), question.Id,
            shareWithAll ? $"shared with {providerIds.Count} providers" : "to the asking provider", providerId: question.ProviderId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await live.QuestionAnsweredAsync(providerIds, new QuestionAnsweredEvent(question.ReferralId, question.Id));
        return Outcome<ReferralQuestionView>.Success(new ReferralQuestionView(question.Id, question.ReferralId, question.Text, text, shareWithAll, question.AskedAt, now));
    }

    /// <summary>
    /// The referral's questions, oldest first: every one, with who asked, for its authority; for a provider it was sent
    /// to, its own and the answers shared with all, never who asked. Null (not found) for anyone else.
    /// </summary>
    public async Task<List<ReferralQuestionView>?> QuestionsAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        var questions = db.ReferralQuestions.AsNoTracking().Where(q => q.ReferralId == referralId);
        if (IsAuthorityReader(actor))
        {
            if (!await db.Referrals.AnyAsync(r => r.Id == referralId && r.LocalAuthorityId == actor.LocalAuthorityId, ct))
            {
                return null;
            }
            return await questions.OrderBy(q => q.AskedAt).ThenBy(q => q.Id)
                .Select(q => new ReferralQuestionView(q.Id, q.ReferralId, q.Text, q.Answer, q.SharedWithAll, q.AskedAt, q.AnsweredAt)
                {
                    ProviderId = q.ProviderId,
                    ProviderName = db.Providers.Where(p => p.Id == q.ProviderId).Select(p => p.Name).FirstOrDefault(),
                })
                .ToListAsync(ct);
        }
        if (actor.Role != Role.ProviderUser || actor.ProviderId is not { } providerId || await StageAsync(providerId, referralId, ct) is null)
        {
            return null;
        }
        return await questions.Where(q => q.ProviderId == providerId || (q.SharedWithAll && q.AnsweredAt != null))
            .OrderBy(q => q.AskedAt).ThenBy(q => q.Id)
            .Select(q => new ReferralQuestionView(q.Id, q.ReferralId, q.Text, q.Answer, q.SharedWithAll, q.AskedAt, q.AnsweredAt) { Mine = q.ProviderId == providerId })
            .ToListAsync(ct);
    }
}
