namespace PlacementBroker.Core.Placements;

/// <summary>
/// Block contracts: places an authority has bought from a provider in a lot at a fixed weekly price. Commissioners record
/// them; the authority reads their occupancy and voids. Taking and freeing a block place is part of making and ending a
/// placement (<see cref="PlacementService"/>).
/// </summary>
public class BlockContractService(PlacementBrokerDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<BlockContract>> CreateBlockContractAsync(Actor actor, CreateBlockContractRequest request, CancellationToken ct = default)
    {
        if (actor.Role != Role.Commissioner || actor.LocalAuthorityId is not { } authorityId)
        {
            return Outcome<BlockContract>.Forbidden("Only commissioners record block contracts.");
        }
        var errors = new FieldErrors();
        if (request.ProviderId is null || !await db.Providers.AnyAsync(p => p.Id == request.ProviderId, ct))
        {
            errors.Add("providerId", "Select a provider that exists");
        }
        if (request.LotId is null || !await db.Lots.VisibleTo(authorityId).AnyAsync(l => l.Id == request.LotId, ct))
        {
            errors.Add("lotId", "Select a lot of a DPS your authority uses");
        }
        if (request.SettingId is { } settingId && !await db.Settings.AnyAsync(s => s.Id == settingId && s.ProviderId == request.ProviderId, ct))
        {
            errors.Add("settingId", "Select one of the provider's settings, or none");
        }
        if (request.Places is null or < 1 or > 500)
        {
            errors.Add("places", "Enter the number of places bought, from 1 to 500");
        }
        if (request.WeeklyPricePerPlace is null or <= 0 or > 100_000)
        {
            errors.Add("weeklyPricePerPlace", "Enter the weekly price per place, more than £0");
        }
        errors.Required("startDate", request.StartDate, "Enter the start of the contract");
        if (request.EndDate is null)
        {
            errors.Add("endDate", "Enter the end of the contract");
        }
        else if (request.StartDate is { } start && request.EndDate < start)
        {
            errors.Add("endDate", "The end must be on or after the start");
        }
        if (errors.Any)
        {
            return Outcome<BlockContract>.Invalid(errors);
        }
        var contract = new BlockContract
        {
            LocalAuthorityId = authorityId,
            ProviderId = request.ProviderId!.Value,
            LotId = request.LotId!.Value,
            SettingId = request.SettingId,
            Places = request.Places!.Value,
            WeeklyPricePerPlace = request.WeeklyPricePerPlace!.Value,
            StartDate = request.StartDate!.Value,
            EndDate = request.EndDate!.Value,
            CreatedByUserId = actor.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.BlockContracts.Add(contract);
        audit.Record(actor, "BlockContractRecorded", nameof(BlockContract), contract.Id, $"{contract.Places} places at £{contract.WeeklyPricePerPlace}", providerId: contract.ProviderId);
        await db.SaveChangesAsync(ct);
        return Outcome<BlockContract>.Success(contract);
    }

    public async Task<List<BlockContractView>> BlockContractsAsync(Actor actor, CancellationToken ct = default)
    {
        var rows = await db.BlockContracts.AsNoTracking().Where(b => b.LocalAuthorityId == actor.LocalAuthorityId)
            .OrderBy(b => b.EndDate).ThenBy(b => b.Id)
            .Select(b => new
            {
                Contract = b,
                Provider = db.Providers.Where(p => p.Id == b.ProviderId).Select(p => p.Name).First(),
                Lot = db.Lots.Where(l => l.Id == b.LotId).Select(l => l.Name).First(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            var c = r.Contract;
            var voids = c.Places - c.PlacesTaken;
            return new BlockContractView(c.Id, c.ProviderId, r.Provider, c.LotId, r.Lot, c.SettingId, c.Places, c.PlacesTaken, voids, c.WeeklyPricePerPlace,
                voids * c.WeeklyPricePerPlace, c.Places == 0 ? 0 : Math.Round(100m * c.PlacesTaken / c.Places, 1), c.StartDate, c.EndDate);
        })];
    }

    /// <summary>The block contract to suggest for an offer, if one of the authority's contracts has a free place that fits.</summary>
    public async Task<Guid?> SuggestBlockContractAsync(Guid localAuthorityId, Offer offer, Referral referral, CancellationToken ct = default)
    {
        var contracts = await db.BlockContracts.AsNoTracking()
            .Where(b => b.LocalAuthorityId == localAuthorityId && b.ProviderId == offer.ProviderId && b.LotId == referral.LotId)
            .ToListAsync(ct);
        return BlockContractChoice.Suggest(contracts.Select(BlockContractSlot.Of), offer.ProviderId, referral.LotId, offer.SettingId, referral.SiblingGroupSize, offer.StartDate)?.Id;
    }
}
