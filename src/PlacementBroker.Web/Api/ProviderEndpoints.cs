namespace PlacementBroker.Web.Api;

public sealed record ProviderResponse(Guid Id, string Name, string ProviderType, string RegistrationNumber, string ContactEmail, string? Group);

public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapProviderEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/providers").WithTags("Providers").RequireAuthorization();

        // A provider's organisation profile: public to the councils and the operator; a provider sees only its own.
        api.MapGet("/{providerId:guid}", async (Guid providerId, HttpContext http, PlacementBrokerDbContext db) =>
        {
            var caller = http.ToActor();
            if (caller.Role == Role.ProviderUser && caller.ProviderId != providerId)
            {
                return ApiResults.NotFound();
            }
            var provider = await db.Providers.AsNoTracking().Where(p => p.Id == providerId)
                .Select(p => new ProviderResponse(p.Id, p.Name, p.Type.ToString(), p.RegistrationNumber, p.ContactEmail, p.Group != null ? p.Group.Name : null))
                .SingleOrDefaultAsync();
            return ApiResults.OkOrNotFound(provider);
        })
        .WithSummary("A provider organisation's profile")
        .Produces<ProviderResponse>();

        return app;
    }
}
