namespace PlacementBroker.Web.Api;

public static class ReferralEndpoints
{
    public const string ReferralReaders = "ReferralReaders";

    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Referrals and offers").RequireAuthorization();
        var officer = api.MapGroup("").RequireAuthorization(Policies.PlacingOfficer);
        var readers = api.MapGroup("").RequireAuthorization(ReferralReaders);
        var provider = api.MapGroup("").RequireAuthorization(Policies.ProviderUser).RequireVerifiedProvider();

        officer.MapPost("/referrals", async (CreateReferralRequest? request, ReferralService referrals, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await referrals.CreateAsync(http.ToActor(), request, http.RequestAborted))
                    .ToResult(r => Results.Created($"/api/referrals/{r.Id}", new { id = r.Id, status = r.Status, providersNotified = r.ProvidersNotified })))
            .WithSummary("Write a referral; published to every admitted provider of the lot at once unless draft is true")
            .ProducesValidationProblem();

        officer.MapPost("/referrals/{id:guid}/publish", async (Guid id, ReferralService referrals, HttpContext http) =>
                (await referrals.PublishDraftAsync(http.ToActor(), id, http.RequestAborted))
                    .ToResult(r => Results.Ok(new { id = r.Id, status = r.Status, providersNotified = r.ProvidersNotified })))
            .WithSummary("Publish a draft referral");

        readers.MapGet("/referrals", (string? status, ReferralService referrals, HttpContext http) =>
                QueryParameters.ByStatus<ReferralStatus>(status, async parsed => http.Paged(await referrals.ListAsync(http.ToActor(), parsed, http.PageRequest(), http.RequestAborted))))
            .WithPaging()
            .WithSummary("The authority's referrals, newest first (by case reference; open one for the child's details)")
            .Produces<List<ReferralSummary>>();

        readers.MapGet("/referrals/{id:guid}", async (Guid id, ReferralService referrals, HttpContext http) =>
                ApiResults.OkOrNotFound(await referrals.FindAsync(http.ToActor(), id, http.RequestAborted)))
            .WithSummary("The full referral with the child's identity; every read is audited")
            .Produces<ReferralView>();

        readers.MapGet("/referrals/{id:guid}/matches", async (Guid id, OfferService offers, HttpContext http) =>
            {
                if (await offers.PotentialMatchesAsync(http.ToActor(), id, http.RequestAborted) is not { } potential)
                {
                    return ApiResults.NotFound();
                }
                // How many vacancies the matches were chosen from: the nearest, when there were more than matching considers.
                http.Response.Headers["X-Vacancies-Considered"] = potential.VacanciesConsidered.ToString(System.Globalization.CultureInfo.InvariantCulture);
                http.Response.Headers["X-Vacancies-Found"] = potential.VacanciesFound.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return http.PagedList(potential.Matches);
            })
            .WithPaging()
            .WithSummary("Vacancies ranked for the referral, each with why; X-Vacancies-Considered of X-Vacancies-Found (nearest first) were ranked")
            .Produces<List<MatchView>>();

        readers.MapGet("/referrals/{id:guid}/offers", async (Guid id, OfferService offers, HttpContext http) =>
                await offers.RankedOffersAsync(http.ToActor(), id, http.RequestAborted) is { } list ? http.PagedList(list) : ApiResults.NotFound())
            .WithPaging()
            .WithSummary("Offers ranked and explained; what a reconnecting client refetches")
            .Produces<List<OfferView>>();

        officer.MapPost("/referrals/{id:guid}/withdraw", async (Guid id, ReasonBody? request, ReferralService referrals, HttpContext http) =>
                (await referrals.WithdrawAsync(http.ToActor(), id, request?.Reason, http.RequestAborted)).ToResult(r => Results.Ok(new { id = r.Id, status = r.Status })))
            .WithSummary("Withdraw a referral; its offers are released");

        officer.MapPost("/referrals/{id:guid}/rebroadcast", async (Guid id, RebroadcastRequest? request, ReferralService referrals, HttpContext http) =>
                (await referrals.RebroadcastAsync(http.ToActor(), id, request ?? new RebroadcastRequest(null, null, null, null, null), http.RequestAborted))
                    .ToResult(r => Results.Created($"/api/referrals/{r.Id}", new { id = r.Id, status = r.Status, providersNotified = r.ProvidersNotified })))
            .WithSummary("Send an unfilled referral again with widened criteria (radius, budget, lot, deadline)")
            .ProducesValidationProblem();

        provider.MapGet("/provider/referrals", async (bool? fitsOnly, OfferService offers, HttpContext http) =>
                http.Paged(await offers.InboxAsync(http.ToActor(), http.PageRequest(), fitsOnly == true, http.RequestAborted)))
            .WithPaging()
            .WithSummary("Referrals sent to the caller's provider, newest first, anonymised: never name, date of birth, reference or full postcode")
            .Produces<List<ProviderReferralView>>();

        provider.MapGet("/provider/referrals/{id:guid}", async (Guid id, OfferService offers, HttpContext http) =>
                ApiResults.OkOrNotFound((await offers.InboxAsync(http.ToActor(), id, http.RequestAborted)).SingleOrDefault()))
            .WithSummary("One referral sent to the caller's provider, anonymised, with which of its vacancies fit")
            .Produces<ProviderReferralView>();

        provider.MapPut("/provider/alerts", async (AlertPreference? request, ProviderAlerts alerts, HttpContext http) =>
                request?.AlertForEveryReferral is not { } every
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { ["alertForEveryReferral"] = ["Say whether to be alerted for every referral"] })
                    : Results.Ok(new { alertForEveryReferral = await alerts.SetAsync(http.ToActor(), every, http.RequestAborted) }))
            .WithSummary("Choose live alerts for every referral, or only for those that fit your vacancies (the inbox always holds all)");

        provider.MapPost("/referrals/{id:guid}/offers", async (Guid id, SubmitOfferRequest? request, OfferService offers, HttpContext http) =>
            {
                if (request is null)
                {
                    return ApiResults.MissingBody();
                }
                var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
                var outcome = await offers.SubmitAsync(http.ToActor(), id, request, key, http.RequestAborted);
                if (outcome.Value?.Replayed == true)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                }
                return outcome.ToResult(o => Results.Created($"/api/provider/referrals/{id}", new { id = o.Id, status = o.Status }));
            })
            .RequireRateLimiting(AbuseLimits.Offers)
            .WithSummary("Offer a vacancy; the same Idempotency-Key again returns the same offer")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem();

        provider.MapPost("/referrals/{id:guid}/decline", async (Guid id, DeclineRequest? request, OfferService offers, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await offers.DeclineAsync(http.ToActor(), id, request, http.RequestAborted))
                    .ToResult(r => Results.Ok(new { id = r.Id, declined = r.Declined, reason = r.DeclineReason })))
            .WithSummary("Decline a referral with a reason")
            .ProducesValidationProblem();

        provider.MapPost("/offers/{id:guid}/withdraw", async (Guid id, OfferService offers, HttpContext http) =>
                (await offers.WithdrawAsync(http.ToActor(), id, http.RequestAborted)).ToResult(o => Results.Ok(new { id = o.Id, status = o.Status })))
            .WithSummary("Withdraw an offer that has not been accepted");

        return app;
    }
}

public sealed record ReasonBody(string? Reason);

public sealed record AlertPreference(bool? AlertForEveryReferral);
