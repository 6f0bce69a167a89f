using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Api;

/// <summary>Fee-uplift rounds, requests and decisions; variations of placement agreements and block contracts.</summary>
public static class UpliftEndpoints
{
    /// <summary>Who reads a placement's variations: as for the placement itself.</summary>
    private static void PlacementReaders(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) => policy.RequireRole(
        nameof(Role.PlacingOfficer), nameof(Role.PlacementManager), nameof(Role.QaOfficer), nameof(Role.Commissioner), nameof(Role.ProviderUser));

    /// <summary>Who reads a block contract's terms: its authority's users, and its provider.</summary>
    private static void BlockReaders(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) => policy.RequireRole(
        nameof(Role.PlacingOfficer), nameof(Role.PlacementManager), nameof(Role.QaOfficer), nameof(Role.Commissioner), nameof(Role.ProviderUser));

    public static IEndpointRouteBuilder MapUpliftEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Fee uplifts and variations").RequireAuthorization().RequireVerifiedProvider();

        api.MapPost("/dps/{dpsId:guid}/uplift-rounds", async (Guid dpsId, CreateUpliftRoundRequest? request, UpliftService uplifts, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await uplifts.CreateRoundAsync(http.ToActor(), dpsId, request, http.RequestAborted))
                    .ToResult(r => Results.Created($"/api/uplift-rounds/{r.Id}", new { id = r.Id, status = r.Status, providersInScope = r.ProvidersInScope })))
            .RequireAuthorization(Policies.Commissioner)
            .WithSummary("Open a fee-uplift round for the DPS (lead authority's commissioners); the providers with placements or block contracts in scope are told")
            .ProducesValidationProblem();

        api.MapGet("/dps/{dpsId:guid}/uplift-rounds", async (Guid dpsId, UpliftService uplifts, HttpContext http) =>
                await uplifts.RoundsForDpsAsync(http.ToActor(), dpsId, http.RequestAborted) is { } list ? http.PagedList(list) : ApiResults.NotFound("No such DPS."))
            .RequireAuthorization(Policies.Commissioner)
            .WithPaging()
            .WithSummary("The DPS's uplift rounds, newest first")
            .Produces<List<UpliftRoundSummary>>();

        api.MapGet("/uplift-rounds", async (UpliftService uplifts, HttpContext http) =>
                http.PagedList(await uplifts.RoundsForAuthorityAsync(http.ToActor(), http.RequestAborted)))
            .RequireAuthorization(Policies.Commissioner)
            .WithPaging()
            .WithSummary("The uplift rounds of every DPS the caller's authority uses, newest first")
            .Produces<List<UpliftRoundSummary>>();

        api.MapGet("/uplift-rounds/{id:guid}", async (Guid id, UpliftService uplifts, HttpContext http) =>
                (await uplifts.RoundAsync(http.ToActor(), id, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.Commissioner)
            .WithSummary("The round: its requests, and the year's spend before and after, per lot and overall")
            .Produces<UpliftRoundView>();

        api.MapPost("/uplift-rounds/{id:guid}/requests", async (Guid id, UpliftRequestInput? request, UpliftService uplifts, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await uplifts.SubmitAsync(http.ToActor(), id, request, http.RequestAborted))
                    .ToResult(r => Results.Created($"/api/uplift-requests/{r.Id}", new { id = r.Id, status = r.Status })))
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Submit the provider's request, with its cost breakdown and justification; outside the window 422")
            .ProducesValidationProblem();

        api.MapPut("/uplift-rounds/{id:guid}/requests", async (Guid id, UpliftRequestInput? request, UpliftService uplifts, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await uplifts.SaveDraftAsync(http.ToActor(), id, request, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Save the provider's request as written so far, without submitting it")
            .ProducesValidationProblem()
            .Produces<UpliftRequestView>();

        api.MapGet("/uplift-rounds/{id:guid}/my-request", async (Guid id, UpliftService uplifts, HttpContext http) =>
                await uplifts.MyRequestAsync(http.ToActor(), id, http.RequestAborted) is { } mine ? Results.Ok(mine) : ApiResults.NotFound("No such uplift round."))
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("The provider's request in the round (a draft, or empty before it starts), with the round's guidance and what it re-prices")
            .Produces<UpliftRequestView>();

        api.MapGet("/provider/uplift-rounds", async (UpliftService uplifts, HttpContext http) =>
                http.PagedList(await uplifts.RoundsForProviderAsync(http.ToActor(), http.RequestAborted)))
            .RequireAuthorization(Policies.ProviderUser)
            .WithPaging()
            .WithSummary("The uplift rounds of the DPSs the provider is on, with its own request's state")
            .Produces<List<UpliftRoundSummary>>();

        api.MapGet("/uplift-requests/{id:guid}", async (Guid id, UpliftService uplifts, HttpContext http) =>
                (await uplifts.RequestAsync(http.ToActor(), id, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.ContractParties)
            .WithSummary("A request: the provider's own; for the DPS's commissioners, with its benchmark context")
            .Produces<UpliftRequestView>();

        api.MapPost("/uplift-requests/{id:guid}/decision", async (Guid id, UpliftDecisionRequest? request, UpliftService uplifts, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await uplifts.DecideAsync(http.ToActor(), id, request, http.RequestAborted))
                    .ToResult(d => Results.Ok(new { id = d.Id, status = d.Status, agreedPercent = d.AgreedPercent, priceChanges = d.PriceChanges })))
            .RequireAuthorization(Policies.Commissioner)
            .WithSummary("Accept, part-accept or refuse a request with a reason; re-prices the provider's placements and block contracts in scope from the effective date")
            .ProducesValidationProblem();

        api.MapGet("/placements/{id:guid}/variations", async (Guid id, VariationService variations, HttpContext http) =>
                await variations.PlacementVariationsAsync(http.ToActor(), id, http.RequestAborted) is { } list ? http.PagedList(list) : ApiResults.NotFound("No such placement."))
            .RequireAuthorization(PlacementReaders)
            .WithPaging()
            .WithSummary("The variations of the placement's agreement, oldest first")
            .Produces<List<VariationView>>();

        api.MapPost("/placements/{id:guid}/variations", async (Guid id, RecordVariationRequest? request, VariationService variations, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await variations.RecordAsync(http.ToActor(), id, request, http.RequestAborted))
                    .ToResult(v => Results.Created($"/api/placements/{id}/variations", new { id = v.Id })))
            .RequireAuthorization(Policies.PlacementManager)
            .WithSummary("Record a variation the placement manager agreed: a price change (from a day not yet billed), additional support, a change of setting, or another")
            .ProducesValidationProblem();

        api.MapGet("/block-contracts/{id:guid}", async (Guid id, VariationService variations, HttpContext http) =>
                await variations.BlockContractAsync(http.ToActor(), id, http.RequestAborted) is { } block ? Results.Ok(block) : ApiResults.NotFound("No such block contract."))
            .RequireAuthorization(BlockReaders)
            .WithSummary("A block contract: its terms over time, occupancy, voids and variations")
            .Produces<BlockContractTermsView>();

        api.MapPost("/block-contracts/{id:guid}/variations", async (Guid id, VaryBlockContractRequest? request, VariationService variations, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await variations.VaryBlockAsync(http.ToActor(), id, request, http.RequestAborted))
                    .ToResult(b => Results.Created($"/api/block-contracts/{id}", b)))
            .RequireAuthorization(Policies.Commissioner)
            .WithSummary("Vary a block contract from a date: its price per place, its places, or both")
            .ProducesValidationProblem();

        return app;
    }
}
