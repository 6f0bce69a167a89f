using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.DataProtection;

namespace PlacementBroker.Web.Api;

/// <summary>The audit trail for a council's data protection lead, the chain's state for platform admins, and subject access.</summary>
public static class DataProtectionEndpoints
{
    public static IEndpointRouteBuilder MapDataProtectionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Data protection");

        api.MapGet("/audit", async (string? from, string? to, string? action, string? userEmail, string? entityType, string? entityId,
                AuditQueryService audit, HttpContext http) =>
            {
                var (filter, errors) = AuditQueryService.Parse(from, to, action, userEmail, entityType, entityId);
                return filter is null ? QueryParameters.Invalid(errors)
                    : (await audit.SearchAsync(http.ToActor(), filter, http.PageRequest(), http.RequestAborted)).ToResult(page => http.Paged(page));
            })
            .WithPaging()
            .RequireAuthorization(Policies.DataProtectionLead)
            .WithSummary("The audit entries recorded against the lead's council, newest first: from, to (YYYY-MM-DD, days in England, inclusive), action, userEmail, entityType, entityId")
            .Produces<List<AuditEntryView>>()
            .ProducesValidationProblem();

        api.MapGet("/audit.csv", async (string? from, string? to, string? action, string? userEmail, string? entityType, string? entityId,
                AuditQueryService audit, HttpContext http) =>
            {
                var (filter, errors) = AuditQueryService.Parse(from, to, action, userEmail, entityType, entityId);
                return filter is null ? QueryParameters.Invalid(errors)
                    : (await audit.CsvAsync(http.ToActor(), filter, http.RequestAborted)).ToResult(csv =>
                        Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "audit-trail.csv"));
            })
            .RequireAuthorization(Policies.DataProtectionLead)
            .WithSummary($"The same filtered entries as CSV, oldest first (at most {AuditQueryService.MaxCsvRows:N0} rows)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();

        api.MapGet("/audit/chain", async (AuditChain chain, HttpContext http) =>
                await chain.LastReportAsync(http.RequestAborted) is { } report ? Results.Ok(report)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not verified yet", detail: "The audit chain has not been verified yet: the audit-chain-verify job runs hourly."))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithSummary("The last verification of the audit trail's hash chain: intact, or the id of the first entry that does not follow; platform admins only")
            .Produces<AuditChainReport>();

        api.MapGet("/subject-access", async (string? caseReference, string? referralId, SubjectAccessService service, HttpContext http) =>
            {
                var errors = new FieldErrors();
                var id = QueryParameters.Id(referralId, "referralId", errors);
                if (errors.Any)
                {
                    return QueryParameters.Invalid(errors);
                }
                return (await service.ExportAsync(http.ToActor(), caseReference, id, http.RequestAborted)).ToResult(export =>
                {
                    http.Response.Headers.ContentDisposition = $"attachment; filename=\"subject-access-{export.GeneratedAt:yyyyMMdd}.json\"";
                    return Results.Ok(export);
                });
            })
            .RequireAuthorization(Policies.SubjectAccess)
            .WithSummary("Everything held about one child of the caller's council, found by caseReference (or referralId): referrals, offers, placements, approvals, audit entries and emails. Placement managers and the data protection lead; audited")
            .Produces<SubjectAccessExport>()
            .ProducesValidationProblem();
        return app;
    }
}
