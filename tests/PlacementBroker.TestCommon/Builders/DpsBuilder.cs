using PlacementBroker.Core;
using PlacementBroker.Core.Dps;

namespace PlacementBroker.TestCommon;

/// <summary>
/// A DPS with one lot of two questions (<see cref="TestData.CreateDpsAsync"/>): by default open, under PCR 2015, residential
/// care, led by a new commissioner's authority.
/// </summary>
public sealed class DpsBuilder(TestData data)
{
    private TestUser? _commissioner;
    private DpsRegime _regime = DpsRegime.Pcr2015Dps;
    private PlacementType _lotType = PlacementType.ResidentialCare;
    private bool _draft;
    private List<Guid>? _participants;
    private int? _decisionPeriodDays;

    public DpsBuilder LedBy(TestUser commissioner) { _commissioner = commissioner; return this; }
    public DpsBuilder Under(DpsRegime regime) { _regime = regime; return this; }
    public DpsBuilder WithLotFor(PlacementType type) { _lotType = type; return this; }
    public DpsBuilder Draft() { _draft = true; return this; }
    public DpsBuilder WithParticipants(params Guid[] authorities) { _participants = [.. authorities]; return this; }
    public DpsBuilder DecidingWithin(int days) { _decisionPeriodDays = days; return this; }

    public Task<TestDps> CreateAsync() => data.CreateDpsAsync(_commissioner, _regime, _lotType, _draft, _participants, _decisionPeriodDays);
}
