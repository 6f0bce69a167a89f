using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Provider.Contracts;

/// <summary>A page of the provider's KPI return for one DPS and quarter.</summary>
public abstract class ReturnPageModel(KpiService kpis) : ProviderPageModel
{
    protected KpiService Kpis { get; } = kpis;

    public KpiReturnView Return { get; private set; } = null!;

    /// <summary>Every reported figure has a value or a commentary: the return can be checked and submitted.</summary>
    public bool Complete => Return.Values.All(v => v.Measured || v.Value is not null || v.Commentary is not null);

    /// <summary>Loads the return; the not-found page, or a 422's message as an error, when it cannot be read.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid dpsId, string quarter)
    {
        var found = await Kpis.GetReturnAsync(Actor, ProviderId, dpsId, quarter, Aborted);
        if (!found.Succeeded)
        {
            return found.Kind is OutcomeKind.Invalid or OutcomeKind.BusinessRule ? NotFound() : Refused(found) ?? NotFound();
        }
        Return = found.Value!;
        return null;
    }
}
