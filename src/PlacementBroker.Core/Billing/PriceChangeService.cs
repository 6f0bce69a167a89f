namespace PlacementBroker.Core.Billing;

/// <summary>
/// A spot placement's weekly price changing from a date, agreed by a placement manager. Billing charges each day at
/// the price in force that day. A change cannot reach back into a period already billed: invoices are never rewritten.
/// </summary>
public class PriceChangeService(PlacementBrokerDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const decimal MaxWeeklyPrice = 100_000m;

    /// <summary>The placement's price history, oldest first; empty while the price has never changed. The caller has checked access.</summary>
    public async Task<List<PriceFromView>> HistoryAsync(Guid placementId, CancellationToken ct = default) =>
        await db.PlacementPriceChanges.AsNoTracking().Where(c => c.PlacementId == placementId).OrderBy(c => c.EffectiveFrom)
            .Select(c => new PriceFromView(c.EffectiveFrom, c.WeeklyPrice, c.Reason)).ToListAsync(ct);

    public async Task<Outcome<PlacementPrices>> ChangeAsync(Actor actor, Guid placementId, PriceChangeRequest request, CancellationToken ct = default)
    {
        var placement = await db.Placements.SingleOrDefaultAsync(p => p.Id == placementId && p.LocalAuthorityId == actor.LocalAuthorityId, ct);
        if (Outcome<PlacementPrices>.Refused(placement, "No such placement.", actor.Role == Role.PlacementManager, "Placement managers agree price changes.", out var refused))
        {
            return refused;
        }
        var errors = new FieldErrors().MaxLength("reason", request.Reason, 500, "The reason");
        if (request.WeeklyPrice is not { } price)
        {
            errors.Add("weeklyPrice", "Enter the new weekly price");
        }
        else if (price <= 0 || price > MaxWeeklyPrice || decimal.Round(price, 2) != price)
        {
            errors.Add("weeklyPrice", $"The weekly price must be more than £0 and at most £{MaxWeeklyPrice:N0}, in pounds and pence");
        }
        if (request.EffectiveFrom is not { } from)
        {
            errors.Add("effectiveFrom", "Enter the date the new price starts");
        }
        else if (from < placement.StartDate)
        {
            errors.Add("effectiveFrom", "The new price cannot start before the placement did");
        }
        else if (placement.EndDate is { } end && from >= end)
        {
            errors.Add("effectiveFrom", "The new price must start before the placement ended");
        }
        if (errors.Any)
        {
            return Outcome<PlacementPrices>.Invalid(errors);
        }
        if (placement.Kind != PlacementKind.Spot)
        {
            return Outcome<PlacementPrices>.BusinessRule("A block place is paid for by its block contract, not by a weekly price of its own.");
        }
        var billedTo = await db.InvoiceLines.Where(l => l.PlacementId == placementId)
            .Join(db.Invoices, l => l.InvoiceId, i => i.Id, (l, i) => (DateOnly?)i.PeriodEnd).MaxAsync(ct);
        if (billedTo is { } billed && request.EffectiveFrom <= billed)
        {
            return Outcome<PlacementPrices>.BusinessRule(
                $"The placement is billed up to {billed:d MMMM yyyy}: a new price can start from {billed.AddDays(1):d MMMM yyyy}. Invoices already raised are not rewritten.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = await db.PlacementPriceChanges.Where(c => c.PlacementId == placementId).ToListAsync(ct);
        if (changes.Count == 0)
        {
            // The price agreed at the start becomes the first entry of the history.
            db.PlacementPriceChanges.Add(new PlacementPriceChange
            {
                PlacementId = placementId, EffectiveFrom = placement.StartDate, WeeklyPrice = placement.WeeklyPrice, Reason = "Agreed when the placement was made",
                CreatedByUserId = placement.CreatedByUserId, CreatedAt = placement.CreatedAt,
            });
        }
        // A second change on the same date corrects the first rather than stacking up.
        var same = db.PlacementPriceChanges.Local.SingleOrDefault(c => c.PlacementId == placementId && c.EffectiveFrom == request.EffectiveFrom);
        if (same is not null)
        {
            same.WeeklyPrice = request.WeeklyPrice!.Value;
            same.Reason = request.Reason?.Trim() ?? same.Reason;
        }
        else
        {
            db.PlacementPriceChanges.Add(new PlacementPriceChange
            {
                PlacementId = placementId, EffectiveFrom = request.EffectiveFrom!.Value, WeeklyPrice = request.WeeklyPrice!.Value, Reason = request.Reason?.Trim(),
                CreatedByUserId = actor.UserId, CreatedAt = now,
            });
        }
        var history = db.PlacementPriceChanges.Local.Where(c => c.PlacementId == placementId).OrderBy(c => c.EffectiveFrom).ToList();
        // The placement's price is the one in force today (a change dated ahead takes over on its day, in billing).
        var today = UkTime.Today(clock);
        placement.WeeklyPrice = history.LastOrDefault(c => c.EffectiveFrom <= today)?.WeeklyPrice ?? history[0].WeeklyPrice;
        audit.Record(actor, "PlacementPriceChanged", nameof(Placement), placementId, $"£{request.WeeklyPrice:0.00} a week from {request.EffectiveFrom:yyyy-MM-dd}",
            localAuthorityId: placement.LocalAuthorityId, providerId: placement.ProviderId);
        await db.SaveChangesAsync(ct);
        return Outcome<PlacementPrices>.Success(new PlacementPrices(placementId, placement.WeeklyPrice,
            [.. history.Select(c => new PriceFromView(c.EffectiveFrom, c.WeeklyPrice, c.Reason))]));
    }
}
