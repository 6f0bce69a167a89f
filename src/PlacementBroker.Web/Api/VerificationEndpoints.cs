namespace PlacementBroker.Web.Api;

public sealed record ConfirmEmailRequest(string? Code);

public static class VerificationEndpoints
{
    public const string ConfirmEmailPath = "/Account/ConfirmEmail";

    public static string ConfirmEmailUrl(HttpContext http) => http.RequestServices.GetRequiredService<PublicUrls>().For(ConfirmEmailPath);

    public static IEndpointRouteBuilder MapVerificationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Identity and tenants");

        api.MapPost("/providers/{id:guid}/verification", async (Guid id, ProviderVerification verification, HttpContext http) =>
                (await verification.VerifyByAdminAsync(http.ToActor(), id, http.RequestAborted)).ToResult(Results.Ok))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithSummary("A platform admin verifies a self-registered provider and its first user")
            .Produces<ProviderVerified>();

        api.MapGet("/providers/unverified", async (ProviderVerification verification, HttpContext http) =>
                http.PagedList(await verification.UnverifiedAsync(http.RequestAborted)))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithPaging()
            .WithSummary("Self-registered providers not yet verified, oldest first")
            .Produces<List<UnverifiedProvider>>();

        api.MapPost("/account/email-confirmation", async (ConfirmEmailRequest? request, ProviderVerification verification, HttpContext http) =>
                (await verification.ConfirmAsync(request?.Code, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted)).ToResult(Results.Ok))
            .AllowAnonymous()
            .WithSummary("Confirm an email address with the code from the emailed link (single use; signed in or not)")
            .Produces<ConfirmedEmail>();

        api.MapPost("/provider/confirmation-links", async (ProviderVerification verification, HttpContext http) =>
                (await verification.ResendAsync(http.ToActor(), ConfirmEmailUrl(http), http.RequestAborted)).ToResult(sent => Results.Ok(new { sentTo = sent })))
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Send new confirmation links for the caller's unconfirmed address and the organisation's unconfirmed contact address");

        api.MapGet("/provider/verification", async (ProviderVerification verification, HttpContext http) =>
                ApiResults.OkOrNotFound(await verification.StatusAsync(http.ToActor(), http.RequestAborted)))
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Whether the caller's organisation is verified and its addresses confirmed")
            .Produces<VerificationStatus>();

        return app;
    }

    /// <summary>
    /// The endpoints an unverified provider may not use (applying to lots, referrals, councils' data): its users get 403
    /// with what to do; everyone else passes through to the endpoint's own rules.
    /// </summary>
    public static TBuilder RequireVerifiedProvider<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated == true
                && await http.RequestServices.GetRequiredService<ProviderVerification>().RefusalAsync(http.ToActor(), http.RequestAborted) is { } refusal)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Confirm your email address first", detail: refusal);
            }
            return await next(context);
        });
}
