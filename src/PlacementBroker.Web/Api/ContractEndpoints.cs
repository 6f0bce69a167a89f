using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Api;

/// <summary>Contract management: KPIs, quarterly KPI returns, contract reviews and service improvement plans.</summary>
public static class ContractEndpoints
{
    public static IEndpointRouteBuilder MapContractEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Contract management").RequireAuthorization();

        api.MapPost("/dps/{dpsId:guid}/kpis", async (Guid dpsId, CreateKpiRequest? request, KpiService kpis, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await kpis.CreateAsync(http.ToActor(), dpsId, request, http.RequestAborted))
                    .ToResult(k => Results.Created($"/api/dps/{dpsId}/kpis", new { id = k.Id })))
            .RequireAuthorization(Policies.Commissioner)
            .WithSummary("Agree a KPI for the DPS's providers (lead authority's commissioners); a measure makes the platform fill the figure")
            .ProducesValidationProblem();

        api.MapPost("/dps/{dpsId:guid}/kpis/starter-set", async (Guid dpsId, KpiService kpis, HttpContext http) =>
                (await kpis.AddStarterSetAsync(http.ToActor(), dpsId, http.RequestAborted)).ToResult(added => Results.Ok(added)))
            .RequireAuthorization(Policies.Commissioner)
            .WithSummary("Add the starter set of KPIs the DPS does not have yet: every measured one, and the figures providers report")
            .Produces<List<KpiView>>();

        api.MapGet("/dps/{dpsId:guid}/kpis", async (Guid dpsId, KpiService kpis, HttpContext http) =>
                await kpis.ListAsync(http.ToActor(), dpsId, http.RequestAborted) is { } list ? http.PagedList(list) : ApiResults.NotFound("No such DPS."))
            .RequireAuthorization(Policies.KpiReaders)
            .WithPaging()
            .WithSummary("The DPS's KPIs, for its authorities and the providers on it")
            .Produces<List<KpiView>>();

        api.MapGet("/providers/{providerId:guid}/kpi-returns/{dpsId:guid}/{quarter}", async (Guid providerId, Guid dpsId, string quarter, KpiService kpis, HttpContext http) =>
                (await kpis.GetReturnAsync(http.ToActor(), providerId, dpsId, quarter, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.ContractReaders)
            .WithSummary("A provider's KPI return for a quarter (like 2026-Q3): a draft shows the measured figures pre-filled")
            .Produces<KpiReturnView>();

        api.MapPut("/providers/{providerId:guid}/kpi-returns/{dpsId:guid}/{quarter}", async (Guid providerId, Guid dpsId, string quarter, SubmitReturnRequest? request, KpiService kpis, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await kpis.SaveDraftAsync(http.ToActor(), providerId, dpsId, quarter, request, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Save the provider's figures and commentary on a draft or queried return without submitting it")
            .ProducesValidationProblem()
            .Produces<KpiReturnView>();

        api.MapPost("/providers/{providerId:guid}/kpi-returns/{dpsId:guid}/{quarter}", async (Guid providerId, Guid dpsId, string quarter, SubmitReturnRequest? request, KpiService kpis, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await kpis.SubmitAsync(http.ToActor(), providerId, dpsId, quarter, request, http.RequestAborted))
                    .ToResult(r => Results.Created($"/api/providers/{providerId}/kpi-returns/{dpsId}/{r.Quarter}", new { id = r.Id, status = r.Status })))
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Submit (or resubmit after a query) the provider's KPI return; measured figures cannot be overwritten (422)")
            .ProducesValidationProblem();

        api.MapPost("/kpi-returns/{id:guid}/review", async (Guid id, ReviewReturnRequest? request, KpiService kpis, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await kpis.ReviewAsync(http.ToActor(), id, request, http.RequestAborted))
                    .ToResult(r => Results.Ok(new { id = r.Id, status = r.Status })))
            .RequireAuthorization(Policies.Commissioner)
            .WithSummary("Accept a submitted KPI return, or query it with what needs answering")
            .ProducesValidationProblem();

        api.MapGet("/dps/{dpsId:guid}/contract-management", async (Guid dpsId, ContractOverviewService overview, HttpContext http) =>
                (await overview.OverviewAsync(http.ToActor(), dpsId, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.ContractAuthorities)
            .WithSummary("The DPS's contract-management home: returns due, overdue and queried, reviews due, open plans, providers below target")
            .Produces<ContractOverview>();

        api.MapGet("/providers/{providerId:guid}/contract-record/{dpsId:guid}", async (Guid providerId, Guid dpsId, ContractOverviewService overview, HttpContext http) =>
                (await overview.RecordAsync(http.ToActor(), providerId, dpsId, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.ContractReaders)
            .WithSummary("A provider's contract record on a DPS: KPI trends, returns, reviews, plans and, for a council, its own placements' figures")
            .Produces<ContractRecord>();

        api.MapGet("/providers/{providerId:guid}/review-pack/{dpsId:guid}", async (Guid providerId, Guid dpsId, ContractOverviewService overview, HttpContext http) =>
                (await overview.PackAsync(http.ToActor(), providerId, dpsId, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.ContractAuthorities)
            .WithSummary("The contract review pack: KPI trends, QA status, Ofsted history, spend, placements, open actions and plans, a suggested risk rating")
            .Produces<ReviewPack>();

        api.MapPost("/contract-reviews", async (CreateContractReviewRequest? request, ContractReviewService reviews, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await reviews.CreateAsync(http.ToActor(), request, http.RequestAborted))
                    .ToResult(r => Results.Created($"/api/contract-reviews/{r.Id}", new { id = r.Id, status = r.Status, nextReviewDue = r.NextReviewDue })))
            .RequireAuthorization(Policies.Commissioner)
            .WithSummary("Schedule a contract review, or record one held (with minutes and actions)")
            .ProducesValidationProblem();

        api.MapGet("/contract-reviews", async (Guid? providerId, Guid? dpsId, ContractReviewService reviews, HttpContext http) =>
                (await reviews.ListAsync(http.ToActor(), providerId, dpsId, http.RequestAborted)).ToResult(http.PagedList))
            .WithPaging()
            .RequireAuthorization(Policies.ContractReaders)
            .WithSummary("Contract reviews, newest first: an authority's for its DPSs, a provider's own")
            .Produces<List<ContractReviewView>>();

        api.MapGet("/contract-reviews/{id:guid}", async (Guid id, ContractReviewService reviews, HttpContext http) =>
                ApiResults.OkOrNotFound(await reviews.GetAsync(http.ToActor(), id, http.RequestAborted), "No such contract review."))
            .RequireAuthorization(Policies.ContractReaders)
            .WithSummary("One contract review with its agenda notes and actions")
            .Produces<ContractReviewView>();

        api.MapPost("/contract-reviews/{id:guid}/record", async (Guid id, RecordReviewRequest? request, ContractReviewService reviews, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await reviews.RecordAsync(http.ToActor(), id, request, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.Commissioner)
            .WithSummary("Record a scheduled review as held: minutes, agenda notes, actions")
            .ProducesValidationProblem();

        api.MapPost("/contract-reviews/{id:guid}/actions/{actionId:guid}/complete", async (Guid id, Guid actionId, CompleteActionRequest? request, ContractReviewService reviews, HttpContext http) =>
                (await reviews.CompleteActionAsync(http.ToActor(), id, actionId, request?.Note, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.ContractParties)
            .WithSummary("Mark a review's action done (the provider, or the lead authority's commissioners)");

        api.MapPost("/improvement-plans", async (CreateImprovementPlanRequest? request, ImprovementPlanService plans, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await plans.CreateAsync(http.ToActor(), request, http.RequestAborted))
                    .ToResult(p => Results.Created($"/api/improvement-plans/{p.Id}", new { id = p.Id, milestones = p.Milestones.Select(m => new { id = m.Id, m.Description, m.DueDate }) })))
            .RequireAuthorization(Policies.Commissioner)
            .WithSummary("Raise a service improvement plan with dated milestones")
            .ProducesValidationProblem();

        api.MapGet("/improvement-plans", async (Guid? providerId, Guid? dpsId, ImprovementPlanService plans, HttpContext http) =>
                (await plans.ListAsync(http.ToActor(), providerId, dpsId, http.RequestAborted)).ToResult(http.PagedList))
            .WithPaging()
            .RequireAuthorization(Policies.ContractReaders)
            .WithSummary("Service improvement plans, newest first: an authority's for its DPSs, a provider's own")
            .Produces<List<ImprovementPlanView>>();

        api.MapGet("/improvement-plans/{id:guid}", async (Guid id, ImprovementPlanService plans, HttpContext http) =>
                ApiResults.OkOrNotFound(await plans.GetAsync(http.ToActor(), id, http.RequestAborted), "No such improvement plan."))
            .RequireAuthorization(Policies.ContractReaders)
            .WithSummary("One service improvement plan with its milestones and progress")
            .Produces<ImprovementPlanView>();

        api.MapPost("/improvement-plans/{id:guid}/milestones/{milestoneId:guid}/progress", async (Guid id, Guid milestoneId, MilestoneProgressRequest? request, ImprovementPlanService plans, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await plans.RecordProgressAsync(http.ToActor(), id, milestoneId, request, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("The provider's progress against a milestone; completed marks it done")
            .ProducesValidationProblem();

        api.MapPost("/improvement-plans/{id:guid}/close", async (Guid id, ClosePlanRequest? request, ImprovementPlanService plans, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await plans.CloseAsync(http.ToActor(), id, request, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.Commissioner)
            .WithSummary("Close a plan as Completed, or Escalated: escalation suspends the provider's memberships of the DPS with the plan as the reason")
            .ProducesValidationProblem();

        return app;
    }
}
