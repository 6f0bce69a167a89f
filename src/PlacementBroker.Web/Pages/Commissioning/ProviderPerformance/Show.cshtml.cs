using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Web.Pages.Commissioning.ProviderPerformance;

/// <summary>One provider's scorecard; a provider that is not on the commissioner's DPSs is not found.</summary>
public class ShowModel(ProviderPerformanceService performance) : CommissioningPageModel
{
    public Core.Sufficiency.ProviderPerformance? Scorecard { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid providerId)
    {
        var outcome = await performance.ScorecardsAsync(Actor, providerId, Aborted);
        if (!outcome.Succeeded)
        {
            return Refused(outcome) ?? NotFound();
        }
        Scorecard = outcome.Value!.Single();
        return Page();
    }
}
