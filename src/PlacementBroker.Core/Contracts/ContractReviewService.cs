namespace PlacementBroker.Core.Contracts;

/// <summary>Contract reviews: scheduled from a risk rating, held on the fixed agenda with a pack read from the platform, actions tracked to done.</summary>
public class ContractReviewService(PlacementBrokerDbContext db, ContractAccess access, AuditTrail audit, TimeProvider clock)
{
    /// <summary>How long until the next review: a quarter for high risk, half a year for medium, a year for low.</summary>
    public static DateOnly NextReviewDue(DateOnly held, RiskRating risk) => held.AddMonths(IntervalMonths(risk));

    public static int IntervalMonths(RiskRating risk) => risk switch
    {
        RiskRating.High => 3,
        RiskRating.Medium => 6,
        _ => 12,
    };

    public async Task<Outcome<ContractReviewView>> CreateAsync(Actor actor, CreateContractReviewRequest request, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (request.ProviderId is null)
        {
            errors.Add("providerId", "Choose the provider");
        }
        if (request.DpsId is null)
        {
            errors.Add("dpsId", "Choose the DPS");
        }
        if (errors.Any)
        {
            return Outcome<ContractReviewView>.Invalid(errors);
        }
        var dps = await access.DpsForAuthorityAsync(actor, request.DpsId!.Value, ct);
        if (dps is not null && !await access.IsMemberAsync(request.ProviderId!.Value, dps.Id, ct))
        {
            dps = null;
        }
        if (Outcome<ContractReviewView>.Refused(dps, "No such provider on this DPS.", actor.Role == Role.Commissioner && dps?.Lead == true,
                "Only commissioners of the DPS's lead authority hold contract reviews.", out var refusal))
        {
            return refusal;
        }
        if (request.Date is null)
        {
            errors.Add("date", "Enter the date of the review");
        }
        if (request.RiskRating is null)
        {
            errors.Add("riskRating", "Choose the provider's risk rating: Low, Medium or High");
        }
        Check(errors, request.Minutes, request.Agenda, request.Actions);
        if (errors.Any)
        {
            return Outcome<ContractReviewView>.Invalid(errors);
        }
        var today = UkTime.Today(clock);
        var held = !string.IsNullOrWhiteSpace(request.Minutes);
        if (held && request.Date > today)
        {
            return Outcome<ContractReviewView>.BusinessRule("date", "A review in the future has no minutes yet: schedule it without minutes, and record them once it is held");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var review = new ContractReview
        {
            ProviderId = request.ProviderId!.Value, DpsId = dps!.Id, Date = request.Date!.Value, RiskRating = request.RiskRating!.Value,
            Status = held ? ContractReviewStatus.Held : ContractReviewStatus.Scheduled, CreatedAt = now, CreatedByUserId = actor.UserId, UpdatedAt = now,
        };
        Apply(review, request.Minutes, request.Agenda, request.Actions);
        db.ContractReviews.Add(review);
        audit.Record(actor, held ? "ContractReviewHeld" : "ContractReviewScheduled", nameof(ContractReview), review.Id, $"{review.Date:yyyy-MM-dd}, risk {review.RiskRating}", providerId: review.ProviderId);
        await db.SaveChangesAsync(ct);
        return Outcome<ContractReviewView>.Success((await ViewsAsync(db.ContractReviews.Where(r => r.Id == review.Id), today, ct)).Single());
    }

    /// <summary>Records a scheduled review as held: its minutes, agenda notes and actions.</summary>
    public async Task<Outcome<ContractReviewView>> RecordAsync(Actor actor, Guid reviewId, RecordReviewRequest request, CancellationToken ct = default)
    {
        var review = await db.ContractReviews.Include(r => r.Actions).SingleOrDefaultAsync(r => r.Id == reviewId, ct);
        var dps = review is null ? null : await access.DpsForAuthorityAsync(actor, review.DpsId, ct);
        if (Outcome<ContractReviewView>.Refused(dps, "No such contract review.", actor.Role == Role.Commissioner && dps?.Lead == true,
                "Only commissioners of the DPS's lead authority hold contract reviews.", out var refusal))
        {
            return refusal;
        }
        var errors = new FieldErrors();
        errors.Required("minutes", request.Minutes, "Enter the minutes of the review");
        Check(errors, request.Minutes, request.Agenda, request.Actions);
        if (errors.Any)
        {
            return Outcome<ContractReviewView>.Invalid(errors);
        }
        if (review!.Status == ContractReviewStatus.Held)
        {
            return Outcome<ContractReviewView>.Conflict("This review has already been recorded as held.");
        }
        var today = UkTime.Today(clock);
        if (review.Date > today)
        {
            return Outcome<ContractReviewView>.BusinessRule("minutes", $"The review is on {review.Date:d MMMM yyyy}: record it once it has been held");
        }
        var before = review.Actions.Count;
        Apply(review, request.Minutes, request.Agenda, request.Actions);
        foreach (var added in review.Actions.Skip(before))
        {
            db.Add(added);
        }
        review.RiskRating = request.RiskRating ?? review.RiskRating;
        review.Status = ContractReviewStatus.Held;
        review.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "ContractReviewHeld", nameof(ContractReview), review.Id, $"{review.Date:yyyy-MM-dd}, risk {review.RiskRating}", providerId: review.ProviderId);
        return await SavedAsync(review.Id, today, ct);
    }

    /// <summary>Saves a change to a review: someone else's change at the same moment wins, and this one is a conflict to look at again.</summary>
    private async Task<Outcome<ContractReviewView>> SavedAsync(Guid reviewId, DateOnly today, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ContractReviewView>.Conflict("Someone else changed this review at the same moment: open it again to see their change.");
        }
        return Outcome<ContractReviewView>.Success((await ViewsAsync(db.ContractReviews.Where(r => r.Id == reviewId), today, ct)).Single());
    }

    /// <summary>Marks a review's action done, by the lead authority's commissioners or the provider.</summary>
    public async Task<Outcome<ContractReviewView>> CompleteActionAsync(Actor actor, Guid reviewId, Guid actionId, string? note, CancellationToken ct = default)
    {
        var review = await db.ContractReviews.Include(r => r.Actions).SingleOrDefaultAsync(r => r.Id == reviewId, ct);
        var visible = review is not null && (actor.Role == Role.ProviderUser
            ? actor.ProviderId == review.ProviderId
            : await access.DpsForAuthorityAsync(actor, review.DpsId, ct) is not null);
        var action = visible ? review!.Actions.SingleOrDefault(a => a.Id == actionId) : null;
        var lead = review is not null && actor.Role == Role.Commissioner && (await access.DpsForAuthorityAsync(actor, review.DpsId, ct))?.Lead == true;
        if (Outcome<ContractReviewView>.Refused(action, "No such action.", actor.Role == Role.ProviderUser || lead,
                "The provider or the lead authority's commissioners complete a review's actions.", out var refusal))
        {
            return refusal;
        }
        if (note is { Length: > TextLengths.LongText })
        {
            return Outcome<ContractReviewView>.Invalid("note", "The note must be 4,000 characters or fewer");
        }
        if (action!.CompletedAt is not null)
        {
            return Outcome<ContractReviewView>.Conflict("This action is already done.");
        }
        action.CompletedAt = clock.GetUtcNow().UtcDateTime;
        action.CompletedByUserId = actor.UserId;
        action.CompletionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        review!.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "ContractReviewActionCompleted", nameof(ContractReviewAction), action.Id, action.Description, providerId: review.ProviderId);
        return await SavedAsync(reviewId, UkTime.Today(clock), ct);
    }

    /// <summary>Reviews the caller may read, newest first: an authority's commissioners and QA officers for their DPSs, a provider its own.</summary>
    public async Task<Outcome<List<ContractReviewView>>> ListAsync(Actor actor, Guid? providerId, Guid? dpsId, CancellationToken ct = default)
    {
        var query = Readable(actor);
        if (query is null)
        {
            return Outcome<List<ContractReviewView>>.Forbidden("Contract reviews are for commissioners, QA officers and the provider reviewed.");
        }
        if (providerId is { } p)
        {
            query = query.Where(r => r.ProviderId == p);
        }
        if (dpsId is { } d)
        {
            query = query.Where(r => r.DpsId == d);
        }
        return Outcome<List<ContractReviewView>>.Success(await ViewsAsync(query, UkTime.Today(clock), ct));
    }

    public async Task<ContractReviewView?> GetAsync(Actor actor, Guid reviewId, CancellationToken ct = default) =>
        Readable(actor) is { } query ? (await ViewsAsync(query.Where(r => r.Id == reviewId), UkTime.Today(clock), ct)).SingleOrDefault() : null;

    private IQueryable<ContractReview>? Readable(Actor actor)
    {
        if (actor.Role == Role.ProviderUser && actor.ProviderId is { } provider)
        {
            return db.ContractReviews.Where(r => r.ProviderId == provider);
        }
        if (ContractAccess.AuthorityReads(actor) && actor.LocalAuthorityId is { } la)
        {
            var visible = db.DynamicPurchasingSystems.VisibleTo(la).Select(d => d.Id);
            return db.ContractReviews.Where(r => visible.Contains(r.DpsId));
        }
        return null;
    }

    public async Task<List<ContractReviewView>> ViewsAsync(IQueryable<ContractReview> query, DateOnly today, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().Include(r => r.Actions).AsSplitQuery().ToListAsync(ct);
        var providerIds = rows.Select(r => r.ProviderId).Distinct().ToList();
        var dpsIds = rows.Select(r => r.DpsId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var dpss = await db.DynamicPurchasingSystems.AsNoTracking().Where(d => dpsIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. rows.OrderByDescending(r => r.Date).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => new ContractReviewView(
            r.Id, r.ProviderId, providers.GetValueOrDefault(r.ProviderId, ""), r.DpsId, dpss.GetValueOrDefault(r.DpsId, ""), r.Date, r.RiskRating, r.Status,
            NextReviewDue(r.Date, r.RiskRating), r.Minutes,
            new ReviewAgenda(r.OutcomesForChildren, r.OutstandingQaActions, r.FeeStructures, r.Variations, r.DemandAndSufficiency, r.EqualityAndDiversity),
            [.. r.Actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => ActionView(a, today))], r.CreatedAt))];
    }

    public static ReviewActionView ActionView(ContractReviewAction a, DateOnly today) =>
        new(a.Id, a.Description, a.Owner, a.DueDate, a.CompletedAt is null && a.DueDate < today, a.CompletedAt, a.CompletionNote);

    private static void Check(FieldErrors errors, string? minutes, ReviewAgenda? agenda, List<ReviewActionInput>? actions)
    {
        if (minutes is { Length: > TextLengths.LongText * 4 })
        {
            errors.Add("minutes", "The minutes must be 16,000 characters or fewer");
        }
        foreach (var (field, text) in AgendaTexts(agenda))
        {
            if (text is { Length: > TextLengths.LongText })
            {
                errors.Add($"agenda.{field}", "Each agenda item's notes must be 4,000 characters or fewer");
            }
        }
        for (var i = 0; i < (actions?.Count ?? 0); i++)
        {
            var a = actions![i];
            errors.Required($"actions[{i}].description", a?.Description, "Describe the action");
            errors.Required($"actions[{i}].owner", a?.Owner, "Say who owns the action");
            if (a?.DueDate is null)
            {
                errors.Add($"actions[{i}].dueDate", "Enter the date the action is due");
            }
            if (a?.Description is { Length: > TextLengths.Paragraph } || a?.Owner is { Length: > 200 })
            {
                errors.Add($"actions[{i}].description", "An action's description must be 2,000 characters or fewer, and its owner 200");
            }
        }
    }

    private static IEnumerable<(string Field, string? Text)> AgendaTexts(ReviewAgenda? agenda) => agenda is null ? [] :
    [
        ("outcomesForChildren", agenda.OutcomesForChildren), ("outstandingQaActions", agenda.OutstandingQaActions), ("feeStructures", agenda.FeeStructures),
        ("variations", agenda.Variations), ("demandAndSufficiency", agenda.DemandAndSufficiency), ("equalityAndDiversity", agenda.EqualityAndDiversity),
    ];

    private static void Apply(ContractReview review, string? minutes, ReviewAgenda? agenda, List<ReviewActionInput>? actions)
    {
        static string? Text(string? t) => string.IsNullOrWhiteSpace(t) ? null : t.Trim();
        review.Minutes = Text(minutes) ?? review.Minutes;
        if (agenda is not null)
        {
            review.OutcomesForChildren = Text(agenda.OutcomesForChildren) ?? review.OutcomesForChildren;
            review.OutstandingQaActions = Text(agenda.OutstandingQaActions) ?? review.OutstandingQaActions;
            review.FeeStructures = Text(agenda.FeeStructures) ?? review.FeeStructures;
            review.Variations = Text(agenda.Variations) ?? review.Variations;
            review.DemandAndSufficiency = Text(agenda.DemandAndSufficiency) ?? review.DemandAndSufficiency;
            review.EqualityAndDiversity = Text(agenda.EqualityAndDiversity) ?? review.EqualityAndDiversity;
        }
        foreach (var a in actions ?? [])
        {
            review.Actions.Add(new ContractReviewAction { ContractReviewId = review.Id, Description = a.Description!.Trim(), Owner = a.Owner!.Trim(), DueDate = a.DueDate!.Value });
        }
    }
}
