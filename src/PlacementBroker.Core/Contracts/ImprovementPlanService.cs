namespace PlacementBroker.Core.Contracts;

/// <summary>
/// Service improvement plans: raised by the lead authority's commissioners with dated milestones, progressed by the
/// provider, closed completed or escalated. Escalation suspends (or, in a Procurement Act 2023 dynamic market, removes)
/// the provider's memberships of the DPS through <see cref="LotMembership.ChangeStatus"/>, with the plan as the reason.
/// </summary>
public class ImprovementPlanService(
    PlacementBrokerDbContext db, ContractAccess access, MembershipService memberships, AuditTrail audit, EmailOutbox emails, TimeProvider clock)
{
    public const int MaxMilestones = 50;

    public async Task<Outcome<ImprovementPlanView>> CreateAsync(Actor actor, CreateImprovementPlanRequest request, CancellationToken ct = default)
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
            return Outcome<ImprovementPlanView>.Invalid(errors);
        }
        var dps = await access.DpsForAuthorityAsync(actor, request.DpsId!.Value, ct);
        if (dps is not null && !await access.IsMemberAsync(request.ProviderId!.Value, dps.Id, ct))
        {
            dps = null;
        }
        if (Outcome<ImprovementPlanView>.Refused(dps, "No such provider on this DPS.", actor.Role == Role.Commissioner && dps?.Lead == true,
                "Only commissioners of the DPS's lead authority raise service improvement plans.", out var refusal))
        {
            return refusal;
        }
        errors.Required("reason", request.Reason, "Say why the plan is needed");
        if (request.Reason is { Length: > TextLengths.LongText })
        {
            errors.Add("reason", "The reason must be 4,000 characters or fewer");
        }
        var milestones = request.Milestones ?? [];
        if (milestones.Count == 0)
        {
            errors.Add("milestones", "Add at least one milestone, with a due date");
        }
        if (milestones.Count > MaxMilestones)
        {
            errors.Add("milestones", $"A plan has at most {MaxMilestones} milestones");
        }
        var today = UkTime.Today(clock);
        for (var i = 0; i < milestones.Count; i++)
        {
            errors.Required($"milestones[{i}].description", milestones[i]?.Description, "Describe the milestone");
            if (milestones[i]?.Description is { Length: > TextLengths.Paragraph })
            {
                errors.Add($"milestones[{i}].description", "A milestone must be 2,000 characters or fewer");
            }
            if (milestones[i]?.DueDate is not { } due)
            {
                errors.Add($"milestones[{i}].dueDate", "Enter the date the milestone is due");
            }
            else if (due < today)
            {
                errors.Add($"milestones[{i}].dueDate", "A new milestone cannot be due in the past");
            }
        }
        if (errors.Any)
        {
            return Outcome<ImprovementPlanView>.Invalid(errors);
        }
        if (request.SourceId is { } sourceId && !await SourceBelongsAsync(request.Source ?? ImprovementPlanSource.Other, sourceId, request.ProviderId!.Value, dps!.Id, ct))
        {
            return Outcome<ImprovementPlanView>.BusinessRule("sourceId", "The review, return or QA flag the plan comes from must be this provider's");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new ImprovementPlan
        {
            ProviderId = request.ProviderId!.Value, DpsId = dps!.Id, Reason = request.Reason!.Trim(), Source = request.Source ?? ImprovementPlanSource.Other,
            SourceId = request.SourceId, Status = ImprovementPlanStatus.Open, RaisedAt = now, RaisedByUserId = actor.UserId, UpdatedAt = now,
        };
        var order = 0;
        foreach (var m in milestones.OrderBy(m => m.DueDate))
        {
            plan.Milestones.Add(new PlanMilestone { ImprovementPlanId = plan.Id, Description = m.Description!.Trim(), DueDate = m.DueDate!.Value, Order = order++ });
        }
        db.ImprovementPlans.Add(plan);
        audit.Record(actor, "ImprovementPlanRaised", nameof(ImprovementPlan), plan.Id, plan.Reason, providerId: plan.ProviderId);
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == plan.ProviderId).Select(p => new { p.Name, p.ContactEmail }).SingleAsync(ct);
        await emails.QueueAsync(provider.ContactEmail, $"Service improvement plan: {dps.Name}",
            $"{dps.Name} has raised a service improvement plan with {provider.Name}.\n\nWhy: {plan.Reason}\n\nMilestones:\n"
            + string.Join("\n", plan.Milestones.Select(m => $"- by {m.DueDate:d MMMM yyyy}: {m.Description}"))
            + "\n\nRecord progress against each milestone from your contract management page.", ct: ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ImprovementPlanView>.Success((await ViewsAsync(db.ImprovementPlans.Where(p => p.Id == plan.Id), today, ct)).Single());
    }

    private async Task<bool> SourceBelongsAsync(ImprovementPlanSource source, Guid sourceId, Guid providerId, Guid dpsId, CancellationToken ct) => source switch
    {
        ImprovementPlanSource.ContractReview => await db.ContractReviews.AnyAsync(r => r.Id == sourceId && r.ProviderId == providerId && r.DpsId == dpsId, ct),
        ImprovementPlanSource.KpiReturn => await db.KpiReturns.AnyAsync(r => r.Id == sourceId && r.ProviderId == providerId && r.DpsId == dpsId, ct),
        ImprovementPlanSource.QaConcern => await db.QaFlags.AnyAsync(f => f.Id == sourceId && f.ProviderId == providerId, ct),
        _ => false,
    };

    /// <summary>The provider's progress against a milestone; <c>completed</c> marks it done.</summary>
    public async Task<Outcome<ImprovementPlanView>> RecordProgressAsync(Actor actor, Guid planId, Guid milestoneId, MilestoneProgressRequest request, CancellationToken ct = default)
    {
        var plan = await ReadableForChange(actor, planId, ct);
        var milestone = plan?.Milestones.SingleOrDefault(m => m.Id == milestoneId);
        if (Outcome<ImprovementPlanView>.Refused(milestone, "No such milestone.", actor.Role == Role.ProviderUser,
                "The provider records progress against its plan's milestones.", out var refusal))
        {
            return refusal;
        }
        var errors = new FieldErrors();
        errors.Required("note", request.Note, "Describe the progress made");
        if (request.Note is { Length: > TextLengths.LongText })
        {
            errors.Add("note", "The note must be 4,000 characters or fewer");
        }
        if (request.Completed is null)
        {
            errors.Add("completed", "Say whether the milestone is complete");
        }
        if (errors.Any)
        {
            return Outcome<ImprovementPlanView>.Invalid(errors);
        }
        if (plan!.Status != ImprovementPlanStatus.Open)
        {
            return Outcome<ImprovementPlanView>.Conflict($"This plan was closed as {Words.InSentence(plan.Status)}: progress can no longer be recorded.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var progress = new MilestoneProgress { PlanMilestoneId = milestone!.Id, Note = request.Note!.Trim(), Completed = request.Completed!.Value, RecordedAt = now, ByUserId = actor.UserId };
        db.Add(progress);
        if (request.Completed == true && milestone.CompletedAt is null)
        {
            milestone.CompletedAt = now;
        }
        plan.UpdatedAt = now;
        audit.Record(actor, "ImprovementPlanProgress", nameof(PlanMilestone), milestone.Id, progress.Note, providerId: plan.ProviderId);
        var dps = await db.DynamicPurchasingSystems.AsNoTracking().Where(d => d.Id == plan.DpsId).Select(d => new { d.Name, d.LeadLocalAuthorityId }).SingleAsync(ct);
        var providerName = await db.Providers.AsNoTracking().Where(p => p.Id == plan.ProviderId).Select(p => p.Name).SingleAsync(ct);
        foreach (var to in await access.LeadCommissionerEmailsAsync(dps.LeadLocalAuthorityId, ct))
        {
            await emails.QueueAsync(to, $"Improvement plan progress: {providerName}",
                $"{providerName} has recorded progress on its service improvement plan ({dps.Name}).\n\nMilestone: {milestone.Description}\n"
                + $"{(request.Completed == true ? "Marked complete." : "Not complete yet.")}\n\n{progress.Note}", ct: ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ImprovementPlanView>.Conflict("Someone else changed this plan at the same moment: open it again to see their change.");
        }
        return Outcome<ImprovementPlanView>.Success((await ViewsAsync(db.ImprovementPlans.Where(p => p.Id == planId), UkTime.Today(clock), ct)).Single());
    }

    /// <summary>Closes the plan. Completed needs every milestone done; escalated suspends or removes the DPS memberships.</summary>
    public async Task<Outcome<ImprovementPlanView>> CloseAsync(Actor actor, Guid planId, ClosePlanRequest request, CancellationToken ct = default)
    {
        var plan = await db.ImprovementPlans.Include(p => p.Milestones).SingleOrDefaultAsync(p => p.Id == planId, ct);
        var dps = plan is null ? null : await access.DpsForAuthorityAsync(actor, plan.DpsId, ct);
        if (Outcome<ImprovementPlanView>.Refused(dps, "No such improvement plan.", actor.Role == Role.Commissioner && dps?.Lead == true,
                "Only commissioners of the DPS's lead authority close service improvement plans.", out var refusal))
        {
            return refusal;
        }
        var errors = new FieldErrors();
        if (request.Outcome is not (ImprovementPlanStatus.Completed or ImprovementPlanStatus.Escalated))
        {
            errors.Add("outcome", "Choose Completed or Escalated");
        }
        errors.Required("reason", request.Reason, "Say why the plan is closed this way");
        if (request.Reason is { Length: > TextLengths.LongText })
        {
            errors.Add("reason", "The reason must be 4,000 characters or fewer");
        }
        if (errors.Any)
        {
            return Outcome<ImprovementPlanView>.Invalid(errors);
        }
        if (plan!.Status != ImprovementPlanStatus.Open)
        {
            return Outcome<ImprovementPlanView>.Conflict($"This plan is already closed as {Words.InSentence(plan.Status)}.");
        }
        if (request.Outcome == ImprovementPlanStatus.Completed && plan.Milestones.Where(m => m.CompletedAt is null).Select(m => m.Description).ToList() is { Count: > 0 } open)
        {
            return Outcome<ImprovementPlanView>.BusinessRule("outcome",
                $"{open.Count} {(open.Count == 1 ? "milestone is" : "milestones are")} not complete: {string.Join("; ", open)}. Close the plan as escalated, or wait for the provider");
        }
        var remove = request.Outcome == ImprovementPlanStatus.Escalated && request.MembershipAction == EscalationAction.Remove;
        if (remove && dps!.Regime != DpsRegime.ProcurementAct2023DynamicMarket)
        {
            return Outcome<ImprovementPlanView>.BusinessRule("membershipAction", MembershipRules.Refusal(MembershipStatus.Admitted, MembershipAction.RemoveExcludedSupplier, dps.Regime));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        plan.Status = request.Outcome!.Value;
        plan.ClosedAt = now;
        plan.ClosedByUserId = actor.UserId;
        plan.CloseReason = request.Reason!.Trim();
        plan.UpdatedAt = now;
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == plan.ProviderId).Select(p => new { p.Name, p.ContactEmail }).SingleAsync(ct);
        var changed = new List<string>();
        if (plan.Status == ImprovementPlanStatus.Escalated)
        {
            var reason = $"Service improvement plan escalated: {plan.CloseReason} (plan raised {UkTime.DateOf(plan.RaisedAt):d MMMM yyyy}: {plan.Reason})";
            if (reason.Length > TextLengths.LongText)
            {
                reason = reason[..TextLengths.LongText];
            }
            var onDps = await db.LotMemberships.Include(m => m.Lot).Where(m => m.ProviderId == plan.ProviderId && m.Lot!.DpsId == plan.DpsId).ToListAsync(ct);
            foreach (var membership in onDps)
            {
                var change = membership.ChangeStatus(remove ? MembershipAction.RemoveExcludedSupplier : MembershipAction.Suspend, dps!.Regime, actor.UserId, reason, now);
                if (change is null && !remove && membership.Status == MembershipStatus.Suspended)
                {
                    // Already suspended (by QA red, or by a commissioner): it now stays suspended for the plan too, so resolving
                    // a QA flag no longer reinstates it, and its history says why.
                    membership.SuspendedForQa = false;
                    change = new MembershipEvent
                    {
                        MembershipId = membership.Id, FromStatus = MembershipStatus.Suspended, ToStatus = MembershipStatus.Suspended, OccurredAt = now,
                        ByUserId = actor.UserId, Reason = reason,
                    };
                }
                if (change is null)
                {
                    continue;
                }
                db.MembershipEvents.Add(change);
                changed.Add(membership.Lot!.Name);
                audit.Record(actor, remove ? "MembershipRemoveExcludedSupplier" : "MembershipSuspend", nameof(LotMembership), membership.Id, reason, providerId: plan.ProviderId);
                await memberships.CloseVacanciesIfLeftAsync(membership, now, ct);
            }
        }
        audit.Record(actor, $"ImprovementPlan{plan.Status}", nameof(ImprovementPlan), plan.Id, plan.CloseReason, providerId: plan.ProviderId);
        await emails.QueueAsync(provider.ContactEmail, $"Service improvement plan closed as {Words.InSentence(plan.Status)}: {dps!.Name}",
            $"{dps.Name} has closed {provider.Name}'s service improvement plan as {Words.InSentence(plan.Status)}.\n\nReason: {plan.CloseReason}"
            + (changed.Count > 0 ? $"\n\nYour {(remove ? "membership has been removed" : "membership is suspended")} on: {string.Join(", ", changed)}." : ""), ct: ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ImprovementPlanView>.Conflict("Someone else changed this plan at the same moment: open it again to see their change.");
        }
        return Outcome<ImprovementPlanView>.Success((await ViewsAsync(db.ImprovementPlans.Where(p => p.Id == planId), UkTime.Today(clock), ct)).Single());
    }

    /// <summary>A plan the caller may see, tracked for a change; null when they may not see it.</summary>
    private async Task<ImprovementPlan?> ReadableForChange(Actor actor, Guid planId, CancellationToken ct)
    {
        var plan = await db.ImprovementPlans.Include(p => p.Milestones).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return null;
        }
        if (actor.Role == Role.ProviderUser)
        {
            return actor.ProviderId == plan.ProviderId ? plan : null;
        }
        return await access.DpsForAuthorityAsync(actor, plan.DpsId, ct) is not null ? plan : null;
    }

    public async Task<Outcome<List<ImprovementPlanView>>> ListAsync(Actor actor, Guid? providerId, Guid? dpsId, CancellationToken ct = default)
    {
        var query = Readable(actor);
        if (query is null)
        {
            return Outcome<List<ImprovementPlanView>>.Forbidden("Improvement plans are for commissioners, QA officers and the provider.");
        }
        if (providerId is { } p)
        {
            query = query.Where(x => x.ProviderId == p);
        }
        if (dpsId is { } d)
        {
            query = query.Where(x => x.DpsId == d);
        }
        return Outcome<List<ImprovementPlanView>>.Success(await ViewsAsync(query, UkTime.Today(clock), ct));
    }

    public async Task<ImprovementPlanView?> GetAsync(Actor actor, Guid planId, CancellationToken ct = default) =>
        Readable(actor) is { } query ? (await ViewsAsync(query.Where(p => p.Id == planId), UkTime.Today(clock), ct)).SingleOrDefault() : null;

    private IQueryable<ImprovementPlan>? Readable(Actor actor)
    {
        if (actor.Role == Role.ProviderUser && actor.ProviderId is { } provider)
        {
            return db.ImprovementPlans.Where(p => p.ProviderId == provider);
        }
        if (ContractAccess.AuthorityReads(actor) && actor.LocalAuthorityId is { } la)
        {
            var visible = db.DynamicPurchasingSystems.VisibleTo(la).Select(d => d.Id);
            return db.ImprovementPlans.Where(p => visible.Contains(p.DpsId));
        }
        return null;
    }

    public async Task<List<ImprovementPlanView>> ViewsAsync(IQueryable<ImprovementPlan> query, DateOnly today, CancellationToken ct)
    {
        var plans = await query.AsNoTracking().Include(p => p.Milestones).ThenInclude(m => m.Progress).AsSplitQuery().ToListAsync(ct);
        var providerIds = plans.Select(p => p.ProviderId).Distinct().ToList();
        var dpsIds = plans.Select(p => p.DpsId).Distinct().ToList();
        var userIds = plans.SelectMany(p => p.Milestones).SelectMany(m => m.Progress).Select(x => x.ByUserId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var dpss = await db.DynamicPurchasingSystems.AsNoTracking().Where(d => dpsIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. plans.OrderByDescending(p => p.RaisedAt).ThenBy(p => p.Id).Select(p => new ImprovementPlanView(
            p.Id, p.ProviderId, providers.GetValueOrDefault(p.ProviderId, ""), p.DpsId, dpss.GetValueOrDefault(p.DpsId, ""), p.Reason, p.Source, p.SourceId,
            p.Status, p.RaisedAt, p.ClosedAt, p.CloseReason,
            [.. p.Milestones.OrderBy(m => m.Order).ThenBy(m => m.DueDate).Select(m => new MilestoneView(m.Id, m.Description, m.DueDate,
                p.Status == ImprovementPlanStatus.Open && m.CompletedAt is null && m.DueDate < today, m.CompletedAt, m.EscalatedAt,
                [.. m.Progress.OrderBy(x => x.RecordedAt).ThenBy(x => x.Id).Select(x => new MilestoneProgressView(x.Note, x.Completed, x.RecordedAt, users.GetValueOrDefault(x.ByUserId)))]))]))];
    }

    public static ImprovementPlanSummary Summary(ImprovementPlanView p) => new(p.Id, p.ProviderId, p.ProviderName, p.Status, p.Reason, p.Milestones.Count,
        p.Milestones.Count(m => m.CompletedAt is not null), p.Milestones.Count(m => m.Overdue), p.RaisedAt);
}
