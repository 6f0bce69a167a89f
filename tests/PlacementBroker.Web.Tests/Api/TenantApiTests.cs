using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>POST /api/local-authorities and POST /api/users: platform admins only.</summary>
public abstract class TenantApiTests(PlacementBrokerApp app)
{
    [Fact]
    public async Task CreateLocalAuthority_AsPlatformAdmin_Returns201WithTheAuthority()
    {
        using var admin = await app.Data.AdminClientAsync();
        var code = TestData.Unique("T").ToUpperInvariant()[..10];

        var response = await admin.PostAsJsonAsync("/api/local-authorities", new { name = $"{code} Borough Council", code });

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        Assert.Equal($"{code} Borough Council", body.GetProperty("name").GetString());
        Assert.Equal(code, body.GetProperty("code").GetString());
    }

    /// <summary>
    /// An authority's name is one name whatever its case, on every database (ADR 0015): SQL Server's usual collation would
    /// refuse the second, PostgreSQL and SQLite would store both.
    /// </summary>
    [Fact]
    public async Task CreateLocalAuthority_SameNameInAnotherCase_Returns409()
    {
        using var admin = await app.Data.AdminClientAsync();
        var code = TestData.Unique("C").ToUpperInvariant()[..10];
        await (await admin.PostAsJsonAsync("/api/local-authorities", new { name = $"{code} Borough Council", code })).ReadJsonAsync(HttpStatusCode.Created);

        var again = await admin.PostAsJsonAsync("/api/local-authorities", new { name = $"{code.ToLowerInvariant()} borough COUNCIL", code = code[..8] + "X" });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CreateLocalAuthority_WithoutToken_Returns401Problem()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/local-authorities", new { name = "Anywhere Council", code = "ANY" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(Role.Commissioner)]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.PlacementManager)]
    [InlineData(Role.QaOfficer)]
    [InlineData(Role.ProviderUser)]
    public async Task CreateLocalAuthority_WrongRole_Returns403Problem(Role role)
    {
        using var client = await app.Data.ClientForAsync(role);

        var response = await client.PostAsJsonAsync("/api/local-authorities", new { name = "Sneaky Council", code = "SNK" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateLocalAuthority_BlankNameAndBadCode_Returns400WithFieldErrors()
    {
        using var admin = await app.Data.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/local-authorities", new { name = " ", code = "no spaces allowed!" });

        await response.AssertValidationProblemAsync("name", "code");
    }

    [Fact]
    public async Task CreateLocalAuthority_DuplicateCode_Returns409AndKeepsTheFirst()
    {
        var existing = await app.Data.CreateLocalAuthorityAsync();
        using var admin = await app.Data.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/local-authorities", new { name = "Another name entirely", code = existing.Code });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.Equal(1, await db.LocalAuthorities.CountAsync(a => a.Code == existing.Code));
    }

    [Fact]
    public async Task CreateUser_OfficerOfAnAuthority_Returns201AndTheUserCanSignIn()
    {
        var authority = await app.Data.CreateLocalAuthorityAsync();
        using var admin = await app.Data.AdminClientAsync();
        var email = $"{TestData.Unique("officer")}@test.placementbroker.uk";

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email, password = "Officer-Passw0rd!", displayName = "Sam Officer", role = "PlacingOfficer", localAuthorityId = authority.Id,
        });

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetString();
        using var officer = app.CreateClient();
        officer.DefaultRequestHeaders.Authorization = new("Bearer", await app.Data.TokenAsync(email, "Officer-Passw0rd!"));
        var me = await (await officer.GetAsync("/api/me")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, me.GetProperty("id").GetString());
        Assert.Equal(authority.Id.ToString(), me.GetProperty("localAuthorityId").GetString());
    }

    [Fact]
    public async Task CreateUser_RecordsWhoCreatedWhomInTheAuditTrail()
    {
        var authority = await app.Data.CreateLocalAuthorityAsync();
        using var admin = await app.Data.AdminClientAsync();
        var email = $"{TestData.Unique("audited")}@test.placementbroker.uk";

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email, password = "Audited-Passw0rd!", displayName = "Audited Person", role = "QaOfficer", localAuthorityId = authority.Id,
        });

        var id = (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.UserCreated && e.EntityId == id);
        Assert.Equal(PlacementBrokerApp.AdminEmail, audit.ActorEmail);
        Assert.Equal(authority.Id, audit.LocalAuthorityId);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, audit.OccurredAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task CreateUser_WithoutToken_Returns401Problem()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/users", new { email = "x@example.com" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(Role.Commissioner)]
    [InlineData(Role.PlacementManager)]
    [InlineData(Role.ProviderUser)]
    public async Task CreateUser_WrongRole_Returns403Problem(Role role)
    {
        var caller = await app.Data.CreateUserAsync(role);
        using var client = await app.Data.ClientForAsync(caller);

        var response = await client.PostAsJsonAsync("/api/users", new
        {
            email = $"{TestData.Unique("escalate")}@test.placementbroker.uk", password = "Escalate-Passw0rd!", displayName = "Me again",
            role = "PlatformAdmin", localAuthorityId = (Guid?)null,
        });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateUser_NonsenseInput_Returns400NamingEachField()
    {
        using var admin = await app.Data.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email = "not-an-email", password = "short", displayName = "", role = "PlacingOfficer", localAuthorityId = Guid.NewGuid(),
        });

        await response.AssertValidationProblemAsync("email", "password", "displayName", "localAuthorityId");
    }

    [Fact]
    public async Task CreateUser_UnknownRoleName_Returns400NamingTheRole()
    {
        using var admin = await app.Data.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email = "someone@test.placementbroker.uk", password = "Some-Passw0rd!", displayName = "Someone", role = "Superuser",
        });

        await response.AssertValidationProblemAsync("role");
    }

    [Fact]
    public async Task CreateUser_AuthorityRoleWithoutAuthority_Returns400()
    {
        using var admin = await app.Data.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email = $"{TestData.Unique("orphan")}@test.placementbroker.uk", password = "Orphan-Passw0rd!", displayName = "Orphan", role = "Commissioner",
        });

        await response.AssertValidationProblemAsync("localAuthorityId");
    }

    [Fact]
    public async Task CreateUser_EmailTaken_Returns409()
    {
        var existing = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var admin = await app.Data.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email = existing.Email.ToUpperInvariant(), password = "Another-Passw0rd!", displayName = "Duplicate", role = "PlacingOfficer",
            localAuthorityId = existing.LocalAuthorityId,
        });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }
}

public class TenantApiSqliteTests(SqliteApp app) : TenantApiTests(app), IClassFixture<SqliteApp>;

public class TenantApiServerTests(ServerApp app) : TenantApiTests(app), IClassFixture<ServerApp>;
