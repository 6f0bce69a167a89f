namespace PlacementBroker.Core.Providers;

/// <summary>What a provider is looked up by; each part is optional and together they narrow the list.</summary>
/// <param name="Name">Part of the organisation's name, in any case.</param>
/// <param name="Urn">An Ofsted URN, or part of one, of any of the provider's settings (open or closed).</param>
/// <param name="Grade">The Ofsted grade of any of its open settings.</param>
/// <param name="QaStatus">Its QA status as derived today.</param>
public sealed record ProviderSearchFilter(string? Name = null, string? Urn = null, OfstedGrade? Grade = null, QaStatus? QaStatus = null)
{
    public bool Any => !string.IsNullOrWhiteSpace(Name) || !string.IsNullOrWhiteSpace(Urn) || Grade is not null || QaStatus is not null;
}

public sealed record ProviderSearchSetting(Guid Id, string Name, string OfstedUrn, OfstedGrade Grade, bool Closed);

/// <param name="OnYourDps">The provider has a membership of a lot the searcher's council sees, so its scorecard is open to the council's commissioners.</param>
public sealed record ProviderSearchResult(
    Guid Id, string Name, ProviderType Type, QaStatus QaStatus, bool OnYourDps, IReadOnlyList<ProviderSearchSetting> Settings);

/// <summary>
/// Finding any registered provider, for the councils' QA officers and commissioners: by name, by the URN of any of its
/// settings, by Ofsted grade and by QA status. Providers are not a council's tenant data (their QA profiles are shared
/// by every council), and nothing here names a child.
/// </summary>
public class ProviderSearch(PlacementBrokerDbContext db, IQaStatusSource qa, TimeProvider clock)
{
    public static readonly IReadOnlyList<Role> Searchers = [Role.QaOfficer, Role.Commissioner];

    public async Task<Outcome<Paged<ProviderSearchResult>>> SearchAsync(Actor actor, ProviderSearchFilter filter, PageRequest page, CancellationToken ct = default)
    {
        if (!Searchers.Contains(actor.Role) || actor.LocalAuthorityId is not { } authority)
        {
            return Outcome<Paged<ProviderSearchResult>>.Forbidden("Finding providers is for a council's QA officers and commissioners.");
        }
        var query = db.Providers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim().ToLowerInvariant();
            query = query.Where(p => p.Name.ToLower().Contains(name));
        }
        if (!string.IsNullOrWhiteSpace(filter.Urn))
        {
            var urn = filter.Urn.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
            query = query.Where(p => db.Settings.Any(s => s.ProviderId == p.Id && s.OfstedUrn.Contains(urn)));
        }
        if (filter.Grade is { } grade)
        {
            query = query.Where(p => db.Settings.Any(s => s.ProviderId == p.Id && s.ClosedAt == null && s.OfstedGrade == grade));
        }
        IQueryable<Guid> Ordered(IQueryable<Provider> q) => q.OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Id);

        // The status is derived, never stored. Red is an open critical flag, tested in the query; for amber and green only
        // the providers the rules could make other than green (QaStatusQuery) have theirs worked out, not every provider.
        Paged<Guid> ids;
        switch (filter.QaStatus)
        {
            case QaStatus.Red:
                ids = await Ordered(query.WhereRed(db)).ToPagedAsync(page, ct);
                break;
            case QaStatus.Amber:
            {
                var candidates = await Ordered(query.WhereMayNotBeGreen(db, UkTime.Today(clock))).ToListAsync(ct);
                var derived = await qa.ForProvidersAsync(candidates, ct);
                ids = candidates.Where(id => derived[id] == QaStatus.Amber).ToPaged(page);
                break;
            }
            case QaStatus.Green:
            {
                var all = await Ordered(query).ToListAsync(ct);
                var candidates = await query.WhereMayNotBeGreen(db, UkTime.Today(clock)).Select(p => p.Id).ToListAsync(ct);
                var derived = await qa.ForProvidersAsync(candidates, ct);
                ids = all.Where(id => !derived.TryGetValue(id, out var status) || status == QaStatus.Green).ToPaged(page);
                break;
            }
            default:
                ids = await Ordered(query).ToPagedAsync(page, ct);
                break;
        }
        var statuses = await qa.ForProvidersAsync([.. ids.Items], ct);

        var shown = ids.Items.ToList();
        var lots = db.Lots.VisibleTo(authority).Select(l => l.Id);
        var providers = await db.Providers.AsNoTracking().Where(p => shown.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Type, OnYourDps = db.LotMemberships.Any(m => m.ProviderId == p.Id && lots.Contains(m.LotId)) })
            .ToDictionaryAsync(p => p.Id, ct);
        var settings = await db.Settings.AsNoTracking().Where(s => shown.Contains(s.ProviderId))
            .OrderBy(s => s.ClosedAt != null).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new { s.ProviderId, View = new ProviderSearchSetting(s.Id, s.Name, s.OfstedUrn, s.OfstedGrade, s.ClosedAt != null) })
            .ToListAsync(ct);
        return Outcome<Paged<ProviderSearchResult>>.Success(ids.Map(id => new ProviderSearchResult(id, providers[id].Name, providers[id].Type,
            statuses[id], providers[id].OnYourDps, [.. settings.Where(s => s.ProviderId == id).Select(s => s.View)])));
    }
}
