namespace PlacementBroker.Core.Providers;

/// <summary>
/// Least exposure of a children's home's address: its full postcode and coordinates go only to the people of its own
/// provider and to the people of a council with a child placed there now (an active placement, which includes one
/// whose start date is still to come). Everyone else, platform admins included, sees the postcode district ("M14")
/// and no coordinates. Once every placement of a council there has ended, that council sees the district again.
/// Distances are still worked out from the full coordinates on the server; only the address shown is reduced.
/// </summary>
public class AddressDisclosure(PlacementBrokerDbContext db)
{
    /// <summary>Of <paramref name="settingIds"/>, those whose full address <paramref name="actor"/> may see.</summary>
    public async Task<HashSet<Guid>> FullAddressAsync(Actor actor, IReadOnlyCollection<Guid> settingIds, CancellationToken ct = default)
    {
        if (settingIds.Count == 0)
        {
            return [];
        }
        if (actor.Role == Role.ProviderUser && actor.ProviderId is { } providerId)
        {
            return [.. await db.Settings.AsNoTracking().Where(s => settingIds.Contains(s.Id) && s.ProviderId == providerId).Select(s => s.Id).ToListAsync(ct)];
        }
        if (actor.Role is Role.PlacingOfficer or Role.PlacementManager or Role.QaOfficer or Role.Commissioner && actor.LocalAuthorityId is { } la)
        {
            return [.. await db.Placements.AsNoTracking()
                .Where(p => settingIds.Contains(p.SettingId) && p.LocalAuthorityId == la && p.Status == PlacementStatus.Active)
                .Select(p => p.SettingId).Distinct().ToListAsync(ct)];
        }
        return [];
    }

    public async Task<bool> MaySeeFullAddressAsync(Actor actor, Guid settingId, CancellationToken ct = default) =>
        (await FullAddressAsync(actor, [settingId], ct)).Contains(settingId);

    /// <summary>The postcode as the reader may see it: the full one, or its district.</summary>
    public static string Shown(string postcode, bool full) => full ? postcode : Postcode.District(postcode) ?? "";
}
