namespace PlacementBroker.Web.Api;

public static class QualityEndpoints
{
    public static IEndpointRouteBuilder MapQualityEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Quality assurance and Ofsted").RequireAuthorization();
        var qa = api.MapGroup("").RequireAuthorization(Policies.QaOfficer);

        qa.MapPost("/qa/flags", async (RaiseFlagRequest? request, QualityService quality, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await quality.RaiseFlagAsync(http.ToActor(), request, http.RequestAborted))
                    .ToResult(f => Results.Created($"/api/providers/{f.ProviderId}/qa-status", new { id = f.Id })))
            .WithSummary("Raise a flag on a provider or one of its settings; an open critical flag makes the provider red")
            .ProducesValidationProblem();

        qa.MapPut("/qa/flags/{id:guid}", async (Guid id, UpdateFlagRequest? request, QualityService quality, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await quality.UpdateFlagAsync(http.ToActor(), id, request, http.RequestAborted))
                    .ToResult(f => Results.Ok(new { id = f.Id, status = f.Status, severity = f.Severity })))
            .WithSummary("Change an open flag's category, severity, description or evidence");

        qa.MapPost("/qa/flags/{id:guid}/resolve", async (Guid id, ResolveFlagRequest? request, QualityService quality, HttpContext http) =>
                (await quality.ResolveFlagAsync(http.ToActor(), id, request?.Resolution, http.RequestAborted))
                    .ToResult(f => Results.Ok(new { id = f.Id, status = f.Status })))
            .WithSummary("Resolve a flag with the resolution; resolving the last critical flag reinstates the memberships QA suspended")
            .ProducesValidationProblem();

        qa.MapPost("/qa/visits", async (RecordVisitRequest? request, QualityService quality, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await quality.RecordVisitAsync(http.ToActor(), request, http.RequestAborted))
                    .ToResult(v => Results.Created($"/api/providers/{v.ProviderId}/qa-status", new { id = v.Id })))
            .WithSummary("Record a QA visit on the standard form")
            .ProducesValidationProblem();

        qa.MapPost("/qa/visits/{id:guid}/report", async (Guid id, VisitReport? request, QualityService quality, HttpContext http) =>
                (await quality.RecordReportAsync(http.ToActor(), id, request?.ReportCompletedOn, request?.ReportReviewedOn, http.RequestAborted))
                    .ToResult(v => Results.Ok(new { id = v.Id, v.ReportCompletedOn, v.ReportReviewedOn })))
            .WithSummary("Record when a visit's report was completed and reviewed");

        qa.MapGet("/qa/work-queue", async (QualityService quality, HttpContext http) =>
                http.PagedList(await quality.WorkQueueAsync(http.ToActor(), http.RequestAborted)))
            .WithPaging()
            .WithSummary("Every visit and report due (within four weeks) or overdue for the providers the authority works with, soonest first")
            .Produces<List<WorkQueueItem>>();

        api.MapGet("/providers/{id:guid}/qa-status", async (Guid id, QualityService quality, HttpContext http) =>
                ApiResults.OkOrNotFound(await quality.StatusAsync(id, http.RequestAborted)))
            .RequireAuthorization(Policies.AuthorityUser)
            .WithSummary("A provider's derived QA status (Green, Amber, Red) with its reasons")
            .Produces<QaStatusView>();

        api.MapGet("/providers/{id:guid}/qa-profile", async (Guid id, QualityService quality, HttpContext http) =>
                ApiResults.OkOrNotFound(await quality.ProfileAsync(id, http.RequestAborted)))
            .RequireAuthorization(Policies.AuthorityUser)
            .WithSummary("A provider's QA profile: status and reasons, flags, visits, settings with their Ofsted history, what is due");

        api.MapPost("/ofsted/import", async (HttpContext http, OfstedImportService import) =>
            {
                var actor = http.ToActor();
                var type = http.Request.ContentType ?? "";
                if (!type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
                {
                    return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the file as text/csv",
                        detail: "POST Ofsted's provider list with Content-Type: text/csv.");
                }
                return (await import.ImportAsync(actor, http.Request.Body, $"API upload by {actor.Email}", ct: http.RequestAborted)).ToResult(Results.Ok);
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithSummary("Import Ofsted's children's social care provider list (text/csv): grades, inspection dates, closed registrations; platform admins only")
            .Accepts<string>("text/csv")
            .Produces<OfstedImportResult>();

        return app;
    }
}

public sealed record VisitReport(DateOnly? ReportCompletedOn, DateOnly? ReportReviewedOn);
