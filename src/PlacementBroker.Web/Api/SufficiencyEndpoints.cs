using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Web.Api;

public static class SufficiencyEndpoints
{
    public static IEndpointRouteBuilder MapSufficiencyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sufficiency", async (string? from, string? to, string? lotId, string? scope, SufficiencyService sufficiency, TimeProvider clock, HttpContext http) =>
            {
                var (query, errors) = Parse(from, to, lotId, scope, clock);
                if (errors.Any)
                {
                    return QueryParameters.Invalid(errors);
                }
                var outcome = await sufficiency.ReportAsync(http.ToActor(), query!, http.RequestAborted);
                return outcome.ToResult(report => http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase)
                    ? Results.Text(SufficiencyService.ToCsv(report), "text/csv", System.Text.Encoding.UTF8)
                    : Results.Ok(report));
            })
            .RequireAuthorization(Policies.Commissioner)
            .WithTags("Sufficiency")
            .WithSummary("Market sufficiency for a period (from, to as YYYY-MM-DD; the last 12 months by default), a lot, and scope=authority or scope=dps; Accept: text/csv for CSV")
            .Produces<SufficiencyReport>();

        app.MapGet("/api/provider-performance", async (string? providerId, ProviderPerformanceService performance, HttpContext http) =>
            {
                var errors = new FieldErrors();
                var id = QueryParameters.Id(providerId, "providerId", errors);
                return errors.Any ? QueryParameters.Invalid(errors) : (await performance.ScorecardsAsync(http.ToActor(), id, http.RequestAborted)).ToResult(http.PagedList);
            })
            .WithPaging()
            .RequireAuthorization()
            .RequireVerifiedProvider()
            .WithTags("Sufficiency")
            .WithSummary("Provider scorecards: referrals received, response rate and time, offers, acceptance, placements, disruptions within 12 weeks, QA history. Commissioners see their DPSs' providers; a provider sees its own")
            .Produces<List<ProviderPerformance>>();

        var statements = app.MapGroup("/api/sufficiency/statements").RequireAuthorization(Policies.Commissioner).WithTags("Sufficiency");
        statements.MapGet("", async (SufficiencyStatementService service, HttpContext http) =>
                (await service.ListAsync(http.ToActor(), http.RequestAborted)).ToResult(http.PagedList))
            .WithPaging()
            .WithSummary("The authority's sufficiency statements, newest period first")
            .Produces<List<StatementSummary>>();
        statements.MapPost("", async (StartStatementRequest? request, SufficiencyStatementService service, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await service.StartAsync(http.ToActor(), request, http.RequestAborted))
                    .ToResult(s => Results.Created($"/api/sufficiency/statements/{s.Id}", s)))
            .WithSummary("Start a draft sufficiency statement for a period that has ended (at most a year): {periodFrom, periodTo, title?}")
            .Produces<StatementSummary>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        statements.MapGet("/{id:guid}", async (Guid id, SufficiencyStatementService service, HttpContext http) =>
                (await service.GetAsync(http.ToActor(), id, http.RequestAborted)).ToResult(Results.Ok))
            .WithSummary("A statement with its commentary and figures: live while a draft, as published once published")
            .Produces<StatementView>();
        statements.MapPut("/{id:guid}", async (Guid id, StatementCommentary? request, SufficiencyStatementService service, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await service.UpdateAsync(http.ToActor(), id, request, http.RequestAborted)).ToResult(Results.Ok))
            .WithSummary("Replace a draft's title and commentary; 409 once published")
            .Produces<StatementSummary>()
            .ProducesValidationProblem();
        statements.MapPost("/{id:guid}/publish", async (Guid id, SufficiencyStatementService service, HttpContext http) =>
                (await service.PublishAsync(http.ToActor(), id, http.RequestAborted)).ToResult(Results.Ok))
            .WithSummary("Publish a draft: its figures are frozen with its commentary; it needs an introduction and commissioning intentions; 409 if already published")
            .Produces<StatementSummary>()
            .ProducesValidationProblem();
        return app;
    }

    /// <summary>The query string as the page and the API share it.</summary>
    public static (SufficiencyQuery? Query, FieldErrors Errors) Parse(string? from, string? to, string? lotId, string? scope, TimeProvider clock)
    {
        var errors = new FieldErrors();
        var today = UkTime.Today(clock);
        DateOnly? Date(string? raw, string field)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }
            if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            errors.Add(field, $"'{raw}' is not a date: use YYYY-MM-DD");
            return null;
        }
        var end = Date(to, "to") ?? today;
        var start = Date(from, "from") ?? end.AddYears(-1).AddDays(1);
        var lot = QueryParameters.Id(lotId, "lotId", errors);
        var scoped = QueryParameters.Enum<SufficiencyScope>(scope, "scope", errors) ?? SufficiencyScope.Authority;
        if (end < start)
        {
            errors.Add("to", "The end of the period must be on or after its start");
        }
        return (errors.Any ? null : new SufficiencyQuery(start, end, lot, scoped), errors);
    }
}
