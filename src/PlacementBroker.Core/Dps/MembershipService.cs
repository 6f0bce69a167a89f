namespace PlacementBroker.Core.Dps;

/// <summary>Suspend, reinstate, withdraw, remove: every change with who, when and why, shown to the provider.</summary>
public class MembershipService(PlacementBrokerDbContext db, AuditTrail audit, EmailOutbox emails, TimeProvider clock)
{
    public async Task<Outcome<MembershipView>> ChangeAsync(Actor actor, Guid membershipId, MembershipAction action, string? reason, CancellationToken ct = default)
    {
        var membership = await db.LotMemberships.Include(m => m.Provider).Include(m => m.Lot).ThenInclude(l => l!.Dps)
            .SingleOrDefaultAsync(m => m.Id == membershipId, ct);
        var byProvider = action == MembershipAction.Withdraw;
        if (membership is null
            || (byProvider ? actor.ProviderId != membership.ProviderId : actor.LocalAuthorityId != membership.Lot!.Dps!.LeadLocalAuthorityId))
        {
            return Outcome<MembershipView>.NotFound("No such membership.");
        }
        if (byProvider ? actor.Role != Role.ProviderUser : actor.Role != Role.Commissioner)
        {
            return Outcome<MembershipView>.Forbidden(byProvider ? "Only the provider withdraws from a lot." : "Only commissioners of the lead authority change memberships.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome<MembershipView>.Invalid("reason", "Enter the reason: it is kept in the membership's history and shown to the provider");
        }
        if (reason.Length > 4000)
        {
            return Outcome<MembershipView>.Invalid("reason", "The reason must be 4,000 characters or fewer");
        }
        var regime = membership.Lot!.Dps!.Regime;
        var to = MembershipRules.Apply(membership.Status, action, regime);
        if (to is null)
        {
            var refusal = MembershipRules.Refusal(membership.Status, action, regime);
            return action == MembershipAction.RemoveExcludedSupplier && regime != DpsRegime.ProcurementAct2023DynamicMarket
                ? Outcome<MembershipView>.BusinessRule(refusal)
                : Outcome<MembershipView>.Conflict(refusal);
        }

        if (to == MembershipStatus.Admitted && await Quality.QaFlagQueries.ProviderIsRedAsync(db.QaFlags, membership.ProviderId, ct))
        {
            // A red provider receives no referrals: its memberships come back when the QA team resolves the critical flag.
            return Outcome<MembershipView>.BusinessRule(Quality.QaSuspension.RefusalWhileRed(membership.Provider!.Name));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.MembershipEvents.Add(membership.ChangeStatus(action, regime, actor.UserId, reason.Trim(), now)!);
        await CloseVacanciesIfLeftAsync(membership, now, ct);
        audit.Record(actor, $"Membership{action}", nameof(LotMembership), membership.Id, reason.Trim(), providerId: membership.ProviderId);
        if (!byProvider)
        {
            await emails.QueueAsync(membership.Provider!.ContactEmail,
                $"Your membership of {membership.Lot.Name} is now {Words.InSentence(to.Value)}",
                $"{membership.Lot.Dps.Name} has changed {membership.Provider.Name}'s membership of {membership.Lot.Name} to {Words.InSentence(to.Value)}.\n\nReason: {reason.Trim()}",
                ct: ct);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<MembershipView>.Success((await ViewsAsync(db.LotMemberships.Where(m => m.Id == membershipId), ct)).Single());
    }

    /// <summary>
    /// Capacity offered in a lot the provider has left (withdrawn, or removed as excluded) is no longer on offer: its open
    /// vacancies there are withdrawn, in the same unit of work as the membership's change.
    /// </summary>
    public async Task CloseVacanciesIfLeftAsync(LotMembership membership, DateTime now, CancellationToken ct = default)
    {
        if (membership.Status is MembershipStatus.Withdrawn or MembershipStatus.Removed)
        {
            await db.Vacancies.Where(v => v.ProviderId == membership.ProviderId && v.LotId == membership.LotId && v.Status == VacancyStatus.Open)
                .ForEachAsync(v => { v.Status = VacancyStatus.Withdrawn; v.UpdatedAt = now; }, ct);
        }
    }

    public async Task<List<MembershipView>> ForProviderAsync(Guid providerId, CancellationToken ct = default) =>
        await ViewsAsync(db.LotMemberships.Where(m => m.ProviderId == providerId), ct);

    /// <summary>One of the provider's memberships, read by its id.</summary>
    public async Task<MembershipView?> FindForProviderAsync(Guid providerId, Guid membershipId, CancellationToken ct = default) =>
        (await ViewsAsync(db.LotMemberships.Where(m => m.Id == membershipId && m.ProviderId == providerId), ct)).SingleOrDefault();

    /// <summary>Members of a DPS's lots, for the commissioners of its lead and participating authorities.</summary>
    public async Task<List<MembershipView>?> ForDpsAsync(Actor actor, Guid dpsId, CancellationToken ct = default) =>
        await CanSeeDpsAsync(actor, dpsId, ct) ? await ViewsAsync(db.LotMemberships.Where(m => m.Lot!.DpsId == dpsId), ct) : null;

    /// <summary>One membership of a DPS's lots, read by its id, for the commissioners who may see the DPS.</summary>
    public async Task<MembershipView?> FindInDpsAsync(Actor actor, Guid dpsId, Guid membershipId, CancellationToken ct = default) =>
        await CanSeeDpsAsync(actor, dpsId, ct)
            ? (await ViewsAsync(db.LotMemberships.Where(m => m.Id == membershipId && m.Lot!.DpsId == dpsId), ct)).SingleOrDefault()
            : null;

    private Task<bool> CanSeeDpsAsync(Actor actor, Guid dpsId, CancellationToken ct) => db.DynamicPurchasingSystems
        .VisibleTo(actor.LocalAuthorityId).AnyAsync(d => d.Id == dpsId, ct);

    private async Task<List<MembershipView>> ViewsAsync(IQueryable<LotMembership> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(m => new
            {
                m.Id, m.ProviderId, Provider = m.Provider!.Name, m.LotId, Lot = m.Lot!.Name, m.Lot.DpsId, Dps = m.Lot.Dps!.Name, m.Lot.Dps.Regime,
                m.Status, m.AdmittedAt,
                History = m.History.OrderBy(h => h.OccurredAt)
                    .Select(h => new { h.FromStatus, h.ToStatus, h.OccurredAt, h.Reason, By = db.Users.Where(u => u.Id == h.ByUserId).Select(u => u.DisplayName).FirstOrDefault() })
                    .ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Dps).ThenBy(r => r.Lot).ThenBy(r => r.Provider).ThenBy(r => r.Id).Select(r => new MembershipView(
            r.Id, r.ProviderId, r.Provider, r.LotId, r.Lot, r.DpsId, r.Dps, r.Regime, r.Status, r.AdmittedAt,
            [.. r.History.Select(h => new MembershipEventView(h.FromStatus, h.ToStatus, h.OccurredAt, h.Reason, h.By))]))];
    }
}
