using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Identity;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Auth;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Auth;

/// <summary>
/// Signing in with an organisation's account (OpenID Connect) over a real database: an external identity is linked
/// once to a signed-in user and then signs that user in by issuer and subject, never by its email claim.
/// </summary>
public abstract class ExternalIdentityResolverTests(PlacementBrokerApp app)
{
    private const string Entra = "https://login.microsoftonline.com/{0}/v2.0";
    private static readonly string LeedsTenant = Guid.NewGuid().ToString();
    private static readonly string OtherTenant = Guid.NewGuid().ToString();

    private static ClaimsPrincipal Identity(string? tenant, string subject, string? email = null, bool entraObjectId = true)
    {
        var issuer = tenant is null ? "https://idp.example.org" : string.Format(System.Globalization.CultureInfo.InvariantCulture, Entra, tenant);
        var claims = new List<Claim> { new("iss", issuer, null, issuer), new("sub", "pairwise-" + subject, null, issuer) };
        if (entraObjectId)
        {
            claims.Add(new Claim("oid", subject, null, issuer));
        }
        if (tenant is not null)
        {
            claims.Add(new Claim("tid", tenant, null, issuer));
        }
        if (email is not null)
        {
            claims.Add(new Claim("email", email, null, issuer));
            claims.Add(new Claim("preferred_username", email, null, issuer));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "OrganisationSignIn"));
    }

    private async Task<T> WithResolverAsync<T>(Func<ExternalIdentityResolver, UserManager<User>, Task<T>> act, IEnumerable<string>? allowedTenants = null, bool allowAdmins = false)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var options = new PlacementBrokerOptions
        {
            OpenIdConnect = new OpenIdConnectSettings { AllowedTenants = (allowedTenants ?? [LeedsTenant]).ToList(), AllowPlatformAdmins = allowAdmins },
        };
        return await act(new ExternalIdentityResolver(users, options, app.Clock), users);
    }

    private Task<ExternalResolution> LinkAsync(TestUser user, ClaimsPrincipal identity, IEnumerable<string>? allowedTenants = null, bool allowAdmins = false) =>
        WithResolverAsync(async (resolver, users) => await resolver.LinkAsync((await users.FindByIdAsync(user.Id.ToString()))!, identity), allowedTenants, allowAdmins);

    private Task<ExternalResolution> ResolveAsync(ClaimsPrincipal identity, IEnumerable<string>? allowedTenants = null, bool allowAdmins = false) =>
        WithResolverAsync((resolver, _) => resolver.ResolveAsync(identity), allowedTenants, allowAdmins);

    [Fact]
    public async Task Resolve_LinkedIdentity_SignsInTheLinkedUser()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var subject = Guid.NewGuid().ToString();
        Assert.Equal(ExternalOutcome.Linked, (await LinkAsync(user, Identity(LeedsTenant, subject))).Outcome);

        var resolution = await ResolveAsync(Identity(LeedsTenant, subject));

        Assert.Equal(ExternalOutcome.SignedIn, resolution.Outcome);
        Assert.Equal(user.Id, resolution.User!.Id);
    }

    [Fact]
    public async Task Resolve_UnlinkedIdentityCarryingAUsersEmail_DoesNotSignIn()
    {
        var victim = await app.Data.CreateUserAsync(Role.Commissioner);

        var resolution = await ResolveAsync(Identity(LeedsTenant, Guid.NewGuid().ToString(), email: victim.Email));

        Assert.Equal(ExternalOutcome.NotLinked, resolution.Outcome);
        Assert.Null(resolution.User);
    }

    [Fact]
    public async Task Resolve_AnotherIdentityWithTheLinkedUsersEmail_DoesNotSignInAsThem()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        await LinkAsync(user, Identity(LeedsTenant, Guid.NewGuid().ToString(), email: user.Email));

        // Someone else in the same directory (or another directory) sets their email claim to the user's address.
        var sameTenant = await ResolveAsync(Identity(LeedsTenant, Guid.NewGuid().ToString(), email: user.Email));
        var otherTenant = await ResolveAsync(Identity(OtherTenant, Guid.NewGuid().ToString(), email: user.Email), allowedTenants: [LeedsTenant, OtherTenant]);

        Assert.Equal(ExternalOutcome.NotLinked, sameTenant.Outcome);
        Assert.Equal(ExternalOutcome.NotLinked, otherTenant.Outcome);
    }

    [Fact]
    public async Task Resolve_SameObjectIdInAnotherTenant_IsADifferentIdentity()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var subject = Guid.NewGuid().ToString();
        await LinkAsync(user, Identity(LeedsTenant, subject), allowedTenants: []);

        var resolution = await ResolveAsync(Identity(OtherTenant, subject), allowedTenants: []);

        Assert.Equal(ExternalOutcome.NotLinked, resolution.Outcome);
    }

    [Fact]
    public async Task Resolve_ForeignTenant_IsRefusedEvenWhenLinked()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var subject = Guid.NewGuid().ToString();
        await LinkAsync(user, Identity(OtherTenant, subject), allowedTenants: [LeedsTenant, OtherTenant]);

        // The operator then narrows the allowed tenants.
        var resolution = await ResolveAsync(Identity(OtherTenant, subject), allowedTenants: [LeedsTenant]);

        Assert.Equal(ExternalOutcome.TenantNotAllowed, resolution.Outcome);
        Assert.Null(resolution.User);
    }

    [Fact]
    public async Task Link_ForeignTenant_IsRefused()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);

        var result = await LinkAsync(user, Identity(OtherTenant, Guid.NewGuid().ToString()));

        Assert.Equal(ExternalOutcome.TenantNotAllowed, result.Outcome);
    }

    [Fact]
    public async Task Link_IdentityWithoutTenantWhenTenantsAreListed_IsRefused()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);

        var refused = await LinkAsync(user, Identity(null, Guid.NewGuid().ToString(), entraObjectId: false));
        var accepted = await LinkAsync(user, Identity(null, Guid.NewGuid().ToString(), entraObjectId: false), allowedTenants: []);

        Assert.Equal(ExternalOutcome.TenantNotAllowed, refused.Outcome);
        Assert.Equal(ExternalOutcome.Linked, accepted.Outcome);
    }

    [Fact]
    public async Task Link_PlatformAdmin_IsRefusedUnlessConfigured()
    {
        var admin = await app.Data.CreateUserAsync(Role.PlatformAdmin);
        var subject = Guid.NewGuid().ToString();

        var refused = await LinkAsync(admin, Identity(LeedsTenant, subject));
        var allowed = await LinkAsync(admin, Identity(LeedsTenant, subject), allowAdmins: true);

        Assert.Equal(ExternalOutcome.PlatformAdminNotAllowed, refused.Outcome);
        Assert.Equal(ExternalOutcome.Linked, allowed.Outcome);
    }

    [Fact]
    public async Task Resolve_LinkedPlatformAdmin_IsRefusedUnlessConfigured()
    {
        var admin = await app.Data.CreateUserAsync(Role.PlatformAdmin);
        var subject = Guid.NewGuid().ToString();
        await LinkAsync(admin, Identity(LeedsTenant, subject), allowAdmins: true);

        var refused = await ResolveAsync(Identity(LeedsTenant, subject));
        var allowed = await ResolveAsync(Identity(LeedsTenant, subject), allowAdmins: true);

        Assert.Equal(ExternalOutcome.PlatformAdminNotAllowed, refused.Outcome);
        Assert.Equal(ExternalOutcome.SignedIn, allowed.Outcome);
    }

    [Fact]
    public async Task Link_IdentityLinkedToAnotherUser_IsRefused()
    {
        var first = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var second = await app.Data.CreateUserAsync(Role.Commissioner);
        var subject = Guid.NewGuid().ToString();
        await LinkAsync(first, Identity(LeedsTenant, subject));

        var result = await LinkAsync(second, Identity(LeedsTenant, subject));

        Assert.Equal(ExternalOutcome.LinkedToAnotherUser, result.Outcome);
        Assert.Equal(first.Id, (await ResolveAsync(Identity(LeedsTenant, subject))).User!.Id);
    }

    [Fact]
    public async Task Link_TwoUsersLinkingOneIdentityAtOnce_OneOfThemHasIt()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Data.CreateUserAsync(Role.PlacingOfficer)));
        var subject = Guid.NewGuid().ToString();

        var results = await Task.WhenAll(users.Select(u => LinkAsync(u, Identity(LeedsTenant, subject))));

        Assert.Equal(1, results.Count(r => r.Outcome == ExternalOutcome.Linked));
        var owner = (await ResolveAsync(Identity(LeedsTenant, subject))).User!;
        Assert.Contains(owner.Id, users.Select(u => u.Id));
    }

    [Fact]
    public async Task Resolve_IdentityWithoutSubject_IsRefused()
    {
        var identity = new ClaimsPrincipal(new ClaimsIdentity([new Claim("email", "someone@leeds.gov.uk"), new Claim("tid", LeedsTenant)], "OrganisationSignIn"));

        var resolution = await ResolveAsync(identity);

        Assert.Equal(ExternalOutcome.NoSubject, resolution.Outcome);
    }

    [Fact]
    public async Task Resolve_LockedUser_IsRefused()
    {
        var user = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var subject = Guid.NewGuid().ToString();
        await LinkAsync(user, Identity(LeedsTenant, subject));
        await WithResolverAsync(async (_, users) =>
        {
            var account = (await users.FindByIdAsync(user.Id.ToString()))!;
            return await users.SetLockoutEndDateAsync(account, app.Clock.GetUtcNow().AddHours(1));
        });

        var resolution = await ResolveAsync(Identity(LeedsTenant, subject));

        Assert.Equal(ExternalOutcome.LockedOut, resolution.Outcome);
    }
}

public class ExternalIdentityResolverSqliteTests(SqliteApp app) : ExternalIdentityResolverTests(app), IClassFixture<SqliteApp>;

public class ExternalIdentityResolverPostgresTests(PostgresApp app) : ExternalIdentityResolverTests(app), IClassFixture<PostgresApp>;
