using System.Text.Json;

namespace PlacementBroker.Core.Dps;

/// <summary>
/// Applications to join a lot, decided on the legal clock: PCR 2015 reg. 34 (10 working days, once extendable
/// to 15 with a reason) or the period a Procurement Act 2023 dynamic market sets.
/// </summary>
public class AdmissionService(
    PlacementBrokerDbContext db, WorkingDayCalendar calendar, AuditTrail audit, EmailOutbox emails, TimeProvider clock)
{
    private static readonly string[] FailingAnswers = ["no", "fail", "false", "n"];

    public async Task<Outcome<ApplicationCreated>> ApplyAsync(Actor actor, Guid lotId, ApplyRequest request, CancellationToken ct = default)
    {
        if (actor.Role != Role.ProviderUser || actor.ProviderId is not { } providerId)
        {
            return Outcome<ApplicationCreated>.Forbidden("Only provider users apply to lots.");
        }
        if (request.ProviderId is { } requested && requested != providerId)
        {
            return Outcome<ApplicationCreated>.Forbidden("You can apply only for your own organisation.");
        }
        if (!await Providers.ProviderVerification.IsVerifiedAsync(db, providerId, ct))
        {
            return Outcome<ApplicationCreated>.Forbidden(Providers.ProviderVerification.NotVerifiedMessage);
        }
        var (lot, refusal) = await OpenLotAsync(lotId, providerId, ct);
        if (lot is null)
        {
            return refusal!;
        }

        var answers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var errors = new FieldErrors();
        foreach (var (key, value) in request.Answers ?? [])
        {
            var text = AnswerText(value);
            if (text is null)
            {
                errors.Add($"answers.{key}", "Answer with text, yes or no");
            }
            else if (text.Length > 4000)
            {
                errors.Add($"answers.{key}", "An answer must be 4,000 characters or fewer");
            }
            else if (key.Length > 100)
            {
                errors.Add("answers", "A question id must be 100 characters or fewer");
            }
            else
            {
                answers[key.Trim()] = text;
            }
        }
        var draft = request.Draft ?? false;
        if (!draft)
        {
            foreach (var question in lot.Questions.Where(q => !answers.TryGetValue(q.Key, out var a) || string.IsNullOrWhiteSpace(a)))
            {
                errors.Add($"answers.{question.Key}", $"Answer '{question.Text}'");
            }
        }
        errors.MaxLength("evidenceReference", request.EvidenceReference, 500, "The evidence reference");
        if (errors.Any)
        {
            return Outcome<ApplicationCreated>.Invalid(errors);
        }

        var application = await db.LotApplications.Include(a => a.Answers)
            .SingleOrDefaultAsync(a => a.LotId == lotId && a.ProviderId == providerId && a.Status == ApplicationStatus.Draft, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (application is null)
        {
            application = new LotApplication { LotId = lotId, ProviderId = providerId, Status = ApplicationStatus.Draft, CreatedAt = now };
            db.LotApplications.Add(application);
        }
        application.EvidenceReference = request.EvidenceReference?.Trim() ?? application.EvidenceReference;
        application.UpdatedAt = now;
        foreach (var (key, text) in answers)
        {
            // Filed under the lot's own question id, whatever case the provider wrote it in, so the question counts as
            // answered and its text shows beside the answer.
            var questionKey = lot.Questions.FirstOrDefault(q => string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase))?.Key ?? key;
            SetAnswer(application, questionKey, text, request.EvidenceReferences?.GetValueOrDefault(key));
        }
        if (!draft)
        {
            Submit(application, lot.Dps!, actor);
        }
        else
        {
            audit.Record(actor, "ApplicationDraftSaved", nameof(LotApplication), application.Id, lot.Name);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<ApplicationCreated>.Success(new ApplicationCreated(application.Id, application.Status, application.DecisionDueBy));
    }

    /// <summary>The provider's draft for a lot, started if there is none: the "save and come back" journey.</summary>
    public async Task<Outcome<LotApplication>> StartOrResumeAsync(Actor actor, Guid lotId, CancellationToken ct = default)
    {
        if (actor.Role != Role.ProviderUser || actor.ProviderId is not { } providerId)
        {
            return Outcome<LotApplication>.Forbidden("Only provider users apply to lots.");
        }
        var existing = await db.LotApplications
            .SingleOrDefaultAsync(a => a.LotId == lotId && a.ProviderId == providerId && a.Status == ApplicationStatus.Draft, ct);
        if (existing is not null)
        {
            return Outcome<LotApplication>.Success(existing);
        }
        var (lot, refusal) = await OpenLotAsync(lotId, providerId, ct);
        if (lot is null)
        {
            return refusal!.Kind switch
            {
                OutcomeKind.NotFound => Outcome<LotApplication>.NotFound(refusal.Message!),
                OutcomeKind.Conflict => Outcome<LotApplication>.Conflict(refusal.Message!),
                _ => Outcome<LotApplication>.BusinessRule(refusal.Message!),
            };
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var application = new LotApplication { LotId = lotId, ProviderId = providerId, Status = ApplicationStatus.Draft, CreatedAt = now, UpdatedAt = now };
        db.LotApplications.Add(application);
        audit.Record(actor, "ApplicationStarted", nameof(LotApplication), application.Id, lot.Name);
        await db.SaveChangesAsync(ct);
        return Outcome<LotApplication>.Success(application);
    }

    public async Task<Outcome<LotApplication>> SaveAnswerAsync(Actor actor, Guid applicationId, string questionKey, string? answer, string? evidence, CancellationToken ct = default)
    {
        var application = await OwnDraftAsync(actor, applicationId, ct);
        if (application is null)
        {
            return Outcome<LotApplication>.NotFound("No such application in progress.");
        }
        var question = application.Lot!.Questions.SingleOrDefault(q => q.Key == questionKey);
        if (question is null)
        {
            return Outcome<LotApplication>.NotFound("No such question.");
        }
        var errors = new FieldErrors()
            .Required("answer", answer, $"Select whether you meet this requirement")
            .MaxLength("answer", answer, 4000, "The answer")
            .MaxLength("evidenceReference", evidence, 500, "The evidence reference");
        if (errors.Any)
        {
            return Outcome<LotApplication>.Invalid(errors);
        }
        SetAnswer(application, question.Key, answer!.Trim(), string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim());
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<LotApplication>.Success(application);
    }

    public async Task<Outcome<ApplicationCreated>> SubmitAsync(Actor actor, Guid applicationId, CancellationToken ct = default)
    {
        var application = await OwnDraftAsync(actor, applicationId, ct);
        if (application is null)
        {
            // The provider's own application, already submitted (or decided), is a wrong state: 409; anything else is unknown.
            return await db.LotApplications.AnyAsync(a => a.Id == applicationId && a.ProviderId == actor.ProviderId && actor.Role == Role.ProviderUser, ct)
                ? Outcome<ApplicationCreated>.Conflict("The application has already been submitted.")
                : Outcome<ApplicationCreated>.NotFound("No such application in progress.");
        }
        if (!await Providers.ProviderVerification.IsVerifiedAsync(db, application.ProviderId, ct))
        {
            return Outcome<ApplicationCreated>.Forbidden(Providers.ProviderVerification.NotVerifiedMessage);
        }
        var (lot, refusal) = await OpenLotAsync(application.LotId, application.ProviderId, ct);
        if (lot is null)
        {
            return refusal!;
        }
        var errors = new FieldErrors();
        foreach (var question in lot.Questions.Where(q => application.Answers.All(a => a.QuestionKey != q.Key)))
        {
            errors.Add($"answers.{question.Key}", $"Answer '{question.Text}'");
        }
        if (errors.Any)
        {
            return Outcome<ApplicationCreated>.Invalid(errors);
        }
        Submit(application, lot.Dps!, actor);
        await db.SaveChangesAsync(ct);
        return Outcome<ApplicationCreated>.Success(new ApplicationCreated(application.Id, application.Status, application.DecisionDueBy));
    }

    /// <summary>What is wrong with a decision as asked, before anything is looked up: the page checks it before asking to confirm.</summary>
    public static FieldErrors CheckDecision(DecisionRequest request) => new FieldErrors().MaxLength("reason", request.Reason, 4000, "The reason")
        .Required("decision", request.Decision, "Select whether to admit or reject the provider")
        .RequiredWhen(request.Decision == AdmissionDecision.Reject, "reason", request.Reason,
            "Enter the reasons for rejecting the application: the provider sees them");

    public async Task<Outcome<DecisionResult>> DecideAsync(Actor actor, Guid applicationId, DecisionRequest request, CancellationToken ct = default)
    {
        var application = await LeadApplicationAsync(actor, applicationId, ct);
        if (Outcome<DecisionResult>.Refused(application, "No such application.", actor.Role == Role.Commissioner,
                "Only commissioners decide applications.", out var refused))
        {
            return refused;
        }
        if (CheckDecision(request) is { Any: true } errors)
        {
            return Outcome<DecisionResult>.Invalid(errors);
        }
        if (application.Status != ApplicationStatus.Submitted)
        {
            return Outcome<DecisionResult>.Conflict($"The application is {Words.InSentence(application.Status)}: only a submitted application can be decided.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var admit = request.Decision == AdmissionDecision.Admit;
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "Meets the lot's selection criteria" : request.Reason.Trim();
        application.Status = admit ? ApplicationStatus.Admitted : ApplicationStatus.Rejected;
        application.DecidedAt = now;
        application.DecidedByUserId = actor.UserId;
        application.DecisionReason = reason;
        application.UpdatedAt = now;

        Guid? membershipId = null;
        var suspendedForQa = false;
        if (admit)
        {
            var membership = await db.LotMemberships.SingleOrDefaultAsync(m => m.LotId == application.LotId && m.ProviderId == application.ProviderId, ct);
            if (membership is null)
            {
                (membership, var admitted) = LotMembership.Admit(application.LotId, application.ProviderId, application.Id, actor.UserId, reason, now);
                db.LotMemberships.Add(membership);
                db.MembershipEvents.Add(admitted);
            }
            else
            {
                var previous = membership.Status;
                var readmitted = membership.ChangeStatus(MembershipAction.Readmit, application.Lot!.Dps!.Regime, actor.UserId, reason, now);
                if (readmitted is null)
                {
                    return Outcome<DecisionResult>.Conflict(MembershipRules.Refusal(previous, MembershipAction.Readmit, application.Lot.Dps.Regime));
                }
                db.MembershipEvents.Add(readmitted);
                membership.ApplicationId = application.Id;
                membership.AdmittedAt = now;
            }
            membershipId = membership.Id;
            // A provider that is red in quality assurance (a critical flag open) is admitted but suspended at once, like
            // its other memberships; resolving the flag reinstates this one with them.
            if (await Quality.QaFlagQueries.ProviderIsRedAsync(db.QaFlags, application.ProviderId, ct)
                && Quality.QaSuspension.Suspend(membership, application.Lot!.Dps!.Regime, actor.UserId, now) is { } suspended)
            {
                db.MembershipEvents.Add(suspended);
                suspendedForQa = true;
            }
        }

        audit.Record(actor, admit ? "ApplicationAdmitted" : "ApplicationRejected", nameof(LotApplication), application.Id, reason,
            providerId: application.ProviderId);
        await emails.QueueAsync(application.Provider!.ContactEmail,
            admit ? $"You have been admitted to {application.Lot!.Name}" : $"Your application to {application.Lot!.Name} was not successful",
            admit && suspendedForQa
                ? $"{application.Provider.Name} has been admitted to {application.Lot.Name} of {application.Lot.Dps!.Name}, but the membership is suspended at once: a critical quality assurance concern about {application.Provider.Name} is open. You will receive this lot's referrals once it is resolved.\n\nReason for admission: {reason}"
                : admit
                ? $"{application.Provider.Name} has been admitted to {application.Lot.Name} of {application.Lot.Dps!.Name}. You can now publish vacancies in this lot and you will receive its referrals.\n\nReason: {reason}"
                : $"{application.Lot.Dps!.Name} has rejected {application.Provider.Name}'s application to {application.Lot.Name}.\n\nReasons: {reason}\n\nYou may apply again when you meet the lot's criteria.",
            reference: $"application-decision:{application.Id}", ct: ct);
        await db.SaveChangesAsync(ct);
        return Outcome<DecisionResult>.Success(new DecisionResult(application.Status, membershipId));
    }

    /// <summary>PCR 2015 reg. 34(15): once, to 15 working days, where justified — the justification is recorded.</summary>
    public async Task<Outcome<ApplicationQueueItem>> ExtendAsync(Actor actor, Guid applicationId, string? reason, CancellationToken ct = default)
    {
        var application = await LeadApplicationAsync(actor, applicationId, ct);
        if (Outcome<ApplicationQueueItem>.Refused(application, "No such application.", actor.Role == Role.Commissioner,
                "Only commissioners extend the decision period.", out var refused))
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome<ApplicationQueueItem>.Invalid("reason", "Enter why the decision needs more time: the regulations require a justification");
        }
        if (application.Lot!.Dps!.Regime != DpsRegime.Pcr2015Dps)
        {
            return Outcome<ApplicationQueueItem>.BusinessRule("Only a PCR 2015 DPS extends the decision period; a dynamic market decides within the period it set.");
        }
        if (application.Status != ApplicationStatus.Submitted)
        {
            return Outcome<ApplicationQueueItem>.Conflict("Only a submitted application waiting for a decision can be extended.");
        }
        if (application.ExtendedAt is not null)
        {
            return Outcome<ApplicationQueueItem>.Conflict($"The decision period has already been extended once, to {DecisionPeriod.Pcr2015ExtendedDays} working days.");
        }
        // Reg. 34(15) extends a period that is still running: once the deadline has passed there is nothing to extend,
        // and an extension now would hide a decision that is already late.
        if (application.DecisionDueBy is { } due && due < UkTime.Today(clock))
        {
            return Outcome<ApplicationQueueItem>.BusinessRule(
                $"The decision was due by {Words.Date(due)} and that deadline has passed: the period can only be extended before it ends. Decide the application now.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        application.DecisionDueBy = DecisionPeriod.ExtendedDueBy(calendar, UkTime.DateOf(application.SubmittedAt!.Value));
        application.ExtendedAt = now;
        application.ExtendedByUserId = actor.UserId;
        application.ExtensionReason = reason.Trim();
        application.UpdatedAt = now;
        audit.Record(actor, "ApplicationDecisionExtended", nameof(LotApplication), application.Id, reason.Trim(), providerId: application.ProviderId);
        await emails.QueueAsync(application.Provider!.ContactEmail, $"The decision on your application to {application.Lot.Name} is extended",
            $"The commissioner needs more time to decide {application.Provider.Name}'s application to {application.Lot.Name}. The decision is now due by {Words.Date(application.DecisionDueBy!.Value)}.\n\nReason: {reason.Trim()}",
            reference: $"application-extended:{application.Id}", ct: ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ApplicationQueueItem>.Success(ToQueueItem(application, UkTime.Today(clock)));
    }

    /// <summary>The lead authority's queue: applications to its DPSs, most urgent first.</summary>
    public async Task<List<ApplicationQueueItem>> QueueAsync(Actor actor, ApplicationStatus? status, CancellationToken ct = default)
    {
        var query = db.LotApplications.AsNoTracking()
            .Include(a => a.Lot).ThenInclude(l => l!.Dps).Include(a => a.Provider)
            .Where(a => a.Lot!.Dps!.LeadLocalAuthorityId == actor.LocalAuthorityId && a.Status != ApplicationStatus.Draft);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        var today = UkTime.Today(clock);
        var rows = await query.ToListAsync(ct);
        return [.. rows.Select(a => ToQueueItem(a, today))
            .OrderByDescending(a => a.Status == ApplicationStatus.Submitted)
            .ThenBy(a => a.DecisionDueBy)
            .ThenBy(a => a.SubmittedAt)
            .ThenBy(a => a.Id)];
    }

    public async Task<List<ApplicationQueueItem>> ForProviderAsync(Actor actor, CancellationToken ct = default)
    {
        var today = UkTime.Today(clock);
        var rows = await db.LotApplications.AsNoTracking()
            .Include(a => a.Lot).ThenInclude(l => l!.Dps).Include(a => a.Provider)
            .Where(a => a.ProviderId == actor.ProviderId)
            .ToListAsync(ct);
        return [.. rows.Select(a => ToQueueItem(a, today)).OrderByDescending(a => a.SubmittedAt ?? DateTime.MaxValue).ThenBy(a => a.Id)];
    }

    /// <summary>An application as its provider or the lead authority's commissioners see it.</summary>
    public async Task<ApplicationView?> FindAsync(Actor actor, Guid applicationId, CancellationToken ct = default)
    {
        var application = await db.LotApplications.AsNoTracking()
            .Include(a => a.Answers).Include(a => a.Provider)
            .Include(a => a.Lot).ThenInclude(l => l!.Dps).Include(a => a.Lot).ThenInclude(l => l!.Questions)
            .SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null)
        {
            return null;
        }
        var mine = actor.Role == Role.ProviderUser && actor.ProviderId == application.ProviderId;
        var lead = actor.Role == Role.Commissioner && actor.LocalAuthorityId == application.Lot!.Dps!.LeadLocalAuthorityId
            && application.Status != ApplicationStatus.Draft;
        if (!mine && !lead)
        {
            return null;
        }
        var membershipId = await db.LotMemberships.Where(m => m.LotId == application.LotId && m.ProviderId == application.ProviderId)
            .Select(m => (Guid?)m.Id).SingleOrDefaultAsync(ct);
        var questions = application.Lot!.Questions.OrderBy(q => q.Order).ToList();
        var answers = application.Answers
            .OrderBy(a => questions.FindIndex(q => q.Key == a.QuestionKey) is var i && i < 0 ? int.MaxValue : i)
            .Select(a => new AnswerView(a.QuestionKey, questions.FirstOrDefault(q => q.Key == a.QuestionKey)?.Text, a.Answer, a.EvidenceReference,
                FailingAnswers.Contains(a.Answer.Trim().ToLowerInvariant())))
            .ToList();
        var today = UkTime.Today(clock);
        return new ApplicationView(application.Id, application.ProviderId, application.Provider!.Name, application.LotId, application.Lot.Name,
            application.Lot.DpsId, application.Lot.Dps!.Name, application.Lot.Dps.Regime, application.Status, application.SubmittedAt,
            application.DecisionDueBy, IsOverdue(application, today), application.ExtendedAt is not null, application.ExtensionReason,
            application.DecidedAt, application.DecisionReason, application.EvidenceReference, answers, membershipId);
    }

    private void Submit(LotApplication application, DynamicPurchasingSystem dps, Actor actor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        application.Status = ApplicationStatus.Submitted;
        application.SubmittedAt = now;
        application.DecisionDueBy = DecisionPeriod.DueBy(calendar, UkTime.DateOf(now), dps.DecisionPeriodDays);
        application.UpdatedAt = now;
        audit.Record(actor, "ApplicationSubmitted", nameof(LotApplication), application.Id, $"decision due by {application.DecisionDueBy:yyyy-MM-dd}");
    }

    private void SetAnswer(LotApplication application, string key, string text, string? evidence)
    {
        var existing = application.Answers.SingleOrDefault(a => string.Equals(a.QuestionKey, key, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            var answer = new ApplicationAnswer { ApplicationId = application.Id, QuestionKey = key, Answer = text, EvidenceReference = evidence };
            application.Answers.Add(answer);
            // Added explicitly: found only through the navigation of a draft loaded from the database, an entity whose
            // key is already set would be taken for an existing row and updated (0 rows: a concurrency exception).
            db.Add(answer);
        }
        else
        {
            existing.Answer = text;
            existing.EvidenceReference = evidence ?? existing.EvidenceReference;
        }
    }

    private async Task<LotApplication?> OwnDraftAsync(Actor actor, Guid applicationId, CancellationToken ct) =>
        await db.LotApplications.Include(a => a.Answers).Include(a => a.Lot).ThenInclude(l => l!.Questions)
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.ProviderId == actor.ProviderId && actor.Role == Role.ProviderUser
                && a.Status == ApplicationStatus.Draft, ct);

    private async Task<LotApplication?> LeadApplicationAsync(Actor actor, Guid applicationId, CancellationToken ct) =>
        await db.LotApplications.Include(a => a.Provider).Include(a => a.Lot).ThenInclude(l => l!.Dps)
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.Status != ApplicationStatus.Draft
                && a.Lot!.Dps!.LeadLocalAuthorityId == actor.LocalAuthorityId, ct);

    /// <summary>The lot if this provider may apply to it now; otherwise why not.</summary>
    private async Task<(DpsLot? Lot, Outcome<ApplicationCreated>? Refusal)> OpenLotAsync(Guid lotId, Guid providerId, CancellationToken ct)
    {
        var lot = await db.Lots.Include(l => l.Dps).Include(l => l.Questions).SingleOrDefaultAsync(l => l.Id == lotId, ct);
        if (lot is null || lot.Dps!.Status == DpsStatus.Draft)
        {
            return (null, Outcome<ApplicationCreated>.NotFound("No such lot."));
        }
        if (lot.Dps.Status != DpsStatus.Open)
        {
            return (null, Outcome<ApplicationCreated>.BusinessRule("This DPS is closed to new applications."));
        }
        // Only the lots of the placements this type of provider makes (the DPS pages offer no others).
        var providerType = await db.Providers.Where(p => p.Id == providerId).Select(p => p.Type).SingleAsync(ct);
        if (!providerType.Offers(lot.PlacementType))
        {
            var offered = ProviderPlacementTypes.Of(providerType).Select(t => Words.InSentence(t)).ToList();
            return (null, Outcome<ApplicationCreated>.BusinessRule("lotId",
                $"This lot is for {Words.InSentence(lot.PlacementType)} placements, which your organisation ({Words.InSentence(providerType)}) does not provide. "
                + (offered.Count == 0 ? "" : $"Apply to a lot for {string.Join(", ", offered[..^1]) + (offered.Count > 1 ? " or " : "") + offered[^1]} placements.")));
        }
        var membership = await db.LotMemberships.Where(m => m.LotId == lotId && m.ProviderId == providerId).Select(m => (MembershipStatus?)m.Status).SingleOrDefaultAsync(ct);
        if (membership is MembershipStatus.Admitted or MembershipStatus.Suspended)
        {
            return (null, Outcome<ApplicationCreated>.Conflict("Your organisation is already a member of this lot."));
        }
        if (membership is MembershipStatus.Removed)
        {
            return (null, Outcome<ApplicationCreated>.BusinessRule("Your organisation was removed from this lot as an excluded supplier and cannot apply again."));
        }
        if (await db.LotApplications.AnyAsync(a => a.LotId == lotId && a.ProviderId == providerId && a.Status == ApplicationStatus.Submitted, ct))
        {
            return (null, Outcome<ApplicationCreated>.Conflict("Your organisation already has an application to this lot waiting for a decision."));
        }
        return (lot, null);
    }

    private ApplicationQueueItem ToQueueItem(LotApplication a, DateOnly today) => new(
        a.Id, a.ProviderId, a.Provider!.Name, a.LotId, a.Lot!.Name, a.Lot.DpsId, a.Lot.Dps!.Name, a.Status, a.SubmittedAt, a.DecisionDueBy,
        IsOverdue(a, today),
        a.Status == ApplicationStatus.Submitted && a.DecisionDueBy is { } due ? calendar.WorkingDaysBetween(today, due) : null,
        a.ExtendedAt is not null, a.DecisionReason);

    private static bool IsOverdue(LotApplication a, DateOnly today) =>
        a.Status == ApplicationStatus.Submitted && a.DecisionDueBy is { } due && due < today;

    private static string? AnswerText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()?.Trim(),
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
