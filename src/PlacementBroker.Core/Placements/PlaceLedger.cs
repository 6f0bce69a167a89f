namespace PlacementBroker.Core.Placements;

/// <summary>A child's time in a setting, or places held for a manager's decision: from <see cref="Start"/> until the day before <see cref="End"/>.</summary>
public readonly record struct Stay(DateOnly Start, DateOnly? End, int Places)
{
    public bool CoversDay(DateOnly day) => Start <= day && (End is null || End > day);
}

/// <summary>How many places a setting has taken on its busiest day: the rule that it never holds more children than Ofsted registered it for.</summary>
public static class Occupancy
{
    /// <summary>The most places taken on any day from <paramref name="from"/> on. Occupancy only rises on a start, so those days are enough.</summary>
    public static int PeakFrom(IEnumerable<Stay> stays, DateOnly from)
    {
        var live = stays.Where(s => s.End is null || s.End > from).ToList();
        return live.Select(s => s.Start).Where(d => d > from).Append(from).Distinct()
            .Max(day => live.Where(s => s.CoversDay(day)).Sum(s => s.Places));
    }
}

/// <summary>
/// The book of a setting's places: what is taken and held, against what Ofsted registered, whichever vacancies, lots and
/// DPSs the places were published in. Every change goes through a conditional update, and the registered-places check
/// runs under the setting's row lock inside the caller's transaction, so two racing bookings cannot both take the last bed.
/// </summary>
public class PlaceLedger(PlacementBrokerDbContext db)
{
    /// <summary>
    /// Takes the setting's row lock for the rest of the caller's transaction (PostgreSQL and SQL Server lock the row;
    /// SQLite serialises writers). False when the registration is closed, the setting is not approved by a platform admin's
    /// review of its URN, or the setting is gone.
    /// </summary>
    public async Task<bool> LockSettingAsync(Guid settingId, CancellationToken ct) =>
        await db.Settings.Where(s => s.Id == settingId && s.ClosedAt == null && s.ReviewStatus == Providers.SettingReviewStatus.Approved)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CapacityVersion, Guid.NewGuid()), ct) == 1;

    /// <summary>Takes the referral's row lock for the rest of the caller's transaction: the first lock of every change to a referral's offers and places.</summary>
    public Task<int> LockReferralAsync(Guid referralId, DateTime now, CancellationToken ct) =>
        db.Referrals.Where(r => r.Id == referralId).ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAt, now), ct);

    /// <summary>
    /// Saves the unit of work under the referral's row lock, in the caller's transaction or a new one. Accepting an offer and
    /// deciding an approval take that lock first, then the setting's and the vacancy's; withdrawing an offer or closing a
    /// referral takes it first too, so two of them meet at the referral and one waits for the other rather than each
    /// holding a row the other needs (a deadlock). What the waiter read before is then checked by the concurrency tokens:
    /// a change that lost the race fails its save with <see cref="DbUpdateConcurrencyException"/>, as before.
    /// </summary>
    public async Task SaveUnderReferralLockAsync(Guid referralId, DateTime now, CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await LockReferralAsync(referralId, now, ct);
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Placements and pending holds at the setting that still take a place on or after <paramref name="from"/>.</summary>
    public async Task<List<Stay>> StaysAsync(Guid settingId, DateOnly from, Guid? exceptApprovalId = null, Guid? exceptPlacementId = null, CancellationToken ct = default)
    {
        var placements = await db.Placements.AsNoTracking()
            .Where(p => p.SettingId == settingId && p.Id != exceptPlacementId && (p.EndDate == null || p.EndDate > from))
            .Select(p => new { p.StartDate, p.EndDate, p.Places })
            .ToListAsync(ct);
        var holds = await db.Approvals.AsNoTracking()
            .Where(a => a.Status == ApprovalStatus.Pending && a.Id != exceptApprovalId)
            .Join(db.Offers, a => a.OfferId, o => o.Id, (a, o) => new { a.PlacesHeld, o.SettingId, o.StartDate })
            .Where(x => x.SettingId == settingId)
            .Select(x => new { x.StartDate, x.PlacesHeld })
            .ToListAsync(ct);
        return [.. placements.Select(p => new Stay(p.StartDate, p.EndDate, p.Places)), .. holds.Select(h => new Stay(h.StartDate, null, h.PlacesHeld))];
    }

    /// <summary>
    /// Why <paramref name="places"/> more from <paramref name="start"/> would break the registered places, or null when they fit.
    /// Takes the setting's lock first: call it inside the transaction that then takes or holds the places.
    /// </summary>
    public async Task<string?> RefusalAsync(Guid settingId, DateOnly start, int places, Guid? exceptApprovalId = null, CancellationToken ct = default)
    {
        if (!await LockSettingAsync(settingId, ct))
        {
            return "The setting's Ofsted registration is closed, or its URN is not approved: it cannot take a child.";
        }
        var registered = await db.Settings.AsNoTracking().Where(s => s.Id == settingId).Select(s => s.RegisteredPlaces).SingleAsync(ct);
        var peak = Occupancy.PeakFrom(await StaysAsync(settingId, start, exceptApprovalId, ct: ct), start);
        return peak + places > registered
            ? $"The setting is registered by Ofsted for {Children(registered)} and {peak} of its places are taken or held from {Words.Date(start)}: it cannot take {places} more."
            : null;
    }

    /// <summary>Places on offer now across the setting's other open vacancies (held places are counted as stays instead).</summary>
    public async Task<int> OnOfferAsync(Guid settingId, Guid? exceptVacancyId, CancellationToken ct) =>
        await db.Vacancies.AsNoTracking()
            .Where(v => v.SettingId == settingId && v.Id != exceptVacancyId && (v.Status == VacancyStatus.Open || v.Status == VacancyStatus.Held))
            .SumAsync(v => v.Places - v.PlacesHeld, ct);

    /// <summary>
    /// Why publishing <paramref name="places"/> open places from <paramref name="from"/> would offer more than the setting is
    /// registered for, counting the places already on offer in its other vacancies and those taken or held; null when they fit.
    /// </summary>
    public async Task<string?> PublishRefusalAsync(Guid settingId, Guid? vacancyId, int places, DateOnly from, CancellationToken ct)
    {
        if (!await LockSettingAsync(settingId, ct))
        {
            return "The setting's Ofsted registration is closed, or its URN is not approved: it cannot offer places.";
        }
        var registered = await db.Settings.AsNoTracking().Where(s => s.Id == settingId).Select(s => s.RegisteredPlaces).SingleAsync(ct);
        var taken = Occupancy.PeakFrom(await StaysAsync(settingId, from, ct: ct), from);
        var onOffer = await OnOfferAsync(settingId, vacancyId, ct);
        var free = registered - taken - onOffer;
        return places > free
            ? $"The setting is registered by Ofsted for {Children(registered)}: {taken} of its places are taken or held from {Words.Date(from)} "
              + $"and {onOffer} are already on offer in its other vacancies, so at most {Math.Max(0, free)} more can be published."
            : null;
    }

    /// <summary>Holds the places a referral needs on an open vacancy while a manager decides. 0 when fewer are free.</summary>
    public Task<int> HoldAsync(Guid vacancyId, int places, DateTime now, CancellationToken ct) =>
        db.Vacancies.Where(v => v.Id == vacancyId && v.Status == VacancyStatus.Open && v.Places - v.PlacesHeld >= places)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.PlacesHeld, v => v.PlacesHeld + places)
                .SetProperty(v => v.Status, v => v.Places - v.PlacesHeld - places == 0 ? VacancyStatus.Held : VacancyStatus.Open)
                .SetProperty(v => v.Version, Guid.NewGuid()).SetProperty(v => v.UpdatedAt, now), ct);

    /// <summary>Gives held places back to the vacancy's offer.</summary>
    public Task<int> ReleaseAsync(Guid vacancyId, int places, DateTime now, CancellationToken ct) =>
        db.Vacancies.Where(v => v.Id == vacancyId && v.PlacesHeld >= places && places > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.PlacesHeld, v => v.PlacesHeld - places)
                .SetProperty(v => v.Status, v => v.Status == VacancyStatus.Held ? VacancyStatus.Open : v.Status)
                .SetProperty(v => v.Version, Guid.NewGuid()).SetProperty(v => v.UpdatedAt, now), ct);

    /// <summary>Takes places for a placement: free ones, or the ones held for its approval. 0 when they are gone.</summary>
    public Task<int> TakeAsync(Guid vacancyId, int places, bool fromHold, DateTime now, CancellationToken ct)
    {
        var held = fromHold ? places : 0;
        var query = fromHold
            ? db.Vacancies.Where(v => v.Id == vacancyId && v.PlacesHeld >= places && v.Places >= places)
            : db.Vacancies.Where(v => v.Id == vacancyId && v.Status == VacancyStatus.Open && v.Places - v.PlacesHeld >= places);
        return query.ExecuteUpdateAsync(s => s
            .SetProperty(v => v.Places, v => v.Places - places)
            .SetProperty(v => v.PlacesHeld, v => v.PlacesHeld - held)
            .SetProperty(v => v.Status, v => v.Status == VacancyStatus.Withdrawn ? VacancyStatus.Withdrawn
                : v.Places - places == 0 ? VacancyStatus.Filled
                : v.Places - places - (v.PlacesHeld - held) == 0 ? VacancyStatus.Held
                : VacancyStatus.Open)
            .SetProperty(v => v.Version, Guid.NewGuid()).SetProperty(v => v.UpdatedAt, now), ct);
    }

    /// <summary>
    /// Gives an ended placement's places back to its vacancy (unless withdrawn), but never more than the setting can take
    /// on top of what is taken, held and on offer elsewhere: a bed booked from a planned end is not offered twice.
    /// Call it under the setting's lock, after the placement has ended.
    /// </summary>
    public async Task ReturnAsync(Guid vacancyId, Guid settingId, int places, DateOnly today, DateTime now, CancellationToken ct)
    {
        var registered = await db.Settings.AsNoTracking().Where(s => s.Id == settingId).Select(s => s.RegisteredPlaces).SingleAsync(ct);
        var taken = Occupancy.PeakFrom(await StaysAsync(settingId, today, ct: ct), today);
        var onOffer = await OnOfferAsync(settingId, null, ct);
        var back = Math.Clamp(registered - taken - onOffer, 0, places);
        if (back == 0)
        {
            return;
        }
        await db.Vacancies.Where(v => v.Id == vacancyId && v.Status != VacancyStatus.Withdrawn)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Places, v => v.Places + back)
                .SetProperty(v => v.Status, v => v.Status == VacancyStatus.Filled || v.Status == VacancyStatus.Held ? VacancyStatus.Open : v.Status)
                .SetProperty(v => v.Version, Guid.NewGuid()).SetProperty(v => v.UpdatedAt, now), ct);
    }

    /// <summary>
    /// Closes the pending approval of an offer that can no longer go ahead and gives its held places back, in the caller's
    /// unit of work: its SaveChanges writes both at once, conditionally (an approval's status and a vacancy's version are
    /// concurrency tokens), so a racing change makes the whole save fail rather than strand or double-release a place.
    /// </summary>
    public async Task CloseHoldsAsync(Guid offerId, Guid vacancyId, string reason, DateTime now, CancellationToken ct)
    {
        var pending = await db.Approvals.Where(a => a.OfferId == offerId && a.Status == ApprovalStatus.Pending).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return;
        }
        var vacancy = await db.Vacancies.SingleAsync(v => v.Id == vacancyId, ct);
        foreach (var approval in pending)
        {
            approval.Status = ApprovalStatus.Rejected;
            approval.DecidedAt = now;
            approval.DecisionReason = reason;
            vacancy.PlacesHeld = Math.Max(0, vacancy.PlacesHeld - approval.PlacesHeld);
        }
        if (vacancy.Status == VacancyStatus.Held && vacancy.PlacesHeld < vacancy.Places)
        {
            vacancy.Status = VacancyStatus.Open;
        }
        vacancy.Version = Guid.NewGuid();
        vacancy.UpdatedAt = now;
    }

    private static string Children(int n) => n == 1 ? "1 child" : $"{n} children";
}
