using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Referrals;

namespace PlacementBroker.TestCommon;

/// <summary>A provider's offer on a referral from one of its vacancies, made through <see cref="OfferService"/>.</summary>
public sealed class OfferBuilder(PlacementBrokerApp app, TestProvider provider, Guid referralId, Guid vacancyId)
{
    private decimal _weeklyPrice = 5400m;
    private DateOnly? _start;
    private string? _notes = "We can start on the day";

    public OfferBuilder At(decimal weeklyPrice) { _weeklyPrice = weeklyPrice; return this; }
    public OfferBuilder StartingOn(DateOnly date) { _start = date; return this; }
    public OfferBuilder Saying(string? notes) { _notes = notes; return this; }

    public async Task<Guid> SubmitAsync()
    {
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<OfferService>()
            .SubmitAsync(TestData.ActorFor(provider.User), referralId, new SubmitOfferRequest(vacancyId, _weeklyPrice, _start, _notes), null);
        return outcome.Value?.Id ?? throw new InvalidOperationException(outcome.Message);
    }
}
