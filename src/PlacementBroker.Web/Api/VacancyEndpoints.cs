namespace PlacementBroker.Web.Api;

public static class VacancyEndpoints
{
    public static IEndpointRouteBuilder MapVacancyEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Settings and vacancies").RequireAuthorization();
        var provider = api.MapGroup("").RequireAuthorization(Policies.ProviderUser);

        provider.MapPost("/providers/{providerId:guid}/settings", async (Guid providerId, AddSettingRequest? request, SettingService settings, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await settings.AddAsync(http.ToActor(), providerId, request, http.RequestAborted))
                    .ToResult(s => Results.Created($"/api/providers/{providerId}/settings", new { id = s.Id, s.Latitude, s.Longitude })))
            .WithSummary("Register an Ofsted setting; coordinates, when given, win over the postcode")
            .ProducesValidationProblem();

        api.MapGet("/providers/{providerId:guid}/settings", async (Guid providerId, SettingService settings, HttpContext http) =>
            {
                var actor = http.ToActor();
                // Another provider's settings, or a provider that does not exist: 404 alike.
                return (actor.Role == Role.ProviderUser && actor.ProviderId != providerId)
                        || !await http.RequestServices.GetRequiredService<PlacementBroker.Core.Data.PlacementBrokerDbContext>().Providers.AnyAsync(p => p.Id == providerId, http.RequestAborted)
                    ? ApiResults.NotFound()
                    : http.PagedList(await settings.ForProviderAsync(actor, providerId, http.RequestAborted));
            })
            .WithPaging()
            .WithSummary("A provider's settings")
            .Produces<List<SettingView>>();

        // A URN claimed by a second provider, or disagreeing with Ofsted's register, waits for a platform admin's decision.
        var admin = api.MapGroup("/admin/setting-reviews").RequireAuthorization(Policies.PlatformAdmin);
        admin.MapGet("", async (bool? pendingOnly, SettingService settings, HttpContext http) =>
                http.PagedList(await settings.ReviewsAsync(http.ToActor(), pendingOnly ?? true, http.RequestAborted)))
            .WithPaging()
            .WithSummary("Settings awaiting platform admin review of their Ofsted URN claim (pendingOnly=false adds the decided ones); platform admins only")
            .Produces<List<SettingReviewView>>();

        admin.MapPost("/{settingId:guid}/decision", async (Guid settingId, SettingReviewRequest? request, SettingService settings, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await settings.DecideReviewAsync(http.ToActor(), settingId, request, http.RequestAborted))
                    .ToResult(s => Results.Ok(new { id = s.Id, reviewStatus = s.ReviewStatus, reviewReason = s.ReviewReason })))
            .WithSummary("Approve a held setting, or reject it with the reason the provider sees; audited; 409 when already decided")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        provider.MapPost("/vacancies", async (VacancyRequest? request, VacancyService vacancies, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await vacancies.PublishAsync(http.ToActor(), request, http.RequestAborted))
                    .ToResult(v => Results.Created($"/api/vacancies/{v.Id}", new { id = v.Id, status = v.Status })))
            .WithSummary("Publish a vacancy in a lot the provider is admitted to (422 otherwise)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/vacancies", async (string? lotId, string? area, string? need, string? grade, string? status, VacancyService vacancies, HttpContext http) =>
            {
                var errors = new FieldErrors();
                var filter = new VacancyFilter(
                    QueryParameters.Id(lotId, "lotId", errors), area,
                    QueryParameters.Enum<Need>(need, "need", errors),
                    QueryParameters.Enum<OfstedGrade>(grade, "grade", errors),
                    QueryParameters.Enum<VacancyStatus>(status, "status", errors));
                return errors.Any ? QueryParameters.Invalid(errors) : (await vacancies.ListAsync(http.ToActor(), filter, http.PageRequest(), http.RequestAborted)).ToResult(http.Paged);
            })
            .WithPaging()
            .WithSummary("A provider's own vacancies; for commissioners, those on their DPSs' lots: open first, then by the date available from. Filter by lot, area (postcode district), need, grade, status")
            .Produces<List<VacancyView>>();

        api.MapGet("/vacancies/{id:guid}", async (Guid id, VacancyService vacancies, HttpContext http) =>
                ApiResults.OkOrNotFound(await vacancies.FindAsync(http.ToActor(), id, http.RequestAborted)))
            .RequireAuthorization(policy => policy.RequireRole(nameof(Role.Commissioner), nameof(Role.ProviderUser)))
            .WithSummary("One vacancy: a provider's own, or for commissioners one on their DPSs' lots")
            .Produces<VacancyView>();

        provider.MapPut("/vacancies/{id:guid}", async (Guid id, VacancyRequest? request, VacancyService vacancies, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await vacancies.UpdateAsync(http.ToActor(), id, request, http.RequestAborted))
                    .ToResult(v => Results.Ok(new { id = v.Id, status = v.Status })))
            .WithSummary("Change an open vacancy")
            .ProducesValidationProblem();

        provider.MapDelete("/vacancies/{id:guid}", async (Guid id, VacancyService vacancies, HttpContext http) =>
                (await vacancies.WithdrawAsync(http.ToActor(), id, http.RequestAborted)).ToResult(_ => Results.NoContent()))
            .WithSummary("Withdraw a vacancy");

        provider.MapGet("/provider/users", async (ProviderTeamService team, HttpContext http) =>
                http.PagedList(await team.TeamAsync(http.ToActor().ProviderId!.Value, http.RequestAborted)))
            .WithPaging()
            .WithSummary("The people of the caller's provider")
            .Produces<List<TeamMember>>();

        provider.MapPost("/provider/users", async (InviteColleagueRequest? request, ProviderTeamService team, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await team.InviteAsync(http.ToActor(), request, SetPasswordUrl(http), http.RequestAborted))
                    .ToResult(u => Results.Created($"/api/provider/users", new { id = u.Id })))
            .RequireRateLimiting(AbuseLimits.Invitations)
            .WithSummary("The provider's administrator invites a colleague, who sets a password from the emailed link")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem();

        return app;
    }

    /// <summary>The emailed link's page, at the configured public address: never the request's Host, which the caller controls.</summary>
    public static string SetPasswordUrl(HttpContext http) => http.RequestServices.GetRequiredService<PublicUrls>().For("/account/set-password");
}
