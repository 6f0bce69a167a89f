namespace PlacementBroker.Web.Api;

public static class PlacementEndpoints
{
    /// <summary>Who reads placements: a local authority's users (their own) and providers (theirs); anyone else is 403.</summary>
    private static void PlacementReaders(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) => policy.RequireRole(
        nameof(Role.PlacingOfficer), nameof(Role.PlacementManager), nameof(Role.QaOfficer), nameof(Role.Commissioner), nameof(Role.ProviderUser));

    public static IEndpointRouteBuilder MapPlacementEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Placements").RequireAuthorization().RequireVerifiedProvider();

        api.MapPost("/offers/{id:guid}/accept", async (Guid id, AcceptRequest? request, PlacementService placements, HttpContext http) =>
            {
                if (request is null)
                {
                    return ApiResults.MissingBody();
                }
                var outcome = await placements.AcceptAsync(http.ToActor(), id, request, http.RequestAborted);
                return outcome.ToResult(r => r.PlacementId is { } placementId
                    ? Results.Created($"/api/placements/{placementId}", new { placementId, status = r.Status })
                    : Results.Accepted($"/api/approvals/{r.ApprovalId}", new { approvalId = r.ApprovalId, status = r.Status, reasons = r.Reasons }));
            })
            .RequireAuthorization(Policies.PlacingOfficer)
            .WithSummary("Accept an offer: a placement (201), a pending approval with its reasons (202), or 409 when the place or the referral is gone")
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/approvals", (string? status, PlacementService placements, HttpContext http) =>
                QueryParameters.ByStatus<ApprovalStatus>(status, async parsed => http.Paged(await placements.ApprovalsAsync(http.ToActor(), parsed, http.PageRequest(), http.RequestAborted))))
            .WithPaging()
            .RequireAuthorization(ReferralEndpoints.ReferralReaders)
            .WithSummary("The authority's approvals, pending first")
            .Produces<List<ApprovalView>>();

        api.MapPost("/approvals/{id:guid}/decision", async (Guid id, ApprovalDecisionRequest? request, PlacementService placements, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await placements.DecideAsync(http.ToActor(), id, request, http.RequestAborted))
                    .ToResult(r => Results.Ok(new { status = r.Status, placementId = r.PlacementId })))
            .RequireAuthorization(Policies.PlacementManager)
            .WithSummary("A placement manager approves or rejects, with the reason")
            .ProducesValidationProblem();

        api.MapGet("/placements", (string? status, PlacementService placements, HttpContext http) =>
                QueryParameters.ByStatus<PlacementStatus>(status, async parsed => http.Paged(await placements.ListAsync(http.ToActor(), parsed, http.PageRequest(), http.RequestAborted))))
            .WithPaging()
            .RequireAuthorization(PlacementReaders)
            .WithSummary("The authority's placements, or the provider's, newest first")
            .Produces<List<PlacementView>>();

        api.MapGet("/placements/{id:guid}", async (Guid id, PlacementService placements, HttpContext http) =>
                ApiResults.OkOrNotFound(await placements.FindAsync(http.ToActor(), id, ct: http.RequestAborted)))
            .RequireAuthorization(PlacementReaders)
            .WithSummary("One placement with the child's identity, for the placing authority and the placed provider; every read is audited")
            .Produces<PlacementView>();

        api.MapPost("/placements/{id:guid}/end", async (Guid id, EndPlacementRequest? request, PlacementService placements, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await placements.EndAsync(http.ToActor(), id, request, http.RequestAborted))
                    .ToResult(p => Results.Ok(new { id = p.Id, status = p.Status, endDate = p.EndDate, endReason = p.EndReason })))
            .RequireAuthorization(Policies.PlacingOfficer)
            .WithSummary("End a placement with its date and reason; the place returns to the vacancy or the block contract")
            .ProducesValidationProblem();

        api.MapPost("/block-contracts", async (CreateBlockContractRequest? request, BlockContractService blockContracts, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await blockContracts.CreateBlockContractAsync(http.ToActor(), request, http.RequestAborted))
                    .ToResult(b => Results.Created($"/api/block-contracts/{b.Id}", new { id = b.Id })))
            .RequireAuthorization(Policies.Commissioner)
            .WithSummary("Record a block contract: places bought from a provider in a lot at a fixed weekly price per place")
            .ProducesValidationProblem();

        api.MapGet("/block-contracts", async (BlockContractService blockContracts, HttpContext http) =>
                http.PagedList(await blockContracts.BlockContractsAsync(http.ToActor(), http.RequestAborted)))
            .WithPaging()
            .RequireAuthorization(Policies.AuthorityUser)
            .WithSummary("The authority's block contracts with occupancy, void places and their weekly cost")
            .Produces<List<BlockContractView>>();

        return app;
    }
}
