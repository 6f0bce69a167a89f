namespace PlacementBroker.Core.Contracts;

/// <summary>A DPS's KPIs, and the providers' quarterly returns against them: drafted with the measured figures, submitted, accepted or queried.</summary>
public class KpiService(
    PlacementBrokerDbContext db, ContractAccess access, KpiMeasurement measurement, WorkingDayCalendar calendar, AuditTrail audit, EmailOutbox emails,
    TimeProvider clock)
{
    public const int MaxCodeLength = 20;

    /// <summary>Working days a provider has to answer a query before the return is overdue (never earlier than its due date).</summary>
    public const int ResubmitWorkingDays = 10;

    /// <summary>The KPIs the platform offers a DPS to start from: every measured one, and the figures only a provider knows.</summary>
    public static readonly IReadOnlyList<CreateKpiRequest> StarterSet =
    [
        new("RESP", "Response to referrals", "Referrals received in the quarter answered with an offer or a decline.", KpiUnit.Percent, 95, true, null, KpiMeasure.ResponseRate),
        new("DEADLINE", "Offers within the deadline", "Referrals received answered with an offer by the referral's offer deadline.", KpiUnit.Percent, 90, true, null, KpiMeasure.OffersWithinDeadline),
        new("STABILITY", "Disruptions within 12 weeks", "Placements that ended by disruption within 12 weeks of starting.", KpiUnit.Count, 0, false, null, KpiMeasure.DisruptionsWithin12Weeks),
        new("QA", "Open QA flags", "Quality assurance flags open on the provider at the end of the quarter.", KpiUnit.Count, 0, false, null, KpiMeasure.QaStatus),
        new("OFSTED", "Settings rated Good or Outstanding", "Graded settings rated Good or Outstanding by Ofsted at the end of the quarter.", KpiUnit.Percent, 80, true, null, KpiMeasure.OfstedGoodOrBetterPercent),
        new("INCIDENTS", "Incidents notified within 24 hours", "Serious incidents notified to the placing council within 24 hours.", KpiUnit.Percent, 100, true),
        new("STAFF", "Staff turnover", "Care staff who left in the quarter, as a percent of the average headcount.", KpiUnit.Percent, 15, false),
        new("COMPLAINTS", "Complaints received", "Complaints from children, families or councils received in the quarter.", KpiUnit.Count, 2, false),
        new("EDUCATION", "Education attendance", "Children placed attending education, employment or training.", KpiUnit.Percent, 95, true),
    ];

    public async Task<Outcome<KpiView>> CreateAsync(Actor actor, Guid dpsId, CreateKpiRequest request, CancellationToken ct = default)
    {
        var dps = await access.DpsForAuthorityAsync(actor, dpsId, ct);
        if (Outcome<KpiView>.Refused(dps, "No such DPS.", actor.Role == Role.Commissioner && dps?.Lead == true,
                "Only commissioners of the DPS's lead authority agree its KPIs.", out var refusal))
        {
            return refusal;
        }
        var errors = new FieldErrors();
        var code = request.Code?.Trim().ToUpperInvariant();
        errors.Required("code", code, "Enter a short code for the KPI, like KPI1");
        if (code is { Length: > MaxCodeLength })
        {
            errors.Add("code", $"The code must be {MaxCodeLength} characters or fewer");
        }
        errors.Required("name", request.Name, "Enter the KPI's name");
        if (request.Name is { Length: > 200 })
        {
            errors.Add("name", "The name must be 200 characters or fewer");
        }
        if (request.Description is { Length: > TextLengths.LongText })
        {
            errors.Add("description", "The description must be 4,000 characters or fewer");
        }
        if (request.Unit is null)
        {
            errors.Add("unit", "Choose the unit: Percent, Count, Days or Money");
        }
        if (request.Target is null)
        {
            errors.Add("target", "Enter the target");
        }
        else if (request.Unit is { } unit && ValueError(unit, request.Target.Value) is { } bad)
        {
            errors.Add("target", $"The target {bad}");
        }
        if (request.HigherIsBetter is null)
        {
            errors.Add("higherIsBetter", "Say whether a higher figure is better");
        }
        if (request.Measure is { } measure && request.Unit is { } given && KpiMeasurement.UnitOf(measure) != given)
        {
            errors.Add("unit", $"The platform measures {Words.InSentence(measure)} as a {Words.InSentence(KpiMeasurement.UnitOf(measure))}");
        }
        var lotIds = (request.LotIds ?? []).Distinct().ToList();
        if (lotIds.Count > 0)
        {
            var known = await db.Lots.Where(l => l.DpsId == dpsId && lotIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct);
            if (known.Count != lotIds.Count)
            {
                errors.Add("lotIds", "Every lot must be a lot of this DPS");
            }
        }
        if (errors.Any)
        {
            return Outcome<KpiView>.Invalid(errors);
        }
        if (await db.Kpis.AnyAsync(k => k.DpsId == dpsId && k.Code == code, ct))
        {
            return Outcome<KpiView>.Conflict($"This DPS already has a KPI with the code {code}.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var kpi = new Kpi
        {
            DpsId = dpsId, Code = code!, Name = request.Name!.Trim(), Description = Blank(request.Description), Unit = request.Unit!.Value,
            Target = request.Target!.Value, HigherIsBetter = request.HigherIsBetter!.Value, LotIds = lotIds, Measure = request.Measure,
            Order = await db.Kpis.CountAsync(k => k.DpsId == dpsId, ct), CreatedAt = now, CreatedByUserId = actor.UserId,
        };
        db.Kpis.Add(kpi);
        audit.Record(actor, "KpiCreated", nameof(Kpi), kpi.Id, $"{kpi.Code} {kpi.Name}: target {kpi.Target}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<KpiView>.Conflict($"This DPS already has a KPI with the code {code}.");
        }
        return Outcome<KpiView>.Success(View(kpi));
    }

    /// <summary>Adds the starter set's KPIs the DPS does not have yet (by code); the KPIs added.</summary>
    public async Task<Outcome<List<KpiView>>> AddStarterSetAsync(Actor actor, Guid dpsId, CancellationToken ct = default)
    {
        var dps = await access.DpsForAuthorityAsync(actor, dpsId, ct);
        if (Outcome<List<KpiView>>.Refused(dps, "No such DPS.", actor.Role == Role.Commissioner && dps?.Lead == true,
                "Only commissioners of the DPS's lead authority agree its KPIs.", out var refusal))
        {
            return refusal;
        }
        var added = new List<KpiView>();
        foreach (var kpi in StarterSet)
        {
            if (await db.Kpis.AnyAsync(k => k.DpsId == dpsId && k.Code == kpi.Code, ct))
            {
                continue;
            }
            var outcome = await CreateAsync(actor, dpsId, kpi, ct);
            if (outcome.Succeeded)
            {
                added.Add(outcome.Value!);
            }
            else if (outcome.Kind != OutcomeKind.Conflict)
            {
                return outcome.As<List<KpiView>>();
            }
        }
        return Outcome<List<KpiView>>.Success(added);
    }

    /// <summary>The DPS's KPIs, for its authorities and the providers on it; null when the caller may not see the DPS.</summary>
    public async Task<List<KpiView>?> ListAsync(Actor actor, Guid dpsId, CancellationToken ct = default)
    {
        if (await access.DpsForAsync(actor, dpsId, ct) is null)
        {
            return null;
        }
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.DpsId == dpsId).ToListAsync(ct);
        return [.. kpis.OrderBy(k => k.Order).ThenBy(k => k.Code, StringComparer.Ordinal).Select(View)];
    }

    /// <summary>
    /// The provider's return for the quarter. A draft shows the figures measured now beside what the provider has entered;
    /// a submitted return shows what was submitted.
    /// </summary>
    public async Task<Outcome<KpiReturnView>> GetReturnAsync(Actor actor, Guid providerId, Guid dpsId, string? quarterText, CancellationToken ct = default)
    {
        var context = await ReturnContextAsync(actor, providerId, dpsId, quarterText, ct);
        if (!context.Succeeded)
        {
            return context.As<KpiReturnView>();
        }
        return Outcome<KpiReturnView>.Success(await ViewAsync(context.Value!, ct));
    }

    /// <summary>A return read by its id, for the pages' links; not found when the caller may not see it.</summary>
    public async Task<Outcome<KpiReturnView>> GetReturnByIdAsync(Actor actor, Guid returnId, CancellationToken ct = default)
    {
        var row = await db.KpiReturns.AsNoTracking().Where(r => r.Id == returnId).Select(r => new { r.ProviderId, r.DpsId, r.Quarter }).SingleOrDefaultAsync(ct);
        return row is null ? Outcome<KpiReturnView>.NotFound("No such KPI return.") : await GetReturnAsync(actor, row.ProviderId, row.DpsId, row.Quarter, ct);
    }

    /// <summary>Saves what the provider has entered so far, without submitting (the pages' task list).</summary>
    public Task<Outcome<KpiReturnView>> SaveDraftAsync(Actor actor, Guid providerId, Guid dpsId, string? quarterText, SubmitReturnRequest request, CancellationToken ct = default) =>
        WriteAsync(actor, providerId, dpsId, quarterText, request, submit: false, ct);

    /// <summary>Submits the return: every reported figure given (or explained), measured figures as the platform has them.</summary>
    public Task<Outcome<KpiReturnView>> SubmitAsync(Actor actor, Guid providerId, Guid dpsId, string? quarterText, SubmitReturnRequest request, CancellationToken ct = default) =>
        WriteAsync(actor, providerId, dpsId, quarterText, request, submit: true, ct);

    private async Task<Outcome<KpiReturnView>> WriteAsync(
        Actor actor, Guid providerId, Guid dpsId, string? quarterText, SubmitReturnRequest request, bool submit, CancellationToken ct)
    {
        if (actor.Role != Role.ProviderUser)
        {
            var seen = await ReturnContextAsync(actor, providerId, dpsId, quarterText, ct);
            return seen.Succeeded ? Outcome<KpiReturnView>.Forbidden("Only the provider submits its KPI return.") : seen.As<KpiReturnView>();
        }
        var found = await ReturnContextAsync(actor, providerId, dpsId, quarterText, ct);
        if (!found.Succeeded)
        {
            return found.As<KpiReturnView>();
        }
        var context = found.Value!;
        if (context.Kpis.Count == 0)
        {
            return Outcome<KpiReturnView>.BusinessRule("This DPS has no KPIs for your lots yet: there is nothing to return.");
        }
        var stored = context.Stored;
        if (stored is not null && stored.Status is KpiReturnStatus.Submitted or KpiReturnStatus.Accepted)
        {
            return Outcome<KpiReturnView>.Conflict(stored.Status == KpiReturnStatus.Accepted
                ? "This return has been accepted: it cannot change."
                : "This return has been submitted and is waiting for the commissioner's review.");
        }

        var errors = new FieldErrors();
        var inputs = request.Values ?? [];
        var byKpi = context.Kpis.ToDictionary(k => k.Id);
        var seenIds = new HashSet<Guid>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input?.KpiId is not { } kpiId || !byKpi.TryGetValue(kpiId, out var kpi))
            {
                errors.Add($"values[{i}].kpiId", "Name a KPI of this DPS that applies to your lots");
                continue;
            }
            if (!seenIds.Add(kpiId))
            {
                errors.Add($"values[{i}].kpiId", $"{kpi.Code} is given more than once");
            }
            if (input.Value is { } v && !kpi.Measure.HasValue && ValueError(kpi.Unit, v) is { } bad)
            {
                errors.Add($"values[{i}].value", $"{kpi.Code}: the figure {bad}");
            }
            if (input.Commentary is { Length: > TextLengths.LongText })
            {
                errors.Add($"values[{i}].commentary", $"{kpi.Code}: the commentary must be 4,000 characters or fewer");
            }
        }
        if (errors.Any)
        {
            return Outcome<KpiReturnView>.Invalid(errors);
        }
        var measured = await MeasuredAsync(context, ct);
        for (var i = 0; i < inputs.Count; i++)
        {
            var kpi = byKpi[inputs[i].KpiId!.Value];
            if (kpi.Measure is { } m && inputs[i].Value is { } given && given != measured[kpi.Id].Value)
            {
                errors.Add($"values[{i}].value", $"{kpi.Code} is measured by the platform ({measured[kpi.Id].Basis}): comment on it, but the figure cannot be changed");
            }
        }
        if (errors.Any)
        {
            return Outcome<KpiReturnView>.BusinessRule(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = stored is null;
        stored ??= NewReturn(context, now);
        foreach (var input in inputs)
        {
            var kpi = byKpi[input.KpiId!.Value];
            var value = stored.Values.SingleOrDefault(v => v.KpiId == kpi.Id);
            if (value is null)
            {
                value = new KpiReturnValue { KpiReturnId = stored.Id, KpiId = kpi.Id };
                stored.Values.Add(value);
                if (!isNew)
                {
                    db.Add(value);
                }
            }
            if (kpi.Measure is null)
            {
                value.Value = input.Value;
            }
            value.Commentary = Blank(input.Commentary);
        }

        if (submit)
        {
            var missing = context.Kpis.Where(k => k.Measure is null)
                .Where(k => stored.Values.SingleOrDefault(v => v.KpiId == k.Id) is not { } v || (v.Value is null && v.Commentary is null))
                .ToList();
            if (missing.Count > 0)
            {
                foreach (var kpi in missing)
                {
                    errors.Add($"values[{kpi.Code}]", $"{kpi.Code}: enter the figure, or say in the commentary why there is none");
                }
                return Outcome<KpiReturnView>.Invalid(errors);
            }
            // Measured figures are kept as the platform had them when the return was submitted.
            foreach (var kpi in context.Kpis)
            {
                var value = stored.Values.SingleOrDefault(v => v.KpiId == kpi.Id);
                if (value is null)
                {
                    value = new KpiReturnValue { KpiReturnId = stored.Id, KpiId = kpi.Id };
                    stored.Values.Add(value);
                    if (!isNew)
                    {
                        db.Add(value);
                    }
                }
                value.Measured = kpi.Measure is not null;
                if (value.Measured)
                {
                    value.Value = measured[kpi.Id].Value;
                    value.Basis = measured[kpi.Id].Basis;
                }
                value.BelowTarget = kpi.Misses(value.Value);
            }
            // Values of KPIs that no longer apply are not part of what is submitted.
            foreach (var stale in stored.Values.Where(v => !byKpi.ContainsKey(v.KpiId)).ToList())
            {
                stored.Values.Remove(stale);
                db.Remove(stale);
            }
            var resubmitted = stored.Status == KpiReturnStatus.Queried;
            stored.Status = KpiReturnStatus.Submitted;
            stored.BelowTarget = stored.Values.Any(v => v.BelowTarget);
            stored.SubmittedAt = now;
            stored.SubmittedByUserId = actor.UserId;
            stored.Submissions++;
            stored.MeasuredThrough = context.Quarter.End < context.Today ? context.Quarter.End : context.Today;
            var history = new KpiReturnEvent { KpiReturnId = stored.Id, ToStatus = KpiReturnStatus.Submitted, OccurredAt = now, ByUserId = actor.UserId, Comment = resubmitted ? "Resubmitted after a query" : null };
            stored.History.Add(history);
            if (!isNew)
            {
                db.Add(history);
            }
            audit.Record(actor, resubmitted ? "KpiReturnResubmitted" : "KpiReturnSubmitted", nameof(KpiReturn), stored.Id, $"{context.Quarter} {context.Dps.Name}", providerId: providerId);
            var below = context.Kpis.Where(k => stored.Values.Any(v => v.KpiId == k.Id && v.BelowTarget)).Select(k => k.Code).ToList();
            foreach (var to in await access.LeadCommissionerEmailsAsync(context.Dps.LeadLocalAuthorityId, ct))
            {
                await emails.QueueAsync(to, $"KPI return {(resubmitted ? "resubmitted" : "submitted")}: {context.ProviderName}, {context.Quarter}",
                    $"{context.ProviderName} has {(resubmitted ? "resubmitted" : "submitted")} its KPI return for {context.Quarter.Months} on {context.Dps.Name}."
                    + (below.Count > 0 ? $"\n\nBelow target: {string.Join(", ", below)}." : "")
                    + "\n\nReview it from the DPS's contract management page.", ct: ct);
            }
        }
        stored.UpdatedAt = now;
        if (isNew)
        {
            db.KpiReturns.Add(stored);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<KpiReturnView>.Conflict("Someone else changed this return at the same moment: open it again to see their change.");
        }
        catch (DbUpdateException) when (isNew)
        {
            return Outcome<KpiReturnView>.Conflict("Someone else started this return at the same moment: open it again.");
        }
        db.ChangeTracker.Clear();
        var again = await ReturnContextAsync(actor, providerId, dpsId, quarterText, ct);
        return Outcome<KpiReturnView>.Success(await ViewAsync(again.Value!, ct));
    }

    /// <summary>The commissioner's decision on a submitted return: accepted, or queried with what needs to change.</summary>
    public async Task<Outcome<KpiReturnView>> ReviewAsync(Actor actor, Guid returnId, ReviewReturnRequest request, CancellationToken ct = default)
    {
        var stored = await db.KpiReturns.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == returnId, ct);
        var dps = stored is null ? null : await access.DpsForAuthorityAsync(actor, stored.DpsId, ct);
        if (Outcome<KpiReturnView>.Refused(dps, "No such KPI return.", actor.Role == Role.Commissioner && dps?.Lead == true,
                "Only commissioners of the DPS's lead authority accept or query KPI returns.", out var refusal))
        {
            return refusal;
        }
        var errors = new FieldErrors();
        if (request.Decision is null)
        {
            errors.Add("decision", "Choose Accepted or Queried");
        }
        if (request.Decision == ReturnDecision.Queried && string.IsNullOrWhiteSpace(request.Comment))
        {
            errors.Add("comment", "Say what the provider needs to answer or correct");
        }
        if (request.Comment is { Length: > TextLengths.LongText })
        {
            errors.Add("comment", "The comment must be 4,000 characters or fewer");
        }
        if (errors.Any)
        {
            return Outcome<KpiReturnView>.Invalid(errors);
        }
        if (stored!.Status != KpiReturnStatus.Submitted)
        {
            return Outcome<KpiReturnView>.Conflict(stored.Status switch
            {
                KpiReturnStatus.Accepted => "This return has already been accepted.",
                KpiReturnStatus.Queried => "This return has been queried and is waiting for the provider to resubmit it.",
                _ => "This return has not been submitted yet.",
            });
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var to = request.Decision == ReturnDecision.Accepted ? KpiReturnStatus.Accepted : KpiReturnStatus.Queried;
        stored.Status = to;
        stored.ReviewedAt = now;
        stored.ReviewedByUserId = actor.UserId;
        stored.ReviewComment = Blank(request.Comment);
        stored.UpdatedAt = now;
        if (to == KpiReturnStatus.Queried)
        {
            // A query made after the due date would make the return overdue at once: the provider gets time to answer.
            stored.ResubmitBy = calendar.AddWorkingDays(UkTime.Today(clock), ResubmitWorkingDays);
            stored.OverdueNoticeSentAt = null;
        }
        db.Add(new KpiReturnEvent { KpiReturnId = stored.Id, ToStatus = to, OccurredAt = now, ByUserId = actor.UserId, Comment = stored.ReviewComment });
        audit.Record(actor, $"KpiReturn{to}", nameof(KpiReturn), stored.Id, stored.ReviewComment, providerId: stored.ProviderId);
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == stored.ProviderId).Select(p => new { p.Name, p.ContactEmail }).SingleAsync(ct);
        await emails.QueueAsync(provider.ContactEmail,
            to == KpiReturnStatus.Accepted ? $"KPI return accepted: {dps!.Name}, {stored.Quarter}" : $"KPI return queried: {dps!.Name}, {stored.Quarter}",
            to == KpiReturnStatus.Accepted
                ? $"{dps.Name} has accepted {provider.Name}'s KPI return for {stored.Quarter}." + (stored.ReviewComment is null ? "" : $"\n\nComment: {stored.ReviewComment}")
                : $"{dps.Name} has queried {provider.Name}'s KPI return for {stored.Quarter}.\n\nWhat needs answering: {stored.ReviewComment}\n\nChange the return and submit it again by {stored.ResubmitBy:d MMMM yyyy}.",
            ct: ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<KpiReturnView>.Conflict("Someone else decided on this return at the same moment: open it again to see their decision.");
        }
        db.ChangeTracker.Clear();
        var context = await ReturnContextAsync(actor, stored.ProviderId, stored.DpsId, stored.Quarter, ct);
        return Outcome<KpiReturnView>.Success(await ViewAsync(context.Value!, ct));
    }

    /// <summary>Everything needed to read or write one provider's return for one quarter, once the caller may.</summary>
    public sealed record ReturnContext(
        ContractAccess.DpsScope Dps, Guid ProviderId, string ProviderName, Quarter Quarter, DateOnly Today, IReadOnlyList<Kpi> Kpis,
        IReadOnlyList<Guid> ProviderLots, KpiReturn? Stored);

    private async Task<Outcome<ReturnContext>> ReturnContextAsync(Actor actor, Guid providerId, Guid dpsId, string? quarterText, CancellationToken ct)
    {
        ContractAccess.DpsScope? dps;
        if (actor.Role == Role.ProviderUser)
        {
            dps = actor.ProviderId == providerId ? await access.DpsForAsync(actor, dpsId, ct) : null;
        }
        else
        {
            dps = await access.DpsForAuthorityAsync(actor, dpsId, ct);
            if (dps is not null && !await access.IsMemberAsync(providerId, dpsId, ct))
            {
                dps = null;
            }
        }
        if (Outcome<ReturnContext>.Refused(dps, "No such KPI return: the provider is not on this DPS.",
                actor.Role == Role.ProviderUser || ContractAccess.AuthorityReads(actor),
                "KPI returns are for the provider, and the DPS's commissioners and QA officers.", out var refusal))
        {
            return refusal;
        }
        if (!Quarter.TryParse(quarterText, out var quarter))
        {
            return Outcome<ReturnContext>.Invalid("quarter", "Give the quarter as a year and quarter number, like 2026-Q3");
        }
        var today = UkTime.Today(clock);
        if (quarter.Start > today)
        {
            return Outcome<ReturnContext>.BusinessRule("quarter", $"{quarter} has not started yet: a return can be made for the current quarter or one that has ended");
        }
        var memberships = await db.LotMemberships.AsNoTracking().Where(m => m.ProviderId == providerId && m.Lot!.DpsId == dpsId)
            .Select(m => new { m.LotId, m.AdmittedAt }).ToListAsync(ct);
        if (memberships.Count == 0 || memberships.Min(m => UkTime.DateOf(m.AdmittedAt)) > quarter.End)
        {
            return Outcome<ReturnContext>.BusinessRule("quarter", $"The provider was not on this DPS in {quarter}: no return is due for it");
        }
        var lots = memberships.Select(m => m.LotId).Distinct().ToList();
        var kpis = (await db.Kpis.AsNoTracking().Where(k => k.DpsId == dpsId).ToListAsync(ct))
            .Where(k => k.LotIds.Count == 0 || k.LotIds.Intersect(lots).Any())
            .OrderBy(k => k.Order).ThenBy(k => k.Code, StringComparer.Ordinal).ToList();
        var stored = await db.KpiReturns.Include(r => r.Values).Include(r => r.History)
            .SingleOrDefaultAsync(r => r.ProviderId == providerId && r.DpsId == dpsId && r.Quarter == quarter.ToString(), ct);
        var name = await db.Providers.AsNoTracking().Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(ct);
        return Outcome<ReturnContext>.Success(new ReturnContext(dps!, providerId, name, quarter, today, kpis, lots, stored));
    }

    private KpiReturn NewReturn(ReturnContext context, DateTime now) => new()
    {
        ProviderId = context.ProviderId, DpsId = context.Dps.Id, Quarter = context.Quarter.ToString(), QuarterStart = context.Quarter.Start,
        QuarterEnd = context.Quarter.End, DueBy = context.Quarter.ReturnDueBy(calendar), Status = KpiReturnStatus.Draft, CreatedAt = now, UpdatedAt = now,
    };

    /// <summary>The measured figure of each measured KPI for the return's quarter, over the KPI's lots that the provider is on.</summary>
    private Task<Dictionary<Guid, MeasuredFigure>> MeasuredAsync(ReturnContext context, CancellationToken ct) =>
        measurement.MeasureKpisAsync(context.ProviderId, context.Kpis, context.ProviderLots, context.Quarter.Start,
            context.Quarter.End < context.Today ? context.Quarter.End : context.Today, ct: ct);

    private async Task<KpiReturnView> ViewAsync(ReturnContext context, CancellationToken ct)
    {
        var stored = context.Stored;
        var status = stored?.Status ?? KpiReturnStatus.Draft;
        var live = status is KpiReturnStatus.Draft or KpiReturnStatus.Queried ? await MeasuredAsync(context, ct) : [];
        var values = context.Kpis.Select(kpi =>
        {
            var saved = stored?.Values.SingleOrDefault(v => v.KpiId == kpi.Id);
            if (live.Count > 0 || kpi.Measure is null && status is KpiReturnStatus.Draft or KpiReturnStatus.Queried)
            {
                var figure = live.GetValueOrDefault(kpi.Id);
                var value = kpi.Measure is null ? saved?.Value : figure?.Value;
                return new KpiReturnValueView(kpi.Id, kpi.Code, kpi.Name, kpi.Unit, kpi.Target, kpi.HigherIsBetter, value, kpi.Measure is not null,
                    kpi.Misses(value), saved?.Commentary, figure?.Basis);
            }
            return new KpiReturnValueView(kpi.Id, kpi.Code, kpi.Name, kpi.Unit, kpi.Target, kpi.HigherIsBetter, saved?.Value, saved?.Measured ?? kpi.Measure is not null,
                saved?.BelowTarget ?? false, saved?.Commentary, saved?.Basis);
        }).ToList();
        var names = stored is null ? [] : await UserNamesAsync(stored.History.Select(h => h.ByUserId), ct);
        var dueBy = stored?.DueBy ?? context.Quarter.ReturnDueBy(calendar);
        return new KpiReturnView(stored?.Id, context.ProviderId, context.ProviderName, context.Dps.Id, context.Dps.Name, context.Quarter.ToString(),
            context.Quarter.Months, context.Quarter.Start, context.Quarter.End, status, dueBy, IsOverdue(status, dueBy, stored?.ResubmitBy, context.Today),
            stored?.Status is KpiReturnStatus.Submitted or KpiReturnStatus.Accepted ? stored.BelowTarget : values.Any(v => v.BelowTarget),
            stored?.SubmittedAt, stored?.ReviewedAt, stored?.ReviewComment, status == KpiReturnStatus.Queried ? stored?.ResubmitBy : null,
            status is KpiReturnStatus.Submitted or KpiReturnStatus.Accepted ? stored!.MeasuredThrough : (context.Quarter.End < context.Today ? context.Quarter.End : context.Today),
            values,
            [.. (stored?.History ?? []).OrderBy(h => h.OccurredAt).ThenBy(h => h.Id).Select(h => new KpiReturnEventView(h.ToStatus, h.OccurredAt, h.ByUserId is { } u ? names.GetValueOrDefault(u) : null, h.Comment))]);
    }

    /// <summary>A return is overdue when its due date has passed and the provider still has it: never submitted, or queried.</summary>
    public static bool IsOverdue(KpiReturnStatus status, DateOnly dueBy, DateOnly? resubmitBy, DateOnly today) => status switch
    {
        KpiReturnStatus.Draft => today > dueBy,
        KpiReturnStatus.Queried => today > (resubmitBy is { } r && r > dueBy ? r : dueBy),
        _ => false,
    };

    private async Task<Dictionary<Guid, string>> UserNamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    public static KpiView View(Kpi k) => new(k.Id, k.DpsId, k.Code, k.Name, k.Description, k.Unit, k.Target, k.HigherIsBetter, k.LotIds, k.Measure,
        k.Measure is not null, "Quarterly", k.CreatedAt);

    /// <summary>Why a figure is not possible in its unit; null when it is.</summary>
    public static string? ValueError(KpiUnit unit, decimal value) => unit switch
    {
        _ when Math.Abs(value) > 1_000_000_000m => "is too large",
        KpiUnit.Percent when value is < 0 or > 100 => "must be a percent from 0 to 100",
        KpiUnit.Count when value < 0 || decimal.Truncate(value) != value => "must be a whole number, 0 or more",
        KpiUnit.Days or KpiUnit.Money when value < 0 => "must be 0 or more",
        _ => null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
