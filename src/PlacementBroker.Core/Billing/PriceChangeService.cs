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

        var agreedBy = await VariationAuthor.OfAsync(db, actor, ct);
        await StageAsync(placement, request.EffectiveFrom!.Value, _ => request.WeeklyPrice!.Value, request.Reason?.Trim() is { Length: > 0 } why ? why : "Price agreed by the placement manager",
            agreedBy, upliftRequestId: null, ct);
        var history = db.PlacementPriceChanges.Local.Where(c => c.PlacementId == placementId).OrderBy(c => c.EffectiveFrom).ToList();
        audit.Record(actor, "PlacementPriceChanged", nameof(Placement), placementId, $"£{request.WeeklyPrice:0.00} a week from {request.EffectiveFrom:yyyy-MM-dd}",
            localAuthorityId: placement.LocalAuthorityId, providerId: placement.ProviderId);
        await db.SaveChangesAsync(ct);
        return Outcome<PlacementPrices>.Success(new PlacementPrices(placementId, placement.WeeklyPrice,
            [.. history.Select(c => new PriceFromView(c.EffectiveFrom, c.WeeklyPrice, c.Reason))]));
    }

    /// <summary>
    /// Adds to the unit of work (the caller saves) the placement's new weekly price from <paramref name="from"/> and the
    /// variation on its agreement, keeping the price agreed at the start as the first entry of the history. A second change
    /// on one date corrects the first; <paramref name="newPrice"/> is given the price in force that day before the change. The caller has checked access, the dates and the billed periods. Returns the price
    /// in force on that day before the change.
    /// </summary>
    public async Task<decimal> StageAsync(Placement placement, DateOnly from, Func<decimal, decimal> newPrice, string reason, VariationAuthor agreedBy, Guid? upliftRequestId,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!db.PlacementPriceChanges.Local.Any(c => c.PlacementId == placement.Id))
        {
            await db.PlacementPriceChanges.Where(c => c.PlacementId == placement.Id).LoadAsync(ct);
        }
        var history = db.PlacementPriceChanges.Local.Where(c => c.PlacementId == placement.Id).ToList();
        if (history.Count == 0)
        {
            var first = new PlacementPriceChange
            {
                PlacementId = placement.Id, EffectiveFrom = placement.StartDate, WeeklyPrice = placement.WeeklyPrice, Reason = "Agreed when the placement was made",
                CreatedByUserId = placement.CreatedByUserId, CreatedAt = placement.CreatedAt,
            };
            db.PlacementPriceChanges.Add(first);
            history.Add(first);
        }
        var before = PriceOn(history, from);
        var weeklyPrice = newPrice(before);
        var reasonText = reason.Length > 500 ? reason[..500] : reason;
        if (history.SingleOrDefault(c => c.EffectiveFrom == from) is { } same)
        {
            // A manager's second change on one day corrects the first; an uplift on a day with an agreed price raises that price.
            if (upliftRequestId is null)
            {
                var others = history.Where(c => c != same).ToList();
                before = others.Count == 0 ? before : PriceOn(others, from.AddDays(-1));
                weeklyPrice = newPrice(before);
            }
            same.WeeklyPrice = weeklyPrice;
            same.Reason = reasonText;
        }
        else
        {
            var change = new PlacementPriceChange
            {
                PlacementId = placement.Id, EffectiveFrom = from, WeeklyPrice = weeklyPrice, Reason = reasonText, CreatedByUserId = agreedBy.UserId, CreatedAt = now,
            };
            db.PlacementPriceChanges.Add(change);
            history.Add(change);
        }
        // The placement's price is the one in force today (a change dated ahead takes over on its day: billing reads the
        // history, and the hourly sweep moves the placement's price on).
        placement.WeeklyPrice = PriceOn(history, UkTime.Today(clock));
        db.PlacementVariations.Add(new Uplifts.PlacementVariation
        {
            PlacementId = placement.Id, EffectiveFrom = from, Kind = Uplifts.VariationKind.PriceChange, WeeklyPriceBefore = before, WeeklyPriceAfter = weeklyPrice,
            Reason = reason.Length > TextLengths.LongText ? reason[..TextLengths.LongText] : reason, AgreedByUserId = agreedBy.UserId, AgreedByName = agreedBy.Name,
            AgreedFor = agreedBy.For, UpliftRequestId = upliftRequestId, RecordedAt = now,
        });
        return before;
    }

    /// <summary>The price in force on <paramref name="day"/>: the latest dated on or before it, or the first.</summary>
    public static decimal PriceOn(IReadOnlyCollection<PlacementPriceChange> history, DateOnly day) =>
        (history.Where(c => c.EffectiveFrom <= day).MaxBy(c => c.EffectiveFrom) ?? history.MinBy(c => c.EffectiveFrom))!.WeeklyPrice;
}

/// <summary>Who agreed a variation, and for which organisation, as named on the day: the agreement shows it.</summary>
public sealed record VariationAuthor(Guid UserId, string Name, string For)
{
    public static async Task<VariationAuthor> OfAsync(PlacementBrokerDbContext db, Actor actor, CancellationToken ct)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? actor.Email;
        var org = actor.LocalAuthorityId is { } la
            ? await db.LocalAuthorities.AsNoTracking().Where(a => a.Id == la).Select(a => a.Name).SingleOrDefaultAsync(ct)
            : actor.ProviderId is { } p ? await db.Providers.AsNoTracking().Where(x => x.Id == p).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        return new VariationAuthor(actor.UserId, name, org ?? "PlacementBroker");
    }
}
