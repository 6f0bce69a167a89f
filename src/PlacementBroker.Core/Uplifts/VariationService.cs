namespace PlacementBroker.Core.Uplifts;

/// <summary>
/// Variations: of an Individual Placement Agreement (price changes, by uplift or by hand, additional support, a change of
/// setting, anything else the two parties agree), and of a block contract (its price per place and its places, from a
/// date). A price change never reaches into a period already billed: invoices are never rewritten.
/// </summary>
public class VariationService(PlacementBrokerDbContext db, PriceChangeService prices, UpliftService uplifts, AuditTrail audit, TimeProvider clock)
{
    public const int MaxBlockPlaces = 500;

    /// <summary>The placement's variations, oldest first; null when the caller may not read the placement.</summary>
    public async Task<List<VariationView>?> PlacementVariationsAsync(Actor actor, Guid placementId, CancellationToken ct = default)
    {
        if (!await Visible(actor).AnyAsync(p => p.Id == placementId, ct))
        {
            return null;
        }
        return await db.PlacementVariations.AsNoTracking().Where(v => v.PlacementId == placementId)
            .OrderBy(v => v.EffectiveFrom).ThenBy(v => v.RecordedAt).ThenBy(v => v.Id)
            .Select(v => new VariationView(v.Id, v.EffectiveFrom, v.Kind, v.WeeklyPriceBefore, v.WeeklyPriceAfter, v.Reason, v.AgreedByName, v.AgreedFor, v.UpliftRequestId, v.RecordedAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Records a variation agreed by the placing authority's placement manager. A price change goes through the price
    /// rules (a spot placement only, from a day not yet billed); the others are recorded as agreed, dated within the placement.
    /// </summary>
    public async Task<Outcome<VariationView>> RecordAsync(Actor actor, Guid placementId, RecordVariationRequest request, CancellationToken ct = default)
    {
        var placement = await db.Placements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == placementId && p.LocalAuthorityId == actor.LocalAuthorityId, ct);
        if (Outcome<VariationView>.Refused(placement, "No such placement.", actor.Role == Role.PlacementManager, "Placement managers agree variations.", out var refused))
        {
            return refused;
        }
        var errors = new FieldErrors();
        errors.Required("kind", request.Kind, "Choose the kind of variation");
        errors.Required("reason", request.Reason, "Describe what was agreed and why");
        if (request.Reason is { Length: > TextLengths.LongText })
        {
            errors.Add("reason", "The description must be 4,000 characters or fewer");
        }
        if (request.Date is not { } date)
        {
            errors.Add("date", "Enter the date the variation applies from");
        }
        else if (date < placement.StartDate)
        {
            errors.Add("date", "A variation cannot apply before the placement started");
        }
        else if (placement.EndDate is { } end && date >= end)
        {
            errors.Add("date", "A variation must apply before the placement ended");
        }
        if (request.Kind == VariationKind.PriceChange && request.WeeklyPriceAfter is null)
        {
            errors.Add("weeklyPriceAfter", "Enter the new weekly price");
        }
        else if (request.Kind != VariationKind.PriceChange && request.WeeklyPriceAfter is not null)
        {
            errors.Add("weeklyPriceAfter", "Only a price change changes the weekly price");
        }
        if (errors.Any)
        {
            return Outcome<VariationView>.Invalid(errors);
        }
        if (request.Kind == VariationKind.PriceChange)
        {
            var changed = await prices.ChangeAsync(actor, placementId, new PriceChangeRequest(request.WeeklyPriceAfter, request.Date, request.Reason), ct);
            if (!changed.Succeeded)
            {
                return changed.Kind == OutcomeKind.Invalid ? Outcome<VariationView>.Invalid(Renamed(changed.Errors)) : Outcome<VariationView>.BusinessRule(changed.Message!);
            }
            var recorded = await db.PlacementVariations.AsNoTracking().Where(v => v.PlacementId == placementId).OrderByDescending(v => v.RecordedAt).ThenByDescending(v => v.Id).FirstAsync(ct);
            return Outcome<VariationView>.Success(View(recorded));
        }
        var agreedBy = await VariationAuthor.OfAsync(db, actor, ct);
        var variation = new PlacementVariation
        {
            PlacementId = placementId, EffectiveFrom = request.Date!.Value, Kind = request.Kind!.Value, Reason = request.Reason!.Trim(),
            AgreedByUserId = agreedBy.UserId, AgreedByName = agreedBy.Name, AgreedFor = agreedBy.For, RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PlacementVariations.Add(variation);
        audit.Record(actor, "PlacementVaried", nameof(Placement), placementId, $"{variation.Kind} from {variation.EffectiveFrom:yyyy-MM-dd}",
            localAuthorityId: placement.LocalAuthorityId, providerId: placement.ProviderId);
        await db.SaveChangesAsync(ct);
        return Outcome<VariationView>.Success(View(variation));
    }

    private static FieldErrors Renamed(IReadOnlyDictionary<string, string[]> errors)
    {
        var renamed = new FieldErrors();
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                renamed.Add(field switch { "weeklyPrice" => "weeklyPriceAfter", "effectiveFrom" => "date", _ => field }, message);
            }
        }
        return renamed;
    }

    public static VariationView View(PlacementVariation v) =>
        new(v.Id, v.EffectiveFrom, v.Kind, v.WeeklyPriceBefore, v.WeeklyPriceAfter, v.Reason, v.AgreedByName, v.AgreedFor, v.UpliftRequestId, v.RecordedAt);

    /// <summary>A block contract with its terms over time and its variations; for its authority's users and its provider.</summary>
    public async Task<BlockContractTermsView?> BlockContractAsync(Actor actor, Guid blockContractId, CancellationToken ct = default)
    {
        var block = await db.BlockContracts.AsNoTracking().SingleOrDefaultAsync(b => b.Id == blockContractId
            && (actor.Role == Role.ProviderUser ? b.ProviderId == actor.ProviderId : actor.LocalAuthorityId != null && b.LocalAuthorityId == actor.LocalAuthorityId), ct);
        if (block is null || actor.Role is Role.PlatformAdmin)
        {
            return null;
        }
        var variations = await db.BlockContractVariations.AsNoTracking().Where(v => v.BlockContractId == block.Id).ToListAsync(ct);
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == block.ProviderId).Select(p => p.Name).SingleAsync(ct);
        var lot = await db.Lots.AsNoTracking().Where(l => l.Id == block.LotId).Select(l => l.Name).SingleAsync(ct);
        var terms = BlockTerms.Fold(block, variations);
        var today = UkTime.Today(clock);
        var now = BlockTerms.On(terms, today);
        var ordered = variations.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.RecordedAt).ThenBy(v => v.Id).ToList();
        var views = new List<BlockVariationView>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var v = ordered[i];
            var before = BlockTerms.On(BlockTerms.Fold(block, ordered.Take(i)), v.EffectiveFrom);
            var after = BlockTerms.On(BlockTerms.Fold(block, ordered.Take(i + 1)), v.EffectiveFrom);
            views.Add(new BlockVariationView(v.Id, v.EffectiveFrom, before.Places, after.Places, before.WeeklyPricePerPlace, after.WeeklyPricePerPlace, v.Reason,
                v.AgreedByName, v.UpliftRequestId, v.RecordedAt));
        }
        var inForce = block.StartDate <= today && block.EndDate >= today;
        var voids = Math.Max(0, now.Places - block.PlacesTaken);
        return new BlockContractTermsView(block.Id, block.ProviderId, provider, block.LotId, lot, block.StartDate, block.EndDate, now.Places, block.PlacesTaken,
            block.Places, now.WeeklyPricePerPlace, inForce ? voids * now.WeeklyPricePerPlace : 0, terms, views);
    }

    /// <summary>
    /// Varies a block contract from a date (its authority's commissioners): the price per place, the places, or both.
    /// Never from a day already billed; never fewer places than are filled; occupancy, voids and billing follow.
    /// </summary>
    public async Task<Outcome<BlockContractTermsView>> VaryBlockAsync(Actor actor, Guid blockContractId, VaryBlockContractRequest request, CancellationToken ct = default)
    {
        var block = await db.BlockContracts.SingleOrDefaultAsync(b => b.Id == blockContractId && b.LocalAuthorityId == actor.LocalAuthorityId, ct);
        if (Outcome<BlockContractTermsView>.Refused(block, "No such block contract.", actor.Role == Role.Commissioner, "Commissioners vary block contracts.", out var refused))
        {
            return refused;
        }
        var errors = new FieldErrors();
        if (request.EffectiveFrom is not { } from)
        {
            errors.Add("effectiveFrom", "Enter the date the change applies from");
        }
        else if (from < block.StartDate || from > block.EndDate)
        {
            errors.Add("effectiveFrom", $"The change must apply within the contract, from {block.StartDate:d MMMM yyyy} to {block.EndDate:d MMMM yyyy}");
        }
        if (request.Places is null && request.WeeklyPricePerPlace is null)
        {
            errors.Add("places", "Enter the new number of places, the new price per place, or both");
        }
        if (request.Places is { } places && (places < 1 || places > MaxBlockPlaces))
        {
            errors.Add("places", $"The places must be from 1 to {MaxBlockPlaces}: to end the contract, end it");
        }
        if (request.WeeklyPricePerPlace is { } price && (price <= 0 || price > PriceChangeService.MaxWeeklyPrice || decimal.Round(price, 2) != price))
        {
            errors.Add("weeklyPricePerPlace", $"The weekly price per place must be more than £0 and at most £{PriceChangeService.MaxWeeklyPrice:N0}, in pounds and pence");
        }
        errors.Required("reason", request.Reason, "Say why the contract is varied");
        if (request.Reason is { Length: > TextLengths.LongText })
        {
            errors.Add("reason", "The reason must be 4,000 characters or fewer");
        }
        if (errors.Any)
        {
            return Outcome<BlockContractTermsView>.Invalid(errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LocalAuthorities.Where(a => a.Id == block.LocalAuthorityId).ExecuteUpdateAsync(a => a.SetProperty(x => x.StripeCustomerId, x => x.StripeCustomerId), ct);
        var billedTo = await db.BillingRuns.Where(r => r.LocalAuthorityId == block.LocalAuthorityId).MaxAsync(r => (DateOnly?)r.PeriodEnd, ct);
        if (billedTo is { } billed && request.EffectiveFrom <= billed)
        {
            return Outcome<BlockContractTermsView>.BusinessRule("effectiveFrom",
                $"Your council has billed up to {billed:d MMMM yyyy}: a change can apply from {billed.AddDays(1):d MMMM yyyy}. Invoices already raised are not rewritten.");
        }
        await db.Entry(block).ReloadAsync(ct);
        if (request.Places is { } fewer && fewer < block.PlacesTaken)
        {
            return Outcome<BlockContractTermsView>.BusinessRule("places",
                $"{block.PlacesTaken} of the contract's places are filled: it cannot have fewer than {block.PlacesTaken} until children move on.");
        }
        var variations = await db.BlockContractVariations.Where(v => v.BlockContractId == block.Id).ToListAsync(ct);
        var agreedBy = await VariationAuthor.OfAsync(db, actor, ct);
        uplifts.StageBlockVariation(block, variations, new BlockContractVariation
        {
            BlockContractId = block.Id, EffectiveFrom = request.EffectiveFrom!.Value, Places = request.Places, WeeklyPricePerPlace = request.WeeklyPricePerPlace,
            Reason = request.Reason!.Trim(), AgreedByUserId = agreedBy.UserId, AgreedByName = agreedBy.Name, RecordedAt = clock.GetUtcNow().UtcDateTime,
        }, UkTime.Today(clock));
        audit.Record(actor, "BlockContractVaried", nameof(BlockContract), block.Id,
            $"from {request.EffectiveFrom:yyyy-MM-dd}: {(request.Places is { } p ? $"{p} places" : "places unchanged")}, {(request.WeeklyPricePerPlace is { } w ? $"£{w:0.00} a place" : "price unchanged")}",
            localAuthorityId: block.LocalAuthorityId, providerId: block.ProviderId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A child was placed in the contract meanwhile and the places no longer cover those filled (the database's check).
            return Outcome<BlockContractTermsView>.Conflict("A place in the contract was filled while you were changing it: look at it again.");
        }
        await transaction.CommitAsync(ct);
        return Outcome<BlockContractTermsView>.Success((await BlockContractAsync(actor, block.Id, ct))!);
    }

    /// <summary>
    /// Moves prices and places on as their day comes (the hourly sweep): each placement's weekly price to the one in force
    /// today, and each varied block contract's price and fillable places. Billing reads the dated history, so this only
    /// keeps what pages and matching show in step. Each change is conditional on what was read.
    /// </summary>
    public async Task<int> ApplyDueAsync(CancellationToken ct = default)
    {
        var today = UkTime.Today(clock);
        var since = today.AddDays(-7);
        var changed = 0;
        var placementIds = await db.PlacementPriceChanges.AsNoTracking().Where(c => c.EffectiveFrom <= today && c.EffectiveFrom > since)
            .Select(c => c.PlacementId).Distinct().ToListAsync(ct);
        foreach (var id in placementIds)
        {
            var history = await db.PlacementPriceChanges.AsNoTracking().Where(c => c.PlacementId == id).ToListAsync(ct);
            var price = PriceChangeService.PriceOn(history, today);
            changed += await db.Placements.Where(p => p.Id == id && p.WeeklyPrice != price).ExecuteUpdateAsync(s => s.SetProperty(p => p.WeeklyPrice, price), ct);
        }
        var blockIds = await db.BlockContractVariations.AsNoTracking().Where(v => v.EffectiveFrom <= today && v.EffectiveFrom > since)
            .Select(v => v.BlockContractId).Distinct().ToListAsync(ct);
        foreach (var id in blockIds)
        {
            var block = await db.BlockContracts.AsNoTracking().SingleAsync(b => b.Id == id, ct);
            var terms = BlockTerms.Fold(block, await db.BlockContractVariations.AsNoTracking().Where(v => v.BlockContractId == id).ToListAsync(ct));
            var price = BlockTerms.On(terms, today).WeeklyPricePerPlace;
            var places = BlockTerms.FillablePlaces(terms, today);
            changed += await db.BlockContracts.Where(b => b.Id == id && (b.WeeklyPricePerPlace != price || b.Places != places) && b.PlacesTaken <= places)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.WeeklyPricePerPlace, price).SetProperty(b => b.Places, places), ct);
        }
        return changed;
    }

    private IQueryable<Placement> Visible(Actor actor) => actor.Role switch
    {
        Role.ProviderUser => db.Placements.AsNoTracking().Where(p => p.ProviderId == actor.ProviderId),
        Role.PlacingOfficer or Role.PlacementManager or Role.QaOfficer or Role.Commissioner => db.Placements.AsNoTracking().Where(p => p.LocalAuthorityId == actor.LocalAuthorityId),
        _ => db.Placements.AsNoTracking().Where(_ => false),
    };
}
