using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace PlacementBroker.Web.Auth;

public static class AuthExtensions
{
    /// <summary>Picks the bearer token for the API and for hub clients that send one, the cookie for pages.</summary>
    public const string SmartScheme = "PlacementBroker";
    public const string ExternalScheme = "OrganisationSignIn";
    /// <summary>The ticket property holding when the user signed in; kept through sliding renewals and account re-checks.</summary>
    public const string SignedInAtProperty = "PlacementBroker.SignedInAt";

    public static WebApplicationBuilder AddPlacementBrokerAuth(this WebApplicationBuilder builder, PlacementBrokerOptions options)
    {
        var services = builder.Services;
        services.AddIdentityCore<User>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                // Length and a list of common passwords, not composition rules (OWASP ASVS 2.1): see CommonPasswordValidator.
                identity.Password.RequiredLength = CommonPasswordValidator.MinimumLength;
                identity.Password.RequiredUniqueChars = 4;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = options.SignInProtection.MaxFailedAttemptsPerAccount;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.SignInProtection.LockoutMinutes);
                identity.ClaimsIdentity.UserIdClaimType = PlacementBrokerClaims.UserId;
                identity.ClaimsIdentity.UserNameClaimType = PlacementBrokerClaims.UserName;
                identity.ClaimsIdentity.EmailClaimType = PlacementBrokerClaims.Email;
                identity.ClaimsIdentity.RoleClaimType = PlacementBrokerClaims.Role;
            })
            .AddEntityFrameworkStores<PlacementBrokerDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<UserClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<IdentityMessages>()
            .AddDefaultTokenProviders();

        services.AddSingleton<SigningKeyProvider>(sp => new SigningKeyProvider(
            sp.GetRequiredService<IOptions<PlacementBrokerOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILogger<SigningKeyProvider>>()));
        services.AddSingleton<FailedSignInLimiter>();
        services.AddScoped<TokenService>();
        services.AddScoped<SignInService>();
        services.AddScoped<AccountAccess>();
        services.AddScoped<SecondFactor>();
        services.AddScoped<ExternalIdentityResolver>();

        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = SmartScheme;
            o.DefaultChallengeScheme = SmartScheme;
            o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
        });
        authentication.AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = SelectScheme);
        // Outside Development cookies go only over https.
        var cookieSecurity = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        var absoluteSession = TimeSpan.FromHours(options.Auth.AbsoluteSessionHours);
        authentication.AddIdentityCookies(cookies =>
        {
            cookies.ExternalCookie?.Configure(c => c.Cookie.SecurePolicy = cookieSecurity);
            cookies.TwoFactorUserIdCookie?.Configure(c => c.Cookie.SecurePolicy = cookieSecurity);
            cookies.ApplicationCookie?.Configure(c => ConfigureApplicationCookie(c, cookieSecurity, absoluteSession));
        });
        authentication.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, TimeProvider>((jwt, keys, clock) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Jwt.Issuer,
                    ValidAudience = options.Jwt.Audience,
                    IssuerSigningKey = keys.Key,
                    ValidateIssuerSigningKey = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = PlacementBrokerClaims.UserName,
                    RoleClaimType = PlacementBrokerClaims.Role,
                    // Expiry is judged by the application's clock, like every other deadline.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew)
                            && (expires is null || expires.Value >= now - parameters.ClockSkew);
                    },
                };
                jwt.Events = new JwtBearerEvents
                {
                    // A token dies with its account's access: lockout, or a changed password or security stamp.
                    OnTokenValidated = async context =>
                    {
                        var principal = context.Principal!;
                        var access = context.HttpContext.RequestServices.GetRequiredService<AccountAccess>();
                        if (!await access.IsCurrentAsync(principal, principal.FindFirst("stamp")?.Value, checkLockout: true, context.HttpContext.RequestAborted))
                        {
                            context.Fail("The account behind this token is disabled, locked or has changed.");
                            return;
                        }
                        // A hub connection closes when its token expires (CloseOnAuthenticationExpiration), which SignalR
                        // judges by the system clock: give it the token's remaining life by the application's clock.
                        if (context.SecurityToken?.ValidTo is { } validTo && validTo > DateTime.MinValue)
                        {
                            context.Properties.ExpiresUtc = TimeProvider.System.GetUtcNow() + (new DateTimeOffset(validTo, TimeSpan.Zero) - clock.GetUtcNow());
                        }
                    },
                    // Browsers cannot set headers on WebSocket requests: the hub takes the token from the query.
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        {
                            context.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                };
            });

        if (options.OpenIdConnect.Enabled)
        {
            authentication.AddOpenIdConnect(ExternalScheme, options.OpenIdConnect.DisplayName, oidc =>
            {
                oidc.Authority = options.OpenIdConnect.Authority;
                oidc.ClientId = options.OpenIdConnect.ClientId;
                oidc.ClientSecret = options.OpenIdConnect.ClientSecret;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.SignInScheme = IdentityConstants.ExternalScheme;
                oidc.CallbackPath = "/signin-oidc";
                oidc.Scope.Add("email");
                oidc.MapInboundClaims = false;
                // The external identity is found by issuer and subject (ExternalIdentityResolver), never by email.
                oidc.GetClaimsFromUserInfoEndpoint = false;
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireRole(nameof(Role.PlatformAdmin)))
            .AddPolicy(Policies.PlacingOfficer, p => p.RequireRole(nameof(Role.PlacingOfficer)))
            .AddPolicy(Policies.PlacementManager, p => p.RequireRole(nameof(Role.PlacementManager)))
            .AddPolicy(Policies.QaOfficer, p => p.RequireRole(nameof(Role.QaOfficer)))
            .AddPolicy(Policies.Commissioner, p => p.RequireRole(nameof(Role.Commissioner)))
            .AddPolicy(Policies.ProviderUser, p => p.RequireRole(nameof(Role.ProviderUser)).RequireClaim(PlacementBrokerClaims.Provider))
            .AddPolicy(Api.ReferralEndpoints.ReferralReaders, p => p
                .RequireRole(nameof(Role.PlacingOfficer), nameof(Role.PlacementManager))
                .RequireClaim(PlacementBrokerClaims.LocalAuthority))
            .AddPolicy(Policies.DataProtectionLead, p => p
                .RequireRole(nameof(Role.DataProtectionLead)).RequireClaim(PlacementBrokerClaims.LocalAuthority))
            .AddPolicy(Policies.SubjectAccess, p => p
                .RequireRole(nameof(Role.PlacementManager), nameof(Role.DataProtectionLead)).RequireClaim(PlacementBrokerClaims.LocalAuthority))
            .AddPolicy(Policies.ContractReaders, p => p.RequireRole(nameof(Role.Commissioner), nameof(Role.QaOfficer), nameof(Role.ProviderUser)))
            .AddPolicy(Policies.ContractAuthorities, p => p.RequireRole(nameof(Role.Commissioner), nameof(Role.QaOfficer)).RequireClaim(PlacementBrokerClaims.LocalAuthority))
            .AddPolicy(Policies.KpiReaders, p => p.RequireRole(
                nameof(Role.PlacingOfficer), nameof(Role.PlacementManager), nameof(Role.QaOfficer), nameof(Role.Commissioner), nameof(Role.ProviderUser)))
            .AddPolicy(Policies.ContractParties, p => p.RequireRole(nameof(Role.Commissioner), nameof(Role.ProviderUser)))
            .AddPolicy(Policies.ReferralParties, p => p.RequireAssertion(c =>
                ((c.User.IsInRole(nameof(Role.PlacingOfficer)) || c.User.IsInRole(nameof(Role.PlacementManager))) && c.User.HasClaim(x => x.Type == PlacementBrokerClaims.LocalAuthority))
                || (c.User.IsInRole(nameof(Role.ProviderUser)) && c.User.HasClaim(x => x.Type == PlacementBrokerClaims.Provider))))
            .AddPolicy(Policies.AuthorityUser, p => p
                .RequireRole(IdentityAdministration.AuthorityRoles.Select(r => r.ToString()))
                .RequireClaim(PlacementBrokerClaims.LocalAuthority));
        return builder;
    }

    /// <summary>
    /// A platform admin signed in on the pages without a second factor may only set one up (or sign out): every other page
    /// sends them to enrol. The API never issues them a token (see the token endpoint).
    /// </summary>
    public static IApplicationBuilder UseSecondFactorEnrolment(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        var path = context.Request.Path;
        if (user.Identity?.IsAuthenticated == true
            && user.Identity.AuthenticationType == IdentityConstants.ApplicationScheme
            && user.GetRole() == Role.PlatformAdmin
            && !user.HasClaim(c => c.Type == PlacementBrokerClaims.SecondFactor)
            && !(path.StartsWithSegments(Pages.SignInCodeModel.EnrolPath) || path.StartsWithSegments("/sign-out")
                || path.StartsWithSegments("/error") || path.StartsWithSegments("/health")
                || path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs")))
        {
            context.Response.Redirect(Pages.SignInCodeModel.EnrolPath);
            return;
        }
        await next();
    });

    private static void ConfigureApplicationCookie(CookieAuthenticationOptions c, CookieSecurePolicy cookieSecurity, TimeSpan absoluteSession)
    {
        c.LoginPath = "/sign-in";
        c.LogoutPath = "/sign-out";
        c.AccessDeniedPath = "/error/403";
        c.Cookie.Name = "PlacementBroker.Auth";
        c.Cookie.HttpOnly = true;
        c.Cookie.SameSite = SameSiteMode.Lax;
        c.Cookie.SecurePolicy = cookieSecurity;
        c.ExpireTimeSpan = TimeSpan.FromHours(8);
        // The sign-in time is written once, at sign-in; a refresh of the same session (new claims) keeps it.
        c.Events.OnSigningIn = context =>
        {
            if (!context.Properties.Items.ContainsKey(SignedInAtProperty))
            {
                var now = (context.Options.TimeProvider ?? context.HttpContext.RequestServices.GetRequiredService<TimeProvider>()).GetUtcNow();
                context.Properties.Items[SignedInAtProperty] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            }
            return Task.CompletedTask;
        };
        c.SlidingExpiration = true;
        // Machines get a status code, not a redirect to the sign-in page.
        c.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        c.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        // The periodic re-check of the account (security stamp) cannot run while the database is unavailable. The
        // signed, unexpired cookie stands for this request and the check runs again on the next: the page itself
        // then answers 503 if it needs the database. Failing here instead would fail the error page too (the
        // authentication result is kept for the request), turning "try again later" into a bare 500.
        var validate = c.Events.OnValidatePrincipal;
        c.Events.OnValidatePrincipal = async context =>
        {
            // However active, a session ends a fixed time after sign-in: sliding renewal does not extend this. A
            // cookie without the sign-in time (issued before this rule) is treated as expired.
            var now = (context.Options.TimeProvider ?? context.HttpContext.RequestServices.GetRequiredService<TimeProvider>()).GetUtcNow();
            if (!context.Properties.Items.TryGetValue(SignedInAtProperty, out var signedIn)
                || !DateTimeOffset.TryParse(signedIn, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var signedInAt)
                || now - signedInAt > absoluteSession)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            try
            {
                // Every request: the account still exists, is not disabled and has the stamp the cookie was issued with
                // (disabling an account or changing its password rotates it). One query by primary key.
                var access = context.HttpContext.RequestServices.GetRequiredService<AccountAccess>();
                var stampClaim = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
                if (context.Principal is not { } principal
                    || !await access.IsCurrentAsync(principal, principal.FindFirst(stampClaim)?.Value, checkLockout: false, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await validate(context);
            }
            catch (Exception e) when (DatabaseOutage.IsUnavailable(e))
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthExtensions))
                    .LogWarning("The database is unavailable: the account of the signed-in cookie was not re-checked on {Path}", context.Request.Path);
            }
        };
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    private static string SelectScheme(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api"))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || (request.Path.StartsWithSegments("/hubs") && request.Query.ContainsKey("access_token")))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }
        return IdentityConstants.ApplicationScheme;
    }
}
