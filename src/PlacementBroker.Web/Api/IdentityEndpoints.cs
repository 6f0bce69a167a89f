using AutoMapper;
using AutoMapper.QueryableExtensions;

namespace PlacementBroker.Web.Api;

public sealed record TokenRequest(string? Email, string? Password, string? Code = null);
public sealed record TokenResponse(string AccessToken, DateTime ExpiresAt);
public sealed record LocalAuthorityResponse(Guid Id, string Name, string Code);
public sealed record CreatedId(Guid Id);
public sealed record MeResponse(Guid Id, string Email, string DisplayName, string Role, Guid? LocalAuthorityId, Guid? ProviderId);

public static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Identity and tenants");

        api.MapPost("/auth/token", async (TokenRequest? request, SignInService signIn, TokenService tokens, HttpContext http) =>
        {
            if (request is null)
            {
                return ApiResults.MissingBody();
            }
            var errors = new Core.FieldErrors()
                .Required("email", request.Email, "Enter your email address")
                .Required("password", request.Password, "Enter your password");
            if (errors.Any)
            {
                return Results.ValidationProblem(errors.ToDictionary(), title: "Some of the request is not valid");
            }
            var address = http.Connection.RemoteIpAddress?.ToString();
            var attempt = await signIn.CheckAsync(request.Email, request.Password, address);
            if (attempt.Kind == SignInResultKind.SecondFactorRequired)
            {
                if (string.IsNullOrWhiteSpace(request.Code))
                {
                    return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "One-time code required",
                        detail: "This account has a second factor: send the current code from the authenticator app as 'code'.");
                }
                attempt = await signIn.CheckCodeAsync(attempt.User!, request.Code, address);
                if (attempt.Kind == SignInResultKind.InvalidCredentials)
                {
                    return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                        detail: "The one-time code is not right, or it has been used already. Wait for the next code.");
                }
            }
            switch (attempt.Kind)
            {
                case SignInResultKind.Succeeded when SecondFactor.MustEnrol(attempt.User!):
                    return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Second factor required",
                        detail: "Platform admins must have a second factor. Sign in on the website and set up an authenticator app first.");
                case SignInResultKind.Succeeded:
                    var token = tokens.Issue(attempt.User!);
                    return Results.Ok(new TokenResponse(token.AccessToken, token.ExpiresAt));
                case SignInResultKind.LockedOut:
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(attempt.RetryAfter.TotalSeconds)).ToString();
                    return Results.Problem(statusCode: StatusCodes.Status423Locked, title: "Account locked",
                        detail: "Too many failed sign-in attempts. The account is locked for a while; try again later or ask your administrator.");
                case SignInResultKind.AddressThrottled:
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(attempt.RetryAfter.TotalSeconds)).ToString();
                    return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-in attempts",
                        detail: "Too many failed sign-in attempts from this address. Try again later.");
                default:
                    return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                        detail: "The email address or password is not right.");
            }
        })
        .AllowAnonymous()
        .RequireRateLimiting(AbuseLimits.Tokens)
        .WithSummary("Exchange an email, password and (for accounts with a second factor) the current one-time code for a bearer token")
        .Produces<TokenResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status423Locked)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesValidationProblem();

        api.MapPost("/providers/register", async (RegisterProviderRequest? request, IdentityAdministration admin, HttpContext http) =>
            request is null
                ? ApiResults.MissingBody()
                : (await admin.RegisterProviderAsync(request, http.Connection.RemoteIpAddress?.ToString(), VerificationEndpoints.ConfirmEmailUrl(http), http.RequestAborted))
                    .ToResult(r => Results.Created($"/api/providers/{r.ProviderId}", new { providerId = r.ProviderId, userId = r.UserId })))
        .AllowAnonymous()
        .RequireRateLimiting(AbuseLimits.Registration)
        .WithSummary("A provider registers its organisation and first user; it is unverified until the emailed link is used or a platform admin verifies it. An address that already has an account gets the same answer (and its owner an email)")
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesValidationProblem();

        api.MapGet("/me", async (HttpContext http, PlacementBrokerDbContext db) =>
        {
            var id = http.User.GetUserId();
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
            return user is null
                ? Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown user")
                : Results.Ok(new MeResponse(user.Id, user.Email!, user.DisplayName, user.Role.ToString(), user.LocalAuthorityId, user.ProviderId));
        })
        .RequireAuthorization()
        .WithSummary("The signed-in user");

        var admin = api.MapGroup("").RequireAuthorization(Policies.PlatformAdmin);

        admin.MapPost("/local-authorities", async (CreateLocalAuthorityRequest? request, IdentityAdministration service, HttpContext http) =>
            request is null
                ? ApiResults.MissingBody()
                : (await service.CreateLocalAuthorityAsync(http.ToActor(), request, http.RequestAborted))
                    .ToResult(a => Results.Created($"/api/local-authorities/{a.Id}", new LocalAuthorityResponse(a.Id, a.Name, a.Code))))
        .WithSummary("Create a local authority (a tenant)")
        .Produces<LocalAuthorityResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesValidationProblem();

        admin.MapGet("/local-authorities", async (PlacementBrokerDbContext db, IMapper mapper, HttpContext http) =>
            http.Paged(await db.LocalAuthorities.AsNoTracking().OrderBy(a => a.Name).ThenBy(a => a.Id)
                .ToPagedAsync(http.PageRequest(), q => q.ProjectTo<LocalAuthoritySummary>(mapper.ConfigurationProvider), http.RequestAborted)))
        .WithPaging()
        .WithSummary("List local authorities, by name")
        .Produces<List<LocalAuthoritySummary>>();

        admin.MapGet("/local-authorities/{id:guid}", async (Guid id, PlacementBrokerDbContext db, IMapper mapper) =>
            ApiResults.OkOrNotFound(await db.LocalAuthorities.AsNoTracking().Where(a => a.Id == id)
                .ProjectTo<LocalAuthoritySummary>(mapper.ConfigurationProvider).SingleOrDefaultAsync()))
        .WithSummary("One local authority");

        admin.MapGet("/users/{id:guid}", async (Guid id, PlacementBrokerDbContext db, IMapper mapper) =>
            ApiResults.OkOrNotFound(await db.Users.AsNoTracking().Where(u => u.Id == id)
                .ProjectTo<UserSummary>(mapper.ConfigurationProvider).SingleOrDefaultAsync()))
        .WithSummary("One user");

        admin.MapPost("/users/{id:guid}/disable", async (Guid id, IdentityAdministration service, Hubs.AccountConnections connections, PlacementBrokerDbContext db, IMapper mapper, HttpContext http) =>
        {
            var outcome = await service.DisableAsync(http.ToActor(), id, http.RequestAborted);
            if (outcome.Succeeded)
            {
                connections.CloseAll(id);
            }
            return await UserResultAsync(outcome, db, mapper);
        })
        .WithSummary("Disable a user: they cannot sign in, and their cookies, tokens and live hub connections stop working at once")
        .Produces<UserSummary>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapPost("/users/{id:guid}/enable", async (Guid id, IdentityAdministration service, PlacementBrokerDbContext db, IMapper mapper, HttpContext http) =>
            await UserResultAsync(await service.EnableAsync(http.ToActor(), id, http.RequestAborted), db, mapper))
        .WithSummary("Enable a disabled user: they can sign in again (tokens issued before they were disabled stay refused)")
        .Produces<UserSummary>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost("/users", async (CreateUserRequest? request, IdentityAdministration service, HttpContext http) =>
            request is null
                ? ApiResults.MissingBody()
                : (await service.CreateUserAsync(http.ToActor(), request, http.RequestAborted))
                    .ToResult(u => Results.Created($"/api/users/{u.Id}", new CreatedId(u.Id))))
        .WithSummary("Create a user of a local authority, a provider, or another platform admin")
        .Produces<CreatedId>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesValidationProblem();

        return app;
    }

    private static async Task<IResult> UserResultAsync(Outcome<User> outcome, PlacementBrokerDbContext db, IMapper mapper)
    {
        if (!outcome.Succeeded)
        {
            return outcome.ToResult(_ => Results.Ok());
        }
        var id = outcome.Value!.Id;
        var summary = await db.Users.AsNoTracking().Where(u => u.Id == id).ProjectTo<UserSummary>(mapper.ConfigurationProvider).SingleAsync();
        return Results.Ok(summary);
    }
}
