using PlacementBroker.Core.Placements;

namespace PlacementBroker.Core.Tests.Matching;

public class BlockContractChoiceTests
{
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly Guid Lot = Guid.NewGuid();
    private static readonly Guid Setting = Guid.NewGuid();
    private static readonly DateOnly Start = new(2026, 12, 1);

    private static BlockContractSlot Contract(int id, Guid? provider = null, Guid? lot = null, Guid? setting = null, int places = 2, int taken = 0,
        DateOnly? from = null, DateOnly? to = null) =>
        new(Guid.Parse($"00000000-0000-0000-0000-{id:D12}"), provider ?? Provider, lot ?? Lot, setting, places, taken, from ?? new DateOnly(2026, 4, 1),
            to ?? new DateOnly(2027, 3, 31), 4800m);

    [Fact]
    public void Suggest_FreePlaceOfTheProviderAndLot_IsSuggested() =>
        Assert.NotNull(BlockContractChoice.Suggest([Contract(1)], Provider, Lot, Setting, 1, Start));

    [Theory]
    [InlineData("provider")]
    [InlineData("lot")]
    [InlineData("setting")]
    [InlineData("full")]
    [InlineData("not started")]
    [InlineData("ended")]
    [InlineData("siblings")]
    public void Suggest_ContractThatDoesNotFit_IsNotSuggested(string why)
    {
        var contract = why switch
        {
            "provider" => Contract(1, provider: Guid.NewGuid()),
            "lot" => Contract(1, lot: Guid.NewGuid()),
            "setting" => Contract(1, setting: Guid.NewGuid()),
            "full" => Contract(1, places: 2, taken: 2),
            "not started" => Contract(1, from: new DateOnly(2027, 1, 1)),
            "ended" => Contract(1, to: new DateOnly(2026, 11, 30)),
            _ => Contract(1, places: 2, taken: 1),
        };

        Assert.Null(BlockContractChoice.Suggest([contract], Provider, Lot, Setting, why == "siblings" ? 2 : 1, Start));
    }

    [Fact]
    public void Suggest_ContractForTheOfferedSetting_BeatsAGeneralOne() =>
        Assert.Equal(2, BlockContractChoice.Suggest([Contract(1), Contract(2, setting: Setting)], Provider, Lot, Setting, 1, Start)!.Id.ToByteArray()[15]);

    [Fact]
    public void Suggest_AmongEquals_TheOneEndingSoonestThenTheLowestId() =>
        Assert.Equal(3, BlockContractChoice.Suggest(
            [Contract(1, to: new DateOnly(2027, 6, 30)), Contract(4, to: new DateOnly(2027, 1, 31)), Contract(3, to: new DateOnly(2027, 1, 31))],
            Provider, Lot, Setting, 1, Start)!.Id.ToByteArray()[15]);
}
