using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Placements;

/// <summary>
/// The placements list and the agreement name the child for the owning council's staff, each read audited; the agreement
/// has a readable reference, the risks, the notice period and both contacts; another council and a provider of another
/// placement get nothing.
/// </summary>
public class PlacementAgreementPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private sealed record Scene(TestUser Officer, TestProvider Provider, string Reference, Guid PlacementId);

    private async Task<Scene> PlacedAsync(string risks)
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 5000m);
        var body = app.Data.ReferralBody(dps.LotId);
        var child = (Dictionary<string, object?>)body["child"]!;
        child["riskSummary"] = risks;
        var referralId = await app.SendReferralAsync(officer, body);
        var offerId = await app.OfferAsync(provider, referralId, vacancyId, 5000m);
        using var api = await app.Data.ClientForAsync(officer);
        var placementId = (await (await api.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("placementId").GetGuid();
        return new Scene(officer, provider, (string)child["reference"]!, placementId);
    }

    private async Task<List<AuditEvent>> AuditAsync(string action, Guid actorId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Action == action && e.ActorUserId == actorId).ToListAsync();
    }

    [Fact]
    public async Task List_OwningCouncilsOfficer_SeesTheChildsNameAndReference_AndTheReadIsAudited()
    {
        var scene = await PlacedAsync("Goes missing at night");
        using var session = await PageSession.SignedInAsync(app, scene.Officer.Email, scene.Officer.Password);

        var list = await session.OpenAsync("/placements");

        var child = Assert.Single(list.AllByTestId("child"));
        Assert.Contains("Amelia Hartley-Testcase", child.TextContent);
        Assert.Contains(scene.Reference, child.TextContent);
        var audited = await AuditAsync(IdentityReads.PlacementList, scene.Officer.Id);
        Assert.Contains(audited, e => e.Detail!.Contains(scene.PlacementId.ToString()));
    }

    [Fact]
    public async Task List_Provider_DoesNotSeeTheChildColumn()
    {
        var scene = await PlacedAsync("None");
        using var session = await PageSession.SignedInAsync(app, scene.Provider.User.Email, scene.Provider.User.Password);

        var list = await session.OpenAsync("/placements");

        Assert.Empty(list.AllByTestId("child"));
        Assert.DoesNotContain(scene.Reference, list.Text);
        Assert.Empty(await AuditAsync(IdentityReads.PlacementList, scene.Provider.User.Id));
    }

    [Fact]
    public async Task Agreement_Officer_SeesReferenceRisksNoticeAndContacts_StableAcrossReads_EachReadAudited()
    {
        var scene = await PlacedAsync("Goes missing at night; safe with a key worker she trusts");
        using var session = await PageSession.SignedInAsync(app, scene.Officer.Email, scene.Officer.Password);
        var path = $"/placements/{scene.PlacementId}/agreement";

        var first = await session.OpenAsync(path);
        var second = await session.OpenAsync(path);

        var reference = first.ByTestId("agreement-reference").TextContent.Trim();
        Assert.Matches(new Regex(@"^PB-2026-\d{6}$"), reference);
        Assert.DoesNotContain(scene.PlacementId.ToString(), first.Text);
        Assert.Equal(reference, second.ByTestId("agreement-reference").TextContent.Trim());
        Assert.Contains("Goes missing at night; safe with a key worker she trusts", first.ByTestId("risks").TextContent);
        Assert.Contains("Amelia Hartley-Testcase", first.Text);
        Assert.Contains(scene.Reference, first.Text);
        Assert.Contains("28 days' written notice", first.Text);
        Assert.Contains(scene.Officer.Email, first.ByTestId("council-contact").TextContent);
        Assert.Contains(scene.Provider.Name, first.ByTestId("provider-contact").TextContent);
        Assert.Contains("@", first.ByTestId("provider-contact").TextContent);
        var reads = await AuditAsync(IdentityReads.Placement, scene.Officer.Id);
        Assert.Equal(2, reads.Count(e => e.EntityId == scene.PlacementId.ToString()));
    }

    [Fact]
    public async Task Agreement_TwoPlacements_HaveDifferentReferences()
    {
        var one = await PlacedAsync("None");
        var two = await PlacedAsync("None");
        using var first = await PageSession.SignedInAsync(app, one.Officer.Email, one.Officer.Password);
        using var second = await PageSession.SignedInAsync(app, two.Officer.Email, two.Officer.Password);

        var a = (await first.OpenAsync($"/placements/{one.PlacementId}/agreement")).ByTestId("agreement-reference").TextContent.Trim();
        var b = (await second.OpenAsync($"/placements/{two.PlacementId}/agreement")).ByTestId("agreement-reference").TextContent.Trim();

        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task Agreement_AnotherCouncilsOfficer_GetsNotFound_AndNothingIsAudited()
    {
        var scene = await PlacedAsync("None");
        var other = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var session = await PageSession.SignedInAsync(app, other.Email, other.Password);

        await session.GetPageAsync($"/placements/{scene.PlacementId}/agreement", HttpStatusCode.NotFound);
        var list = await session.OpenAsync("/placements");

        Assert.DoesNotContain(scene.Reference, list.Text);
        Assert.Empty(await AuditAsync(IdentityReads.Placement, other.Id));
    }

    [Fact]
    public async Task Agreement_ProviderOfAnotherPlacement_GetsNotFound_WhileItsOwnOpens()
    {
        var scene = await PlacedAsync("None");
        var rival = await PlacedAsync("None");
        using var session = await PageSession.SignedInAsync(app, rival.Provider.User.Email, rival.Provider.User.Password);

        await session.GetPageAsync($"/placements/{scene.PlacementId}/agreement", HttpStatusCode.NotFound);
        var own = await session.OpenAsync($"/placements/{rival.PlacementId}/agreement");

        Assert.Contains("Amelia Hartley-Testcase", own.Text);
        var reads = await AuditAsync(IdentityReads.Placement, rival.Provider.User.Id);
        Assert.DoesNotContain(reads, e => e.EntityId == scene.PlacementId.ToString());
        Assert.Contains(reads, e => e.EntityId == rival.PlacementId.ToString());
    }
}
