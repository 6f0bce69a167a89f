namespace PlacementBroker.Core;

/// <summary>
/// Where a setting is, as a region of England. Ofsted's register says it for each URN and is the authority; until a
/// register import has run, the setting's postcode area gives the region most of that area lies in. Postcode areas in
/// Wales, Scotland and Northern Ireland have no English region.
/// </summary>
public static class Regions
{
    private static readonly Dictionary<string, EnglishRegion> ByPostcodeArea = Build(
        (EnglishRegion.NorthEast, "NE SR DH DL TS"),
        (EnglishRegion.NorthWest, "CA LA PR FY BB BL OL M SK WA WN L CH CW"),
        (EnglishRegion.YorkshireAndTheHumber, "YO HU DN LS BD HG HX HD WF S"),
        (EnglishRegion.EastMidlands, "DE NG LE LN NN"),
        (EnglishRegion.WestMidlands, "B CV DY WV WS ST TF WR HR SY"),
        (EnglishRegion.EastOfEngland, "CB CM CO IP NR SS SG AL LU PE EN WD"),
        (EnglishRegion.London, "E EC N NW SE SW W WC BR CR HA IG KT RM SM TW UB"),
        (EnglishRegion.SouthEast, "BN CT GU ME MK OX PO RG RH SL SO TN HP DA"),
        (EnglishRegion.SouthWest, "BA BH BS DT EX GL PL SN SP TA TQ TR"));

    /// <summary>A region from its name as Ofsted writes it ("Yorkshire and The Humber"), ignoring case and spacing; null when not one.</summary>
    public static EnglishRegion? Parse(string? name)
    {
        var key = Squash(name);
        if (key.Length == 0)
        {
            return null;
        }
        foreach (var region in Enum.GetValues<EnglishRegion>())
        {
            if (Squash(Words.Name(region)) == key || Squash(region.ToString()) == key)
            {
                return region;
            }
        }
        // Older registers say "Yorkshire and Humber" and "East".
        return key switch
        {
            "yorkshireandhumber" => EnglishRegion.YorkshireAndTheHumber,
            "east" or "eastofengland" => EnglishRegion.EastOfEngland,
            _ => null,
        };
    }

    /// <summary>The region most of the postcode's area (its leading letters) lies in; null outside England or when not a postcode.</summary>
    public static EnglishRegion? FromPostcode(string? postcode)
    {
        var area = new string((postcode ?? "").Trim().ToUpperInvariant().TakeWhile(char.IsAsciiLetter).ToArray());
        return area.Length is 1 or 2 && ByPostcodeArea.TryGetValue(area, out var region) ? region : null;
    }

    private static string Squash(string? text) =>
        new string((text ?? "").Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());

    private static Dictionary<string, EnglishRegion> Build(params (EnglishRegion Region, string Areas)[] regions) =>
        regions.SelectMany(r => r.Areas.Split(' ').Select(a => (Area: a, r.Region))).ToDictionary(x => x.Area, x => x.Region);
}

/// <summary>
/// A child's needs band, from the needs on the referral. Some needs bring extra staffing or specialist input almost
/// whatever else is true (exploitation risk, self-harm, mental health, complex health, offending): one of them makes
/// the care complex, two make it specialist. Otherwise the count decides: two or three needs are complex, four or more
/// specialist.
/// </summary>
public static class NeedsBands
{
    public static readonly IReadOnlySet<Need> HighIntensity = new HashSet<Need>
    {
        Need.ChildSexualExploitation, Need.ChildCriminalExploitation, Need.SelfHarm, Need.MentalHealth, Need.ComplexHealth, Need.Offending,
    };

    public static NeedsBand For(IEnumerable<Need> needs)
    {
        var distinct = needs.Distinct().ToList();
        var intensive = distinct.Count(HighIntensity.Contains);
        if (intensive >= 2 || distinct.Count >= 4)
        {
            return NeedsBand.Specialist;
        }
        return intensive == 1 || distinct.Count >= 2 ? NeedsBand.Complex : NeedsBand.Standard;
    }
}
