namespace PlacementBroker.Core.Quality;

/// <summary>
/// Flags, visits, the timetable and each provider's derived QA status. An open critical flag makes a provider red:
/// its lot memberships are suspended (so it receives no referrals) and matching excludes it; resolving the last
/// critical flag reinstates the memberships QA suspended, and only those.
/// </summary>
public class QualityService(PlacementBrokerDbContext db, AuditTrail audit, EmailOutbox emails, TimeProvider clock) : IQaStatusSource
{
    /// <summary>What is wrong with a flag as asked: the form checks it before asking to confirm a critical flag.</summary>
    public async Task<FieldErrors> FlagErrorsAsync(RaiseFlagRequest request, CancellationToken ct = default)
    {
        var errors = new FieldErrors()
            .Required("description", request.Description, "Describe the concern")
            .MaxLength("description", request.Description, 4000, "The description")
            .MaxLength("evidenceReferences", request.EvidenceReferences, 2000, "Evidence references");
        if (request.ProviderId is null || !await db.Providers.AnyAsync(p => p.Id == request.ProviderId, ct))
        {
            errors.Add("providerId", "Select a provider that exists");
        }
        if (request.SettingId is { } settingId && !await db.Settings.AnyAsync(s => s.Id == settingId && s.ProviderId == request.ProviderId, ct))
        {
            errors.Add("settingId", "Select one of the provider's settings, or none for the whole provider");
        }
        errors.Required("category", request.Category, "Select the kind of flag");
        errors.Required("severity", request.Severity, "Select how serious it is");
        return errors;
    }

    public async Task<Outcome<QaFlag>> RaiseFlagAsync(Actor actor, RaiseFlagRequest request, CancellationToken ct = default)
    {
        if (actor.Role != Role.QaOfficer || actor.LocalAuthorityId is not { } authorityId)
        {
            return Outcome<QaFlag>.Forbidden("Only QA officers raise flags.");
        }
        if (await FlagErrorsAsync(request, ct) is { Any: true } errors)
        {
            return Outcome<QaFlag>.Invalid(errors);
        }
        var flag = new QaFlag
        {
            ProviderId = request.ProviderId!.Value,
            SettingId = request.SettingId,
            LocalAuthorityId = authorityId,
            Category = request.Category!.Value,
            Severity = request.Severity!.Value,
            Description = request.Description!.Trim(),
            EvidenceReferences = string.IsNullOrWhiteSpace(request.EvidenceReferences) ? null : request.EvidenceReferences.Trim(),
            Status = FlagStatus.Open,
            RaisedByUserId = actor.UserId,
            RaisedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.QaFlags.Add(flag);
        audit.Record(actor, "QaFlagRaised", nameof(QaFlag), flag.Id, $"{flag.Severity} {flag.Category}", providerId: flag.ProviderId);
        await db.SaveChangesAsync(ct);
        await ApplyRedAsync(actor, flag.ProviderId, ct);
        return Outcome<QaFlag>.Success(flag);
    }

    public async Task<Outcome<QaFlag>> UpdateFlagAsync(Actor actor, Guid flagId, UpdateFlagRequest request, CancellationToken ct = default)
    {
        var flag = await RaisedByAsync(actor, flagId, ct);
        if (Outcome<QaFlag>.Refused(flag, "No such flag.", actor.Role == Role.QaOfficer, "Only QA officers change flags.", out var refused))
        {
            return refused;
        }
        var errors = new FieldErrors().MaxLength("description", request.Description, 4000, "The description")
            .MaxLength("evidenceReferences", request.EvidenceReferences, 2000, "Evidence references");
        if (request.Description is not null && string.IsNullOrWhiteSpace(request.Description))
        {
            errors.Add("description", "Describe the concern");
        }
        if (errors.Any)
        {
            return Outcome<QaFlag>.Invalid(errors);
        }
        if (flag.Status != FlagStatus.Open)
        {
            return Outcome<QaFlag>.Conflict("The flag is resolved.");
        }
        flag.Category = request.Category ?? flag.Category;
        flag.Severity = request.Severity ?? flag.Severity;
        flag.Description = request.Description?.Trim() ?? flag.Description;
        flag.EvidenceReferences = request.EvidenceReferences?.Trim() ?? flag.EvidenceReferences;
        audit.Record(actor, "QaFlagChanged", nameof(QaFlag), flag.Id, $"{flag.Severity} {flag.Category}", providerId: flag.ProviderId);
        await db.SaveChangesAsync(ct);
        await ApplyRedAsync(actor, flag.ProviderId, ct);
        return Outcome<QaFlag>.Success(flag);
    }

    public async Task<Outcome<QaFlag>> ResolveFlagAsync(Actor actor, Guid flagId, string? resolution, CancellationToken ct = default)
    {
        var flag = await RaisedByAsync(actor, flagId, ct);
        if (Outcome<QaFlag>.Refused(flag, "No such flag.", actor.Role == Role.QaOfficer, "Only QA officers resolve flags.", out var refused))
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(resolution))
        {
            return Outcome<QaFlag>.Invalid("resolution", "Say how the concern was resolved");
        }
        if (flag.Status == FlagStatus.Resolved)
        {
            return Outcome<QaFlag>.Conflict("The flag is already resolved.");
        }
        flag.Status = FlagStatus.Resolved;
        flag.Resolution = resolution.Trim();
        flag.ResolvedAt = clock.GetUtcNow().UtcDateTime;
        flag.ResolvedByUserId = actor.UserId;
        audit.Record(actor, "QaFlagResolved", nameof(QaFlag), flag.Id, flag.Resolution, providerId: flag.ProviderId);
        await db.SaveChangesAsync(ct);
        await ApplyRedAsync(actor, flag.ProviderId, ct);
        return Outcome<QaFlag>.Success(flag);
    }

    /// <summary>Applies <see cref="QaSuspension"/> to the provider's memberships after its flags changed.</summary>
    /// <summary>A flag the caller's council raised: only that council changes it; to any other it does not exist.</summary>
    private Task<QaFlag?> RaisedByAsync(Actor actor, Guid flagId, CancellationToken ct) =>
        db.QaFlags.SingleOrDefaultAsync(f => f.Id == flagId && f.LocalAuthorityId == actor.LocalAuthorityId, ct);

    private async Task ApplyRedAsync(Actor actor, Guid providerId, CancellationToken ct)
    {
        var red = await db.QaFlags.ProviderIsRedAsync(providerId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = db.LotMemberships.Include(m => m.Lot).ThenInclude(l => l!.Dps).Where(m => m.ProviderId == providerId);
        var memberships = await candidates.Where(QaSuspension.AppliesTo(red)).ToListAsync(ct);
        foreach (var membership in memberships)
        {
            db.MembershipEvents.Add(QaSuspension.Apply(membership, red, membership.Lot!.Dps!.Regime, actor.UserId, now)!);
        }
        if (memberships.Count > 0)
        {
            var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == providerId, ct);
            await emails.QueueAsync(provider.ContactEmail,
                red ? "Your DPS memberships are suspended" : "Your DPS memberships are reinstated",
                red
                    ? $"A critical quality assurance concern about {provider.Name} is open. Your lot memberships are suspended: you will receive no referrals until it is resolved."
                    : $"The critical quality assurance concern about {provider.Name} is resolved. Your lot memberships are reinstated.", ct: ct);
            audit.Record(actor, red ? "QaSuspendedMemberships" : "QaReinstatedMemberships", "Provider", providerId, $"{memberships.Count} membership(s)", providerId: providerId);
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task<Outcome<QaVisit>> RecordVisitAsync(Actor actor, RecordVisitRequest request, CancellationToken ct = default)
    {
        if (actor.Role != Role.QaOfficer || actor.LocalAuthorityId is not { } authorityId)
        {
            return Outcome<QaVisit>.Forbidden("Only QA officers record visits.");
        }
        var today = UkTime.Today(clock);
        var errors = new FieldErrors()
            .MaxLength("visitor", request.Visitor, 200, "The visitor's name")
            .MaxLength("findings", request.Findings, 8000, "Findings")
            .MaxLength("regulation44Reports", request.Regulation44Reports, 2000, "Regulation 44 report references");
        var setting = request.SettingId is { } settingId ? await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == settingId, ct) : null;
        if (setting is null)
        {
            errors.Add("settingId", "Select a setting that exists");
        }
        if (request.VisitDate is null)
        {
            errors.Add("visitDate", "Enter the date of the visit");
        }
        else if (request.VisitDate > today)
        {
            errors.Add("visitDate", "The visit date must be today or in the past");
        }
        errors.Required("type", request.Type, "Select the kind of visit");
        if (request.ReportCompletedOn is { } completed && request.VisitDate is { } visited && completed < visited)
        {
            errors.Add("reportCompletedOn", "The report cannot be completed before the visit");
        }
        if (request.ReportReviewedOn is { } reviewed && (request.ReportCompletedOn is null || reviewed < request.ReportCompletedOn))
        {
            errors.Add("reportReviewedOn", "The report is reviewed on or after it is completed");
        }
        if (errors.Any)
        {
            return Outcome<QaVisit>.Invalid(errors);
        }
        var visit = new QaVisit
        {
            SettingId = setting!.Id,
            ProviderId = setting.ProviderId,
            LocalAuthorityId = authorityId,
            VisitDate = request.VisitDate!.Value,
            Type = request.Type!.Value,
            Outcome = request.Outcome,
            ReportCompletedOn = request.ReportCompletedOn,
            ReportReviewedOn = request.ReportReviewedOn,
            Visitor = Trim(request.Visitor),
            Findings = Trim(request.Findings),
            Regulation44Reports = Trim(request.Regulation44Reports),
            RecordedByUserId = actor.UserId,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.QaVisits.Add(visit);
        audit.Record(actor, "QaVisitRecorded", nameof(QaVisit), visit.Id, $"{visit.Type} on {visit.VisitDate:yyyy-MM-dd}", providerId: visit.ProviderId);
        await db.SaveChangesAsync(ct);
        return Outcome<QaVisit>.Success(visit);
    }

    /// <summary>Records a report completed or reviewed after the visit.</summary>
    public async Task<Outcome<QaVisit>> RecordReportAsync(Actor actor, Guid visitId, DateOnly? completedOn, DateOnly? reviewedOn, CancellationToken ct = default)
    {
        var visit = await db.QaVisits.SingleOrDefaultAsync(v => v.Id == visitId && v.LocalAuthorityId == actor.LocalAuthorityId, ct);
        if (Outcome<QaVisit>.Refused(visit, "No such visit.", actor.Role == Role.QaOfficer, "Only QA officers record reports.", out var refused))
        {
            return refused;
        }
        var completed = completedOn ?? visit.ReportCompletedOn;
        if (completed is { } c && c < visit.VisitDate)
        {
            return Outcome<QaVisit>.Invalid("reportCompletedOn", "The report cannot be completed before the visit");
        }
        if (reviewedOn is { } r && (completed is null || r < completed))
        {
            return Outcome<QaVisit>.Invalid("reportReviewedOn", "The report is reviewed on or after it is completed");
        }
        visit.ReportCompletedOn = completed;
        visit.ReportReviewedOn = reviewedOn ?? visit.ReportReviewedOn;
        audit.Record(actor, "QaReportRecorded", nameof(QaVisit), visit.Id, providerId: visit.ProviderId);
        await db.SaveChangesAsync(ct);
        return Outcome<QaVisit>.Success(visit);
    }

    /// <summary>Up to this many providers, <see cref="ForProvidersAsync"/> reads their QA facts without first testing which could be other than green.</summary>
    public const int FactsReadDirectlyUpTo = 50;

    public async Task<IReadOnlyDictionary<Guid, QaStatus>> ForProvidersAsync(IReadOnlyCollection<Guid> providerIds, CancellationToken ct = default)
    {
        // Only the providers the rules could make other than green need their facts read (QaStatusQuery). For a few (a
        // referral's offers), the facts are read straight away: the test costs more than it saves there, and the rules
        // derive green from the facts just the same.
        var ids = providerIds.Distinct().ToList();
        var today = UkTime.Today(clock);
        var candidates = ids.Count <= FactsReadDirectlyUpTo ? ids
            : await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).WhereMayNotBeGreen(db, today).Select(p => p.Id).ToListAsync(ct);
        var facts = candidates.Count == 0 ? new Dictionary<Guid, ProviderQaFacts>() : await FactsAsync(candidates, ct);
        return ids.ToDictionary(id => id, id => facts.TryGetValue(id, out var f) ? QaStatusRules.Derive(f, today).Status : QaStatus.Green);
    }

    public async Task<QaStatusView?> StatusAsync(Guid providerId, CancellationToken ct = default)
    {
        if (!await db.Providers.AnyAsync(p => p.Id == providerId, ct))
        {
            return null;
        }
        var facts = (await FactsAsync([providerId], ct))[providerId];
        var (status, reasons) = QaStatusRules.Derive(facts, UkTime.Today(clock));
        return new QaStatusView(status.ToString(), reasons);
    }

    /// <summary>What the authority's QA team must do: every visit and report due or overdue for the providers it works with.</summary>
    public async Task<List<WorkQueueItem>> WorkQueueAsync(Actor actor, CancellationToken ct = default)
    {
        var authority = actor.LocalAuthorityId;
        var lots = db.Lots.VisibleTo(authority).Select(l => l.Id);
        var providerIds = await db.LotMemberships.Where(m => lots.Contains(m.LotId) && m.Status != MembershipStatus.Withdrawn && m.Status != MembershipStatus.Removed)
            .Select(m => m.ProviderId)
            .Union(db.Placements.Where(p => p.LocalAuthorityId == authority && p.Status == PlacementStatus.Active).Select(p => p.ProviderId))
            .Distinct().ToListAsync(ct);
        var facts = await FactsAsync(providerIds, ct);
        var today = UkTime.Today(clock);
        var soon = today.AddDays(28);
        var items = facts.Values.SelectMany(f => QaTimetable.Due(f, today)).Where(i => i.DueBy <= soon).ToList();
        var settingIds = items.Select(i => i.SettingId).Distinct().ToList();
        var names = await db.Settings.AsNoTracking().Where(s => settingIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, Provider = s.Provider!.Name }).ToDictionaryAsync(s => s.Id, ct);
        return [.. items.OrderBy(i => i.DueBy).ThenBy(i => i.Kind).ThenBy(i => i.SettingId).ThenBy(i => i.Description, StringComparer.Ordinal)
            .Select(i => new WorkQueueItem(i.SettingId, names[i.SettingId].Name, i.ProviderId, names[i.SettingId].Provider, i.Kind, i.DueBy, i.Overdue, i.Description))];
    }

    public async Task<QaProfile?> ProfileAsync(Guid providerId, CancellationToken ct = default)
    {
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, ct);
        if (provider is null)
        {
            return null;
        }
        var facts = (await FactsAsync([providerId], ct))[providerId];
        var today = UkTime.Today(clock);
        var (status, reasons) = QaStatusRules.Derive(facts, today);
        var flags = await db.QaFlags.AsNoTracking().Where(f => f.ProviderId == providerId).OrderByDescending(f => f.RaisedAt)
            .Select(f => new FlagView(f.Id, f.ProviderId, f.SettingId, f.Category, f.Severity, f.Description, f.EvidenceReferences, f.Status, f.RaisedAt,
                db.Users.Where(u => u.Id == f.RaisedByUserId).Select(u => u.DisplayName).First(),
                db.LocalAuthorities.Where(a => a.Id == f.LocalAuthorityId).Select(a => a.Name).First(), f.ResolvedAt, f.Resolution, f.LocalAuthorityId))
            .ToListAsync(ct);
        var visits = await db.QaVisits.AsNoTracking().Where(v => v.ProviderId == providerId).OrderByDescending(v => v.VisitDate)
            .Select(v => new VisitView(v.Id, v.SettingId, db.Settings.Where(s => s.Id == v.SettingId).Select(s => s.Name).First(), v.VisitDate, v.Type, v.Visitor,
                v.Findings, v.Outcome, v.ReportCompletedOn, v.ReportReviewedOn, v.Regulation44Reports,
                db.LocalAuthorities.Where(a => a.Id == v.LocalAuthorityId).Select(a => a.Name).First()))
            .ToListAsync(ct);
        var history = await db.SettingInspections.AsNoTracking().Where(i => db.Settings.Any(s => s.Id == i.SettingId && s.ProviderId == providerId))
            .OrderByDescending(i => i.RecordedAt).ToListAsync(ct);
        var settings = await db.Settings.AsNoTracking().Where(s => s.ProviderId == providerId).OrderBy(s => s.Name).ToListAsync(ct);
        return new QaProfile(providerId, provider.Name, new QaStatusView(status.ToString(), reasons), flags, visits,
            [.. settings.Select(s => new SettingQaView(s.Id, s.Name, s.OfstedUrn, s.OfstedGrade, s.LastInspectionDate, s.ClosedAt is not null,
                [.. history.Where(h => h.SettingId == s.Id).Select(h => new InspectionView(h.SettingId, h.Grade, h.InspectionDate, h.PreviousGrade, h.Source, h.RecordedAt))]))],
            QaTimetable.Due(facts, today));
    }

    /// <summary>Everything the timetable needs, for many providers in a handful of queries.</summary>
    private async Task<Dictionary<Guid, ProviderQaFacts>> FactsAsync(IReadOnlyCollection<Guid> providerIds, CancellationToken ct)
    {
        var ids = providerIds.Distinct().ToList();
        var admitted = await db.LotMemberships.AsNoTracking()
            .Where(m => ids.Contains(m.ProviderId) && (m.Status == MembershipStatus.Admitted || m.Status == MembershipStatus.Suspended))
            .GroupBy(m => m.ProviderId).Select(g => new { ProviderId = g.Key, First = g.Min(m => m.AdmittedAt) }).ToListAsync(ct);
        var settings = await db.Settings.AsNoTracking().Where(s => ids.Contains(s.ProviderId) && s.ClosedAt == null)
            .Select(s => new { s.ProviderId, s.Id, s.Name, s.OfstedGrade, s.LastInspectionDate, s.CreatedAt }).ToListAsync(ct);
        var visits = await db.QaVisits.AsNoTracking().Where(v => ids.Contains(v.ProviderId))
            .Select(v => new { v.ProviderId, Facts = new VisitFacts(v.SettingId, v.VisitDate, v.ReportCompletedOn, v.ReportReviewedOn) }).ToListAsync(ct);
        var placements = await db.Placements.AsNoTracking().Where(p => ids.Contains(p.ProviderId) && p.Status == PlacementStatus.Active)
            .Select(p => new { p.ProviderId, Facts = new PlacementFacts(p.SettingId, p.StartDate) }).ToListAsync(ct);
        var flags = await db.QaFlags.AsNoTracking().Where(f => ids.Contains(f.ProviderId) && f.Status == FlagStatus.Open)
            .Select(f => new { f.ProviderId, f.Id, f.SettingId, f.Severity, f.RaisedAt, f.Description }).ToListAsync(ct);
        // Grouped once, so thousands of providers cost no more than their rows.
        var firstAdmitted = admitted.ToDictionary(a => a.ProviderId, a => a.First);
        var settingsOf = settings.ToLookup(s => s.ProviderId);
        var visitsOf = visits.ToLookup(v => v.ProviderId);
        var placementsOf = placements.ToLookup(p => p.ProviderId);
        var flagsOf = flags.ToLookup(f => f.ProviderId);
        return ids.ToDictionary(id => id, id => new ProviderQaFacts(
            id,
            firstAdmitted.TryGetValue(id, out var first) ? UkTime.DateOf(first) : null,
            [.. settingsOf[id].Select(s => new SettingFacts(s.Id, s.Name, s.OfstedGrade, s.LastInspectionDate, UkTime.DateOf(s.CreatedAt)))],
            [.. visitsOf[id].Select(v => v.Facts)],
            [.. placementsOf[id].Select(p => p.Facts)],
            [.. flagsOf[id].Select(f => new FlagFacts(f.Id, f.SettingId, f.Severity, UkTime.DateOf(f.RaisedAt), f.Description))]));
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
