using System.Data.Common;
using Microsoft.Extensions.Options;

namespace PlacementBroker.Core.Matching;

/// <summary>A provider's track record as ranking scores it: the share of referrals it answered and of placements that lasted.</summary>
public readonly record struct TrackRecord(double? ResponseRate, double? Stability);

/// <summary>
/// Every provider's track record, read in one pass and kept for <see cref="MatchingOptions.TrackRecordSeconds"/> seconds.
/// A track record is a statistic over every referral a provider has received (thousands each, millions in all), so a
/// lot's potential matches would count hundreds of thousands of rows on every view; it moves by a fraction of a point
/// with each answer, so a record some seconds old ranks as well. When the records are due again they are read afresh in
/// the background, in a scope of their own, while every ranking goes on with the ones there are (without a service
/// provider, as in the benchmarks, the ranking that finds them due reads them, and the others go on). A provider the records do not hold yet (new since) is read
/// on its own, every time, until the next pass. Accepted prices are kept a minute (<see cref="Sufficiency.AcceptedPriceCache"/>);
/// offers, vacancies, places and QA status are read fresh on every ranking. One per host; zero seconds turns it off.
/// </summary>
public sealed class TrackRecordCache(IOptions<MatchingOptions> options, IServiceScopeFactory? scopes = null, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly long _ttlMs = Math.Max(0, options.Value.TrackRecordSeconds) * 1000L;
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<Guid, TrackRecord> Records, long Until);

    /// <param name="read">Reads the records of the providers given, or of every provider when given none.</param>
    public async Task<Dictionary<Guid, TrackRecord>> GetAsync(IReadOnlyCollection<Guid> providerIds,
        Func<IReadOnlyCollection<Guid>?, CancellationToken, Task<Dictionary<Guid, TrackRecord>>> read, CancellationToken ct = default)
    {
        if (_ttlMs == 0)
        {
            return await read(providerIds, ct);
        }
        var snapshot = _snapshot;
        if (snapshot is null || snapshot.Until <= Now())
        {
            // The first read is waited for; a due one is made in the background, or by whichever ranking gets there first.
            if (snapshot is not null && scopes is not null)
            {
                if (_reading.Wait(0))
                {
                    _ = Task.Run(RefreshInBackgroundAsync, CancellationToken.None);
                }
            }
            else if (snapshot is null ? await _reading.WaitAsync(Timeout.Infinite, ct) : _reading.Wait(0))
            {
                try
                {
                    snapshot = _snapshot;
                    if (snapshot is null || snapshot.Until <= Now())
                    {
                        var all = await read(null, ct);
                        _snapshot = snapshot = new Snapshot(all, Now() + _ttlMs);
                    }
                }
                finally
                {
                    _reading.Release();
                }
            }
        }
        var found = new Dictionary<Guid, TrackRecord>();
        var missing = new List<Guid>();
        foreach (var id in providerIds.Distinct())
        {
            if (snapshot is not null && snapshot.Records.TryGetValue(id, out var record))
            {
                found[id] = record;
            }
            else
            {
                missing.Add(id);
            }
        }
        if (missing.Count > 0)
        {
            foreach (var (id, record) in await read(missing, ct))
            {
                found[id] = record;
            }
        }
        return found;
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            using var scope = scopes!.CreateScope();
            var all = await scope.ServiceProvider.GetRequiredService<MatchService>().ReadEveryTrackRecordAsync(CancellationToken.None);
            _snapshot = new Snapshot(all, Now() + _ttlMs);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            // The records there are go on being used; the next ranking to find them due tries again.
        }
        finally
        {
            _reading.Release();
        }
    }

    private long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Forgets the records, so the next ranking reads them afresh.</summary>
    public void Clear() => _snapshot = null;
}
