namespace PlacementBroker.Web.Api;

public static class DpsEndpoints
{
    public static IEndpointRouteBuilder MapDpsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("DPS, lots, admission").RequireAuthorization().RequireVerifiedProvider();
        var commissioner = api.MapGroup("").RequireAuthorization(Policies.Commissioner);
        var provider = api.MapGroup("").RequireAuthorization(Policies.ProviderUser).RequireVerifiedProvider();

        api.MapGet("/dps", async (DpsService dps, HttpContext http) => http.PagedList(await dps.ListAsync(http.ToActor(), ct: http.RequestAborted)))
            .WithPaging()
            .WithSummary("Open DPSs with their lots (and, for the lead authority, its drafts)")
            .Produces<List<DpsView>>();

        api.MapGet("/dps/{dpsId:guid}", async (Guid dpsId, DpsService dps, HttpContext http) =>
                ApiResults.OkOrNotFound(await dps.FindAsync(http.ToActor(), dpsId, http.RequestAborted)))
            .WithSummary("One DPS with its lots")
            .Produces<DpsView>();

        commissioner.MapPost("/dps", async (CreateDpsRequest? request, DpsService dps, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await dps.CreateAsync(http.ToActor(), request, http.RequestAborted))
                    .ToResult(d => Results.Created($"/api/dps/{d.Id}", new { id = d.Id, status = d.Status })))
            .WithSummary("Create a DPS led by the caller's authority; open at once unless draft is true")
            .ProducesValidationProblem();

        commissioner.MapPost("/dps/{dpsId:guid}/publish", async (Guid dpsId, DpsService dps, HttpContext http) =>
                (await dps.PublishAsync(http.ToActor(), dpsId, http.RequestAborted)).ToResult(d => Results.Ok(new { id = d.Id, status = d.Status, publishedAt = d.PublishedAt })))
            .WithSummary("Open a draft DPS for applications");

        commissioner.MapPost("/dps/{dpsId:guid}/close", async (Guid dpsId, ReasonRequest? request, DpsService dps, HttpContext http) =>
                (await dps.CloseAsync(http.ToActor(), dpsId, request?.Reason, http.RequestAborted)).ToResult(d => Results.Ok(new { id = d.Id, status = d.Status })))
            .WithSummary("Close a DPS to new applications; memberships stay");

        commissioner.MapPost("/dps/{dpsId:guid}/lots", async (Guid dpsId, AddLotRequest? request, DpsService dps, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await dps.AddLotAsync(http.ToActor(), dpsId, request, http.RequestAborted))
                    .ToResult(l => Results.Created($"/api/dps/{dpsId}", new { id = l.Id })))
            .WithSummary("Add a lot with its selection questions and price benchmark")
            .ProducesValidationProblem();

        commissioner.MapPut("/dps/{dpsId:guid}/weights", async (Guid dpsId, RankingWeightSettings? weights, DpsService dps, HttpContext http) =>
                weights is null ? ApiResults.MissingBody() : (await dps.SetWeightsAsync(http.ToActor(), dpsId, weights, http.RequestAborted)).ToResult(Results.Ok))
            .WithSummary("Set how much each ranking criterion counts on this DPS (0 to 3 each; 1 by default)")
            .ProducesValidationProblem();

        commissioner.MapGet("/dps/{dpsId:guid}/weights", async (Guid dpsId, DpsService dps, HttpContext http) =>
                ApiResults.OkOrNotFound(await dps.WeightsAsync(http.ToActor(), dpsId, http.RequestAborted)))
            .WithSummary("The DPS's ranking weights");

        commissioner.MapPost("/lots/{lotId:guid}/prices", async (Guid lotId, LotPrices? request, DpsService dps, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await dps.SetPricesAsync(http.ToActor(), lotId, request.BenchmarkWeeklyPrice, request.PriceBandLower, request.PriceBandUpper, http.RequestAborted))
                    .ToResult(l => Results.Ok(new { id = l.Id, l.BenchmarkWeeklyPrice, l.PriceBandLower, l.PriceBandUpper })))
            .WithSummary("Change a lot's benchmark weekly price and price band");

        commissioner.MapGet("/dps/{dpsId:guid}/memberships", async (Guid dpsId, MembershipService memberships, HttpContext http) =>
                await memberships.ForDpsAsync(http.ToActor(), dpsId, http.RequestAborted) is { } list ? http.PagedList(list) : ApiResults.NotFound())
            .WithPaging()
            .WithSummary("The providers on a DPS's lots, with each membership's history")
            .Produces<List<MembershipView>>();

        provider.MapPost("/lots/{lotId:guid}/applications", async (Guid lotId, ApplyRequest? request, AdmissionService admissions, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await admissions.ApplyAsync(http.ToActor(), lotId, request, http.RequestAborted))
                    .ToResult(a => Results.Created($"/api/applications/{a.Id}", a)))
            .WithSummary("Apply to a lot with answers to its questions; draft: true saves without submitting")
            .Produces<ApplicationCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        provider.MapPost("/applications/{id:guid}/submit", async (Guid id, AdmissionService admissions, HttpContext http) =>
                (await admissions.SubmitAsync(http.ToActor(), id, http.RequestAborted)).ToResult(Results.Ok))
            .WithSummary("Submit a saved draft application");

        commissioner.MapGet("/applications", (string? status, AdmissionService admissions, HttpContext http) =>
                QueryParameters.ByStatus<ApplicationStatus>(status, async parsed => http.PagedList(await admissions.QueueAsync(http.ToActor(), parsed, http.RequestAborted))))
            .WithPaging()
            .WithSummary("The lead authority's applications, most urgent first, with due dates and whether overdue")
            .Produces<List<ApplicationQueueItem>>();

        api.MapGet("/applications/{id:guid}", async (Guid id, AdmissionService admissions, HttpContext http) =>
                ApiResults.OkOrNotFound(await admissions.FindAsync(http.ToActor(), id, http.RequestAborted)))
            .RequireAuthorization(policy => policy.RequireRole(nameof(Role.Commissioner), nameof(Role.ProviderUser)))
            .WithSummary("One application with its answers, for its provider or the lead authority's commissioners")
            .Produces<ApplicationView>();

        commissioner.MapPost("/applications/{id:guid}/decision", async (Guid id, DecisionRequest? request, AdmissionService admissions, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await admissions.DecideAsync(http.ToActor(), id, request, http.RequestAborted)).ToResult(Results.Ok))
            .WithSummary("Admit or reject, with reasons the provider sees")
            .Produces<DecisionResult>()
            .ProducesValidationProblem();

        commissioner.MapPost("/applications/{id:guid}/extend", async (Guid id, ReasonRequest? request, AdmissionService admissions, HttpContext http) =>
                (await admissions.ExtendAsync(http.ToActor(), id, request?.Reason, http.RequestAborted)).ToResult(Results.Ok))
            .WithSummary("PCR 2015: extend the decision period once, to 15 working days, with the justification");

        foreach (var (route, action, group) in new[]
        {
            ("suspend", MembershipAction.Suspend, commissioner),
            ("reinstate", MembershipAction.Reinstate, commissioner),
            ("remove", MembershipAction.RemoveExcludedSupplier, commissioner),
            ("withdraw", MembershipAction.Withdraw, provider),
        })
        {
            group.MapPost($"/memberships/{{id:guid}}/{route}", async (Guid id, ReasonRequest? request, MembershipService memberships, HttpContext http) =>
                    (await memberships.ChangeAsync(http.ToActor(), id, action, request?.Reason, http.RequestAborted)).ToResult(Results.Ok))
                .WithSummary(action switch
                {
                    MembershipAction.Suspend => "Suspend a membership, with the reason",
                    MembershipAction.Reinstate => "Reinstate a suspended membership, with the reason",
                    MembershipAction.RemoveExcludedSupplier => "Procurement Act 2023: remove an excluded supplier",
                    _ => "The provider withdraws from the lot",
                })
                .Produces<MembershipView>();
        }

        provider.MapGet("/provider/applications", async (AdmissionService admissions, HttpContext http) =>
                http.PagedList(await admissions.ForProviderAsync(http.ToActor(), http.RequestAborted)))
            .WithPaging()
            .WithSummary("The caller's provider's applications, with status, due date and decision reasons")
            .Produces<List<ApplicationQueueItem>>();

        provider.MapGet("/provider/memberships", async (MembershipService memberships, HttpContext http) =>
                http.PagedList(await memberships.ForProviderAsync(http.ToActor().ProviderId!.Value, http.RequestAborted)))
            .WithPaging()
            .WithSummary("The caller's provider's lot memberships, with their history")
            .Produces<List<MembershipView>>();

        return app;
    }
}

public sealed record LotPrices(decimal? BenchmarkWeeklyPrice, decimal? PriceBandLower, decimal? PriceBandUpper);
