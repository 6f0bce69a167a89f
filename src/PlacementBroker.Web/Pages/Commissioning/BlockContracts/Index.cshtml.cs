namespace PlacementBroker.Web.Pages.Commissioning.BlockContracts;

public class IndexModel(BlockContractService blockContracts) : PlacementBrokerPageModel
{
    public List<BlockContractView> Contracts { get; private set; } = [];

    public async Task OnGetAsync() => Contracts = await blockContracts.BlockContractsAsync(Actor, Aborted);

    /// <summary>The nearest of the fixed width classes (0, 5, …, 100) for a bar.</summary>
    public static string Width(decimal percent) => $"app-width-{(int)(Math.Round(Math.Clamp(percent, 0, 100) / 5) * 5)}";
}
