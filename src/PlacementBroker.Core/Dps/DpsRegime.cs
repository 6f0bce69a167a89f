namespace PlacementBroker.Core.Dps;

public enum DpsRegime
{
    /// <summary>Public Contracts Regulations 2015 reg. 34: decide within 10 working days, extendable to 15.</summary>
    Pcr2015Dps,
    /// <summary>Procurement Act 2023 dynamic market: decide within the period the commissioner sets.</summary>
    ProcurementAct2023DynamicMarket,
}
