namespace PlacementBroker.Core.Contracts;

/// <summary>
/// Who may see and change a DPS's contract management. The DPS's authorities (lead and participating) see it through
/// their commissioners and QA officers; only the lead authority's commissioners change it; a provider sees its own.
/// Anything the caller may not see is not found, never told apart from an unknown id.
/// </summary>
public class ContractAccess(PlacementBrokerDbContext db)
{
    public sealed record DpsScope(Guid Id, string Name, Guid LeadLocalAuthorityId, DpsRegime Regime, bool Lead);

    /// <summary>The DPS as the caller's authority sees it; null when it is not one of the authority's DPSs.</summary>
    public async Task<DpsScope?> DpsForAuthorityAsync(Actor actor, Guid dpsId, CancellationToken ct)
    {
        if (actor.LocalAuthorityId is not { } la)
        {
            return null;
        }
        var dps = await db.DynamicPurchasingSystems.AsNoTracking().VisibleTo(la).Where(d => d.Id == dpsId)
            .Select(d => new { d.Id, d.Name, d.LeadLocalAuthorityId, d.Regime }).SingleOrDefaultAsync(ct);
        return dps is null ? null : new DpsScope(dps.Id, dps.Name, dps.LeadLocalAuthorityId, dps.Regime, dps.LeadLocalAuthorityId == la);
    }

    /// <summary>The DPS, for a provider on it (any membership, past or present) or an authority of it; null otherwise.</summary>
    public async Task<DpsScope?> DpsForAsync(Actor actor, Guid dpsId, CancellationToken ct)
    {
        if (actor.Role == Role.ProviderUser)
        {
            if (actor.ProviderId is not { } provider || !await IsMemberAsync(provider, dpsId, ct))
            {
                return null;
            }
            var dps = await db.DynamicPurchasingSystems.AsNoTracking().Where(d => d.Id == dpsId)
                .Select(d => new DpsScope(d.Id, d.Name, d.LeadLocalAuthorityId, d.Regime, false)).SingleOrDefaultAsync(ct);
            return dps;
        }
        return await DpsForAuthorityAsync(actor, dpsId, ct);
    }

    /// <summary>Whether the provider has, or had, a membership of a lot of the DPS.</summary>
    public Task<bool> IsMemberAsync(Guid providerId, Guid dpsId, CancellationToken ct) =>
        db.LotMemberships.AnyAsync(m => m.ProviderId == providerId && m.Lot!.DpsId == dpsId, ct);

    /// <summary>The roles of an authority that read contract management: commissioners and QA officers.</summary>
    public static bool AuthorityReads(Actor actor) => actor.Role is Role.Commissioner or Role.QaOfficer;

    /// <summary>The lead authority's commissioners' addresses, for escalations and reminders.</summary>
    public Task<List<string>> LeadCommissionerEmailsAsync(Guid leadLocalAuthorityId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Role == Role.Commissioner && u.LocalAuthorityId == leadLocalAuthorityId && u.Email != null && u.DisabledAt == null)
            .Select(u => u.Email!).ToListAsync(ct);
}
