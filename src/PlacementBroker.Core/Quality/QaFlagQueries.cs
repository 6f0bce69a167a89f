namespace PlacementBroker.Core.Quality;

public static class QaFlagQueries
{
    /// <summary>Red in quality assurance: a critical flag is open. Red providers' memberships are suspended until it is resolved.</summary>
    public static Task<bool> ProviderIsRedAsync(this IQueryable<QaFlag> flags, Guid providerId, CancellationToken ct = default) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            flags, f => f.ProviderId == providerId && f.Status == FlagStatus.Open && f.Severity == FlagSeverity.Critical, ct);
}
