using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Hubs;

/// <summary>The contract's hub events reach exactly the right people, carry nothing identifying, and a reconnecting client catches up.</summary>
public class LiveReferralTests(LiveApp app) : IClassFixture<LiveApp>
{
    private static readonly string[] ReferralEvents = ["referralReceived", "referralClosed"];
    private static readonly string[] OfferEvents = ["offerReceived", "offerUpdated"];

    private async Task<HubClient> ConnectAsync(TestUser user, params string[] events)
    {
        var client = new HubClient(app.ServerAddress, await app.Data.TokenAsync(user), events);
        await client.StartAsync();
        return client;
    }

    [Fact]
    public async Task ReferralReceived_ReachesAdmittedProvidersItFits_OrThatAskedForEveryReferral()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (fitting, _) = await app.Data.FittingProviderAsync(dps);
        var everything = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(everything, dps);
        var quiet = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(quiet, dps);
        var (suspended, _) = await app.Data.FittingProviderAsync(dps);
        var outsider = await app.Data.CreateProviderAsync();
        using (var commissioner = await app.Data.ClientForAsync(dps.Commissioner))
        {
            var members = await (await commissioner.GetAsync($"/api/dps/{dps.Id}/memberships")).ReadJsonAsync(HttpStatusCode.OK);
            var membership = members.EnumerateArray().Single(m => m.GetProperty("providerId").GetString() == suspended.Id.ToString()).GetProperty("id").GetString();
            await (await commissioner.PostAsJsonAsync($"/api/memberships/{membership}/suspend", new { reason = "QA red" })).ReadJsonAsync(HttpStatusCode.OK);
        }
        using (var everythingClient = await app.Data.ClientForAsync(everything.User))
        {
            await (await everythingClient.PutAsJsonAsync("/api/provider/alerts", new { alertForEveryReferral = true })).ReadJsonAsync(HttpStatusCode.OK);
        }
        await using var fittingHub = await ConnectAsync(fitting.User, ReferralEvents);
        await using var everythingHub = await ConnectAsync(everything.User, ReferralEvents);
        await using var quietHub = await ConnectAsync(quiet.User, ReferralEvents);
        await using var suspendedHub = await ConnectAsync(suspended.User, ReferralEvents);
        await using var outsiderHub = await ConnectAsync(outsider.User, ReferralEvents);
        using var officerClient = await app.Data.ClientForAsync(officer);

        var id = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        await (await officerClient.PostAsJsonAsync($"/api/referrals/{id}/withdraw", new { reason = "Placed with family" })).ReadJsonAsync(HttpStatusCode.OK);

        // Received, then closed: the closing notice reaches every recipient, so it bounds the wait for the quiet ones.
        Assert.Equal("referralReceived", (await fittingHub.NextAsync()).Event);
        Assert.Equal("referralReceived", (await everythingHub.NextAsync()).Event);
        Assert.Equal("referralClosed", (await quietHub.NextAsync()).Event);
        Assert.Equal("referralClosed", (await fittingHub.NextAsync()).Event);
        // The suspended provider and the outsider were never sent it: a hub-wide probe proves nothing came before.
        var hub = app.Services.GetService(typeof(IHubContext<Web.Hubs.MarketplaceHub>)) as IHubContext<Web.Hubs.MarketplaceHub>;
        await hub!.Clients.All.SendAsync("referralClosed", new { probe = true });
        Assert.Contains("probe", (await suspendedHub.NextAsync()).Payload);
        Assert.Contains("probe", (await outsiderHub.NextAsync()).Payload);
    }

    [Fact]
    public async Task ReferralReceived_PayloadHoldsTheContractsFieldsAndNothingIdentifying()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        await using var hub = await ConnectAsync(provider.User, ReferralEvents);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var body = app.Data.ReferralBody(dps.LotId);

        await (await officerClient.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created);

        var (name, payload) = await hub.NextAsync();
        Assert.Equal("referralReceived", name);
        var fields = JsonDocument.Parse(payload).RootElement.EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(new[] { "ageYears", "area", "gender", "lotId", "needs", "offerDeadline", "referralId", "startDate", "urgency" }, fields);
        Assert.DoesNotContain("Amelia", payload);
        Assert.DoesNotContain("2012-05-17", payload);
        Assert.DoesNotContain("LS6 3QN", payload);
        Assert.Contains("\"area\":\"LS6\"", payload);
    }

    [Fact]
    public async Task Offers_TheCreatorHearsEachNewAndChangedOffer()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        await using var officerHub = await ConnectAsync(officer, OfferEvents);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var id = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        using var providerClient = await app.Data.ClientForAsync(provider.User);

        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{id}/offers", new { vacancyId, weeklyPrice = 5250.5 })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        var received = await officerHub.NextAsync();
        await (await providerClient.PostAsync($"/api/offers/{offerId}/withdraw", null)).ReadJsonAsync(HttpStatusCode.OK);
        var updated = await officerHub.NextAsync();

        Assert.Equal("offerReceived", received.Event);
        var offer = JsonDocument.Parse(received.Payload).RootElement;
        Assert.Equal(offerId, offer.GetProperty("offerId").GetString());
        Assert.Equal(provider.Name, offer.GetProperty("providerName").GetString());
        Assert.Equal(5250.5m, offer.GetProperty("weeklyPrice").GetDecimal());
        Assert.Equal(1, offer.GetProperty("rank").GetInt32());
        Assert.True(offer.GetProperty("score").GetInt32() > 0);
        Assert.Equal("offerUpdated", updated.Event);
        Assert.Equal("Withdrawn", JsonDocument.Parse(updated.Payload).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Accept_ManagersHearTheApprovalRequestAndTheProviderHearsThePlacement()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 5000m, OfstedGrade.RequiresImprovement);
        await using var managerHub = await ConnectAsync(manager, "approvalRequested");
        await using var providerHub = await ConnectAsync(provider.User, "placementConfirmed");
        using var officerClient = await app.Data.ClientForAsync(officer);
        var id = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{id}/offers", new { vacancyId, weeklyPrice = 5000 })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();

        var approvalId = (await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted))
            .GetProperty("approvalId").GetString();
        var requested = await managerHub.NextAsync();
        using var managerClient = await app.Data.ClientForAsync(manager);
        var placementId = (await (await managerClient.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Approve", reason = "Checked" }))
            .ReadJsonAsync(HttpStatusCode.OK)).GetProperty("placementId").GetString();
        var confirmed = await providerHub.NextAsync();

        Assert.Equal("approvalRequested", requested.Event);
        Assert.Contains(approvalId!, requested.Payload);
        Assert.Equal("placementConfirmed", confirmed.Event);
        var payload = JsonDocument.Parse(confirmed.Payload).RootElement;
        Assert.Equal(new[] { "offerId", "placementId", "referralId" }, payload.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(placementId, payload.GetProperty("placementId").GetString());
    }

    [Fact]
    public async Task WatchReferral_ColleagueOfTheAuthority_HearsOffers()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var id = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        await using var managerHub = await ConnectAsync(manager, OfferEvents);

        await managerHub.Connection.InvokeAsync("WatchReferral", Guid.Parse(id));
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        await (await providerClient.PostAsJsonAsync($"/api/referrals/{id}/offers", new { vacancyId, weeklyPrice = 5000 })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("offerReceived", (await managerHub.NextAsync()).Event);
    }

    [Fact]
    public async Task WatchReferral_AnotherAuthority_IsRefused()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var id = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var stranger = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var provider = await app.Data.CreateProviderAsync();
        await using var strangerHub = await ConnectAsync(stranger);
        await using var providerHub = await ConnectAsync(provider.User);

        await Assert.ThrowsAsync<HubException>(() => strangerHub.Connection.InvokeAsync("WatchReferral", Guid.Parse(id)));
        await Assert.ThrowsAsync<HubException>(() => providerHub.Connection.InvokeAsync("WatchReferral", Guid.Parse(id)));
    }

    [Fact]
    public async Task Reconnect_ClientCatchesUpWithTheOffersItMissed()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var id = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var hub = await ConnectAsync(officer, OfferEvents);
        await hub.DisposeAsync();

        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{id}/offers", new { vacancyId, weeklyPrice = 5000 })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        await using var again = await ConnectAsync(officer, OfferEvents);
        var caughtUp = await (await officerClient.GetAsync($"/api/referrals/{id}/offers")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(offerId, caughtUp[0].GetProperty("id").GetString());
    }
}
