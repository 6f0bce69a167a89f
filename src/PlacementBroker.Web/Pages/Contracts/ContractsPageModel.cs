namespace PlacementBroker.Web.Pages.Contracts;

/// <summary>A contract-management page of a council: its commissioners and QA officers read; only the lead authority's commissioners change.</summary>
public abstract class ContractsPageModel : PlacementBrokerPageModel
{
    public bool IsCommissioner => Actor.Role == Role.Commissioner;
}
