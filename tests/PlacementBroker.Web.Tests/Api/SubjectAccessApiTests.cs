using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// Subject access: everything held about one child, for that child's council only. The same case reference in another
/// council is another child; another council's referral id is not found.
/// </summary>
public class SubjectAccessApiTests(SubjectAccessApp app) : IClassFixture<SubjectAccessApp>
{
    private sealed record Child(string CaseReference, string ReferralId, string OfferId, string PlacementId, TestDps Dps, TestUser Officer, string OtherCouncilsReferralId, TestDps OtherDps);

    private async Task<Child> PlacedChildWithANamesakeElsewhereAsync()
    {
        var reference = "SAR-" + TestData.Unique("C")[2..];
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        using var client = await app.Data.ClientForAsync(officer);
        var body = app.Data.ReferralBody(dps.LotId);
        ((Dictionary<string, object?>)body["child"]!)["reference"] = reference;
        var referralId = (await (await client.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000 }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        // A risk assessment for providers, and a provider's question: both are held about the child.
        (await client.PostAsync($"/api/referrals/{referralId}/documents",
            Sharing.DocumentSamples.Form(Sharing.DocumentSamples.Pdf(), "Risk assessment.pdf", "RiskAssessment", "Placed"))).EnsureSuccessStatusCode();
        (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/questions", new { text = "Does she see her brother?" })).EnsureSuccessStatusCode();
        var placementId = (await (await client.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("placementId").GetString()!;

        // Another council uses the same case reference for its own child.
        var otherDps = await app.Data.CreateDpsAsync();
        using var otherOfficer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(otherDps));
        var otherBody = app.Data.ReferralBody(otherDps.LotId);
        ((Dictionary<string, object?>)otherBody["child"]!)["reference"] = reference;
        ((Dictionary<string, object?>)otherBody["child"]!)["firstName"] = "Otherchild";
        var other = (await (await otherOfficer.PostAsJsonAsync("/api/referrals", otherBody)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        return new Child(reference, referralId, offerId, placementId, dps, officer, other, otherDps);
    }

    [Theory]
    [InlineData(Role.PlacementManager)]
    [InlineData(Role.DataProtectionLead)]
    public async Task Export_HoldsEverythingAboutTheChild_FromTheirCouncilOnly_AndIsAudited(Role role)
    {
        var child = await PlacedChildWithANamesakeElsewhereAsync();
        var user = await app.Data.CreateUserAsync(role, child.Dps.Commissioner.LocalAuthorityId);
        using var client = await app.Data.ClientForAsync(user);

        var export = await (await client.GetAsync($"/api/subject-access?caseReference={Uri.EscapeDataString(child.CaseReference)}")).ReadJsonAsync(HttpStatusCode.OK);

        var text = export.GetRawText();
        Assert.Equal(child.ReferralId, Assert.Single(export.GetProperty("referrals").EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains("Amelia", text);
        Assert.DoesNotContain("Otherchild", text);
        Assert.DoesNotContain(child.OtherCouncilsReferralId, text);
        Assert.Equal(child.OfferId, Assert.Single(export.GetProperty("offers").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(child.PlacementId, Assert.Single(export.GetProperty("placements").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("Risk assessment.pdf", Assert.Single(export.GetProperty("documents").EnumerateArray()).GetProperty("fileName").GetString());
        Assert.Equal("Does she see her brother?", Assert.Single(export.GetProperty("questions").EnumerateArray()).GetProperty("text").GetString());
        var actions = export.GetProperty("auditEntries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("ReferralCreated", actions);
        Assert.Contains("DocumentUploaded", actions);
        Assert.Contains("QuestionAsked", actions);
        Assert.True(export.GetProperty("emails").GetArrayLength() > 0, "the emails about the referral");
        Assert.All(export.GetProperty("emails").EnumerateArray(), e => Assert.Contains(new[] { child.ReferralId, child.PlacementId, child.OfferId },
            id => (e.GetProperty("body").GetString() + e.GetProperty("reference").ToString() + e.GetProperty("subject").GetString()).Contains(id)));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var audited = await db.AuditEvents.SingleAsync(e => e.Action == "SubjectAccessExported" && e.ActorUserId == user.Id);
        Assert.Equal(child.Dps.Commissioner.LocalAuthorityId, audited.LocalAuthorityId);
        Assert.Equal(child.CaseReference, audited.EntityId);
    }

    /// <summary>
    /// A case reference typed in another case finds the same child, on every database (ADR 0015): PostgreSQL and SQLite
    /// compare exactly, so an export could have missed records that SQL Server would have found.
    /// </summary>
    [Fact]
    public async Task Export_ByTheReferenceInAnotherCase_FindsTheSameChild()
    {
        var child = await PlacedChildWithANamesakeElsewhereAsync();
        var lead = await app.Data.CreateUserAsync(Role.DataProtectionLead, child.Dps.Commissioner.LocalAuthorityId);
        using var client = await app.Data.ClientForAsync(lead);
        var typed = child.CaseReference.ToLowerInvariant();
        Assert.NotEqual(child.CaseReference, typed);

        var export = await (await client.GetAsync($"/api/subject-access?caseReference={Uri.EscapeDataString(typed)}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(child.ReferralId, Assert.Single(export.GetProperty("referrals").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(child.PlacementId, Assert.Single(export.GetProperty("placements").EnumerateArray()).GetProperty("id").GetString());
        Assert.DoesNotContain(child.OtherCouncilsReferralId, export.GetRawText());
    }

    [Fact]
    public async Task AnotherCouncil_FindsOnlyItsOwnNamesake_AndNeverTheOtherCouncilsReferral()
    {
        var child = await PlacedChildWithANamesakeElsewhereAsync();
        var otherManager = await app.Data.CreateUserAsync(Role.PlacementManager, child.OtherDps.Commissioner.LocalAuthorityId);
        using var other = await app.Data.ClientForAsync(otherManager);

        var theirs = await (await other.GetAsync($"/api/subject-access?caseReference={Uri.EscapeDataString(child.CaseReference)}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(child.OtherCouncilsReferralId, Assert.Single(theirs.GetProperty("referrals").EnumerateArray()).GetProperty("id").GetString());
        Assert.DoesNotContain(child.ReferralId, theirs.GetRawText());
        Assert.Empty(theirs.GetProperty("placements").EnumerateArray());

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/subject-access?referralId={child.ReferralId}")).StatusCode);
        using var stranger = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.DataProtectionLead));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/subject-access?caseReference={Uri.EscapeDataString(child.CaseReference)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/subject-access?referralId={child.ReferralId}")).StatusCode);

        // By referral id within the council: the same child.
        using var own = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, child.Dps.Commissioner.LocalAuthorityId));
        var byId = await (await own.GetAsync($"/api/subject-access?referralId={child.ReferralId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(child.CaseReference, byId.GetProperty("caseReference").GetString());
    }

    [Fact]
    public async Task UnfinishedReferrals_AboutTheChild_AreInTheExport_NotANamesakesOrALongerReference()
    {
        var child = await PlacedChildWithANamesakeElsewhereAsync();
        using var scope = app.Services.CreateScope();
        var unfinished = scope.ServiceProvider.GetRequiredService<UnfinishedReferrals>();
        static Actor OfficerOf(TestUser officer) => new(officer.Id, officer.Email, Role.PlacingOfficer, officer.LocalAuthorityId, null);
        string Answers(string reference, string firstName) => JsonSerializer.Serialize(new { reference, firstName }, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        // Begun in the child's council: this child's, and another child's whose reference starts with this one.
        var officer = OfficerOf(child.Officer);
        var theirs = (await unfinished.StartAsync(officer, Answers(child.CaseReference, "Begunchild"), ["placement", "child"])).Value!;
        await unfinished.StartAsync(officer, Answers(child.CaseReference + "7", "Longerchild"), ["child"]);
        // Begun in the other council, for its own child with the same reference.
        var otherOfficer = await app.Data.OfficerForAsync(child.OtherDps);
        await unfinished.StartAsync(OfficerOf(otherOfficer), Answers(child.CaseReference, "Elsewherechild"), ["child"]);

        using var client = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.DataProtectionLead, child.Dps.Commissioner.LocalAuthorityId));
        var export = await (await client.GetAsync($"/api/subject-access?caseReference={Uri.EscapeDataString(child.CaseReference)}")).ReadJsonAsync(HttpStatusCode.OK);
        var begun = Assert.Single(export.GetProperty("unfinishedReferrals").EnumerateArray());
        Assert.Equal(theirs.Id.ToString(), begun.GetProperty("id").GetString());
        Assert.Equal("Begunchild", begun.GetProperty("answers").GetProperty("firstName").GetString());
        Assert.Equal("placement,child", begun.GetProperty("completedSections").GetString());
        var text = export.GetRawText();
        Assert.DoesNotContain("Longerchild", text);
        Assert.DoesNotContain("Elsewherechild", text);
        // Who began it, and when it was read, are in the export's audit entries too.
        Assert.Contains(export.GetProperty("auditEntries").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "UnfinishedReferralStarted" && e.GetProperty("entityId").GetString() == theirs.Id.ToString());

        // A child known only from an unfinished referral is found, not "no such child".
        var onlyBegun = "SAR-" + TestData.Unique("U")[2..];
        await unfinished.StartAsync(officer, Answers(onlyBegun, "Onlybegun"), ["child"]);
        var onlyExport = await (await client.GetAsync($"/api/subject-access?caseReference={Uri.EscapeDataString(onlyBegun)}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(onlyExport.GetProperty("referrals").EnumerateArray());
        Assert.Equal("Onlybegun", Assert.Single(onlyExport.GetProperty("unfinishedReferrals").EnumerateArray()).GetProperty("answers").GetProperty("firstName").GetString());
    }

    [Theory]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.Commissioner)]
    [InlineData(Role.QaOfficer)]
    [InlineData(Role.ProviderUser)]
    [InlineData(Role.PlatformAdmin)]
    public async Task OtherRoles_Get403(Role role)
    {
        var child = await PlacedChildWithANamesakeElsewhereAsync();
        var user = role switch
        {
            Role.PlatformAdmin => new TestUser(Guid.Empty, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword, role, null, null),
            Role.ProviderUser => await app.Data.CreateUserAsync(role),
            _ => await app.Data.CreateUserAsync(role, child.Dps.Commissioner.LocalAuthorityId),
        };
        using var client = await app.Data.ClientForAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/subject-access?caseReference={Uri.EscapeDataString(child.CaseReference)}")).StatusCode);
        using var session = await app.SignInAsync(user);
        var page = await session.GetAsync("/subject-access");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/error/403", page.Headers.Location!.ToString());
    }

    [Fact]
    public async Task BadRequests_AreFieldErrors()
    {
        using var client = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.DataProtectionLead));
        var missing = await (await client.GetAsync("/api/subject-access")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("caseReference", out _));
        var badId = await (await client.GetAsync("/api/subject-access?referralId=nope")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(badId.GetProperty("errors").TryGetProperty("referralId", out _));
    }

    [Fact]
    public async Task Page_DownloadsTheExport_OrShowsTheErrorOnTheForm()
    {
        var child = await PlacedChildWithANamesakeElsewhereAsync();
        var lead = await app.Data.CreateUserAsync(Role.DataProtectionLead, child.Dps.Commissioner.LocalAuthorityId);
        using var session = await app.SignInAsync(lead);

        var download = await session.PostFormAsync("/subject-access", new() { ["CaseReference"] = child.CaseReference });
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(child.ReferralId, Assert.Single(json.GetProperty("referrals").EnumerateArray()).GetProperty("id").GetString());

        foreach (var (reference, message) in new[] { ("NOT-HELD-1", "holds no child with that case reference"), ("", "Enter the child&#x27;s case reference") })
        {
            var refused = await session.PostFormAsync("/subject-access", new() { ["CaseReference"] = reference });
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("govuk-error-summary", html);
            Assert.Contains(message, html);
        }
    }
}
