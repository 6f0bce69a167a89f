using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Core.Billing;

/// <summary>A block contract's places and weekly price per place from a date until its next variation.</summary>
public readonly record struct BlockTerms(DateOnly From, int Places, decimal WeeklyPricePerPlace)
{
    /// <summary>
    /// The contract's terms over its life: its first terms from its start, then each variation applied in date order (in
    /// the order recorded, for two on one day), changing only what it names.
    /// </summary>
    public static List<BlockTerms> Fold(BlockContract contract, IEnumerable<BlockContractVariation> variations)
    {
        var current = new BlockTerms(contract.StartDate, contract.FirstPlaces ?? contract.Places, contract.FirstWeeklyPricePerPlace ?? contract.WeeklyPricePerPlace);
        var terms = new List<BlockTerms> { current };
        foreach (var v in variations.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.RecordedAt).ThenBy(v => v.Id))
        {
            var from = v.EffectiveFrom < contract.StartDate ? contract.StartDate : v.EffectiveFrom;
            current = new BlockTerms(from, v.Places ?? current.Places, v.WeeklyPricePerPlace ?? current.WeeklyPricePerPlace);
            if (terms[^1].From == from)
            {
                terms[^1] = current;
            }
            else
            {
                terms.Add(current);
            }
        }
        return terms;
    }

    /// <summary>The terms in force on <paramref name="day"/> (the first terms before the start).</summary>
    public static BlockTerms On(IReadOnlyList<BlockTerms> terms, DateOnly day)
    {
        var on = terms[0];
        foreach (var t in terms.Where(t => t.From <= day))
        {
            on = t;
        }
        return on;
    }

    /// <summary>
    /// The places that can be filled from <paramref name="today"/>: today's, or fewer when a reduction is coming, so a
    /// child is never placed in a place that is going away.
    /// </summary>
    public static int FillablePlaces(IReadOnlyList<BlockTerms> terms, DateOnly today) =>
        terms.Where(t => t.From > today).Select(t => t.Places).Append(On(terms, today).Places).Min();
}
