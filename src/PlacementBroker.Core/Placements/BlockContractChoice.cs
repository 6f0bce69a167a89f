namespace PlacementBroker.Core.Placements;

public sealed record BlockContractSlot(Guid Id, Guid ProviderId, Guid LotId, Guid? SettingId, int Places, int PlacesTaken, DateOnly StartDate, DateOnly EndDate, decimal WeeklyPricePerPlace)
{
    public static BlockContractSlot Of(BlockContract b) =>
        new(b.Id, b.ProviderId, b.LotId, b.SettingId, b.Places, b.PlacesTaken, b.StartDate, b.EndDate, b.WeeklyPricePerPlace);
}

/// <summary>
/// Block places are suggested first: money already spent on a block is wasted while its places stand empty.
/// Among the contracts that fit, the one for the offered setting first, then the one ending soonest, then by id.
/// </summary>
public static class BlockContractChoice
{
    public static BlockContractSlot? Suggest(IEnumerable<BlockContractSlot> contracts, Guid providerId, Guid lotId, Guid settingId, int places, DateOnly startDate) =>
        contracts
            .Where(c => Fits(c, providerId, lotId, settingId, places, startDate))
            .OrderByDescending(c => c.SettingId == settingId)
            .ThenBy(c => c.EndDate)
            .ThenBy(c => c.Id)
            .FirstOrDefault();

    public static bool Fits(BlockContractSlot c, Guid providerId, Guid lotId, Guid settingId, int places, DateOnly startDate) =>
        c.ProviderId == providerId
        && c.LotId == lotId
        && (c.SettingId is null || c.SettingId == settingId)
        && c.StartDate <= startDate && startDate <= c.EndDate
        && c.Places - c.PlacesTaken >= places;
}
