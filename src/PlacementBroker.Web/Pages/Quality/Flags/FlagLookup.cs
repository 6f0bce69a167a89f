namespace PlacementBroker.Web.Pages.Quality.Flags;

public sealed record FlagSummary(QaFlag Flag, string ProviderName, string? SettingName);

public static class FlagLookup
{
    /// <summary>The flag if the given council raised it; another council's flag is not found.</summary>
    public static async Task<FlagSummary?> FindAsync(PlacementBrokerDbContext db, Guid id, Guid? authorityId, CancellationToken ct)
    {
        var flag = await db.QaFlags.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.LocalAuthorityId == authorityId, ct);
        if (flag is null)
        {
            return null;
        }
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == flag.ProviderId).Select(p => p.Name).SingleAsync(ct);
        var setting = flag.SettingId is { } s ? await db.Settings.AsNoTracking().Where(x => x.Id == s).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        return new FlagSummary(flag, provider, setting);
    }
}
