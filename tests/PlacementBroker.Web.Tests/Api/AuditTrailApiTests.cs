using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages;
using PlacementBroker.Web.Tests.Pages.Provider;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// The auditor's view of the audit trail: a council's data protection lead reads their own council's entries through the
/// API, the CSV and the page, never another council's, and nobody else reads them at all. The lead can do nothing else.
/// </summary>
public class AuditTrailApiTests(AuditTrailApp app) : IClassFixture<AuditTrailApp>
{
    private async Task<(Guid CouncilA, TestUser LeadA, TestUser OfficerA, TestUser OfficerB)> TwoCouncilsAsync()
    {
        var a = await app.Data.CreateLocalAuthorityAsync();
        var b = await app.Data.CreateLocalAuthorityAsync();
        var officerA = await app.Data.CreateUserAsync(Role.PlacingOfficer, a.Id);
        var officerB = await app.Data.CreateUserAsync(Role.PlacingOfficer, b.Id);
        // Signing in is audited against the council too.
        (await app.Data.ClientForAsync(officerB)).Dispose();
        var lead = await app.Data.CreateUserAsync(Role.DataProtectionLead, a.Id);
        return (a.Id, lead, officerA, officerB);
    }

    [Fact]
    public async Task Lead_ReadsOnlyTheirCouncilsEntries_InTheApiTheCsvAndThePage()
    {
        var (councilA, lead, officerA, officerB) = await TwoCouncilsAsync();
        using var client = await app.Data.ClientForAsync(lead);

        var response = await client.GetAsync("/api/audit?pageSize=500");
        var entries = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(entries.GetArrayLength() >= 3);
        Assert.All(entries.EnumerateArray(), e => Assert.Equal(councilA.ToString(), e.GetProperty("localAuthorityId").GetString()));
        var details = entries.EnumerateArray().Select(e => e.GetProperty("detail").GetString() ?? "").ToList();
        Assert.Contains(details, d => d.Contains(officerA.Email));
        Assert.DoesNotContain(details, d => d.Contains(officerB.Email));
        Assert.Equal(entries.GetArrayLength().ToString(), response.Headers.GetValues("X-Total-Count").Single());

        // Asking for the other council's records by id or by its officer's email finds nothing.
        var theirs = await (await client.GetAsync($"/api/audit?userEmail={Uri.EscapeDataString(officerB.Email)}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, theirs.GetArrayLength());
        var byId = await (await client.GetAsync($"/api/audit?entityType=User&entityId={officerB.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, byId.GetArrayLength());

        var csv = await client.GetStringAsync("/api/audit.csv");
        Assert.StartsWith("id,occurredAt,actorEmail,action", csv);
        Assert.Contains(officerA.Email, csv);
        Assert.DoesNotContain(officerB.Email, csv);

        using var session = await app.SignInAsync(lead);
        var page = await session.OpenAsync("/audit");
        Assert.Contains(officerA.Email, page.Text);
        Assert.DoesNotContain(officerB.Email, page.PageText);
        var pageCsv = await (await session.GetAsync("/audit?handler=Csv&action=UserCreated")).Content.ReadAsStringAsync();
        Assert.Contains(officerA.Email, pageCsv);
        Assert.DoesNotContain(officerB.Email, pageCsv);
        Assert.DoesNotContain("SignedIn", pageCsv);
    }

    [Fact]
    public async Task Filters_NarrowTheEntries_AndBadValuesAreFieldErrors()
    {
        var (_, lead, officerA, _) = await TwoCouncilsAsync();
        using var client = await app.Data.ClientForAsync(lead);

        var created = await (await client.GetAsync($"/api/audit?action=UserCreated&entityId={officerA.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(officerA.Id.ToString(), Assert.Single(created.EnumerateArray()).GetProperty("entityId").GetString());
        var signIns = await (await client.GetAsync($"/api/audit?userEmail={Uri.EscapeDataString(lead.Email.ToUpperInvariant())}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.All(signIns.EnumerateArray(), e => Assert.Equal(lead.Email, e.GetProperty("actorEmail").GetString()));
        Assert.True(signIns.GetArrayLength() >= 1);

        var today = UkTime.Today(app.Clock);
        var todays = await (await client.GetAsync($"/api/audit?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(todays.GetArrayLength() >= 3);
        var tomorrow = await (await client.GetAsync($"/api/audit?from={today.AddDays(1):yyyy-MM-dd}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, tomorrow.GetArrayLength());

        var paged = await client.GetAsync("/api/audit?pageSize=1");
        Assert.Single((await paged.ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Contains("rel=\"next\"", paged.Headers.GetValues("Link").Single());

        var bad = await (await client.GetAsync("/api/audit?from=yesterday&to=2026-01-01")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/audit.csv?from=2026-12-01&to=2026-11-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/audit?pageSize=0")).StatusCode);

        using var session = await app.SignInAsync(lead);
        var page = await session.OpenAsync("/audit?from=31-02-2026");
        Assert.True(page.HasErrorSummary);
        Assert.Contains("is not a date", page.Text);
    }

    [Fact]
    public async Task Csv_TextAFormulaCouldRunInIsDefused()
    {
        var council = await app.Data.CreateLocalAuthorityAsync("=HYPERLINK(\"http://evil.example\",\"Click\") Council");
        var lead = await app.Data.CreateUserAsync(Role.DataProtectionLead, council.Id);
        using var client = await app.Data.ClientForAsync(lead);

        var csv = await client.GetStringAsync("/api/audit.csv?action=LocalAuthorityCreated");

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\") Council", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
    }

    [Theory]
    [InlineData(Role.PlatformAdmin)]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.PlacementManager)]
    [InlineData(Role.Commissioner)]
    [InlineData(Role.QaOfficer)]
    [InlineData(Role.ProviderUser)]
    public async Task OtherRoles_Get403_FromTheApiTheCsvAndThePage(Role role)
    {
        var user = role == Role.PlatformAdmin
            ? new TestUser(Guid.Empty, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword, role, null, null)
            : await app.Data.CreateUserAsync(role);
        using var client = await app.Data.ClientForAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit.csv")).StatusCode);

        using var session = await app.SignInAsync(user);
        foreach (var path in new[] { "/audit", "/audit?handler=Csv" })
        {
            var response = await session.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {path}: {(int)response.StatusCode}");
            Assert.StartsWith("/error/403", response.RedirectTarget());
        }
    }

    [Fact]
    public async Task Lead_CanDoNothingElse()
    {
        var (_, lead, _, _) = await TwoCouncilsAsync();
        using var client = await app.Data.ClientForAsync(lead);

        foreach (var path in new[] { "/api/referrals", "/api/placements", "/api/sufficiency", "/api/sufficiency/statements", "/api/local-authorities", "/api/provider-performance" })
        {
            Assert.True(HttpStatusCode.Forbidden == (await client.GetAsync(path)).StatusCode, path);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/users", new
        {
            email = "someone@test.placementbroker.uk", password = TestData.Password, displayName = "Someone", role = "PlacingOfficer", localAuthorityId = lead.LocalAuthorityId,
        })).StatusCode);

        using var session = await app.SignInAsync(lead);
        foreach (var path in new[] { "/referrals", "/approvals", "/sufficiency", "/qa", "/admin/users" })
        {
            var response = await session.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"GET {path}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.StartsWith("/error/403", response.RedirectTarget());
            }
        }
        var home = await session.OpenAsync("/");
        Assert.True(home.HasLinkTo("/audit"));
        Assert.False(home.HasLinkTo("/referrals"));
    }

    [Fact]
    public async Task PlatformAdmin_CreatesALeadWithACouncil_AndNotWithout()
    {
        var council = await app.Data.CreateLocalAuthorityAsync();
        using var admin = await app.Data.AdminClientAsync();
        var email = $"{TestData.Unique("dpl")}@test.placementbroker.uk";

        var without = await (await admin.PostAsJsonAsync("/api/users", new { email, password = TestData.Password, displayName = "Lead", role = "DataProtectionLead" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(without.GetProperty("errors").TryGetProperty("localAuthorityId", out _));
        var created = await admin.PostAsJsonAsync("/api/users", new { email, password = TestData.Password, displayName = "Lead", role = "DataProtectionLead", localAuthorityId = council.Id });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
