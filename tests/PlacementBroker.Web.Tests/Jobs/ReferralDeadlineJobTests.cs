using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Jobs;

/// <summary>The referral sweep: deadlines close referrals to offers and alert the officer; emergencies with no offer escalate.</summary>
public class ReferralDeadlineJobTests(DeadlineApp app) : IClassFixture<DeadlineApp>
{
    private async Task<(TestDps Dps, TestUser Officer, HttpClient Client)> OfficerAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        return (dps, officer, await app.Data.ClientForAsync(officer));
    }

    private async Task<string> ReferAsync(HttpClient officer, TestDps dps, string urgency = "Planned", double deadlineHours = 1)
    {
        var body = app.Data.ReferralBody(dps.LotId, urgency: urgency);
        body["offerDeadline"] = app.Clock.GetUtcNow().UtcDateTime.AddHours(deadlineHours).ToString("O");
        return (await (await officer.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Deadline_NoOffer_MarksUnfilledAlertsOnceAndAllowsARebroadcast()
    {
        var (dps, officer, client) = await OfficerAsync();
        var id = await ReferAsync(client, dps);
        app.Clock.Advance(TimeSpan.FromHours(2));

        await app.Jobs.RunRecurringAsync(ReferralDeadlineJob.RecurringId);
        await app.Jobs.RunRecurringAsync(ReferralDeadlineJob.RecurringId);

        // The clock moved past the first token's hour: sign in again.
        client = await app.Data.ClientForAsync(officer);
        var referral = await (await client.GetAsync($"/api/referrals/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Unfilled", referral.GetProperty("status").GetString());
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            Assert.Equal(1, await db.OutboxEmails.CountAsync(e => e.To == officer.Email && e.Subject.Contains("no acceptable offer")));
        }
        var again = await client.PostAsJsonAsync($"/api/referrals/{id}/rebroadcast", new
        {
            maxDistanceMiles = 40, weeklyBudget = 7000, offerDeadline = app.Clock.GetUtcNow().UtcDateTime.AddDays(1).ToString("O"),
        });
        var fresh = await again.ReadJsonAsync(HttpStatusCode.Created);
        var freshReferral = await (await client.GetAsync($"/api/referrals/{fresh.GetProperty("id").GetString()}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(40, freshReferral.GetProperty("maxDistanceMiles").GetDouble());
        Assert.Equal(id, freshReferral.GetProperty("previousReferralId").GetString());
    }

    [Fact]
    public async Task Deadline_WithAnAcceptableOffer_StaysOpenForTheOfficerToChoose()
    {
        var (dps, officer, client) = await OfficerAsync();
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        var id = await ReferAsync(client, dps);
        using (var providerClient = await app.Data.ClientForAsync(provider.User))
        {
            await (await providerClient.PostAsJsonAsync($"/api/referrals/{id}/offers", new { vacancyId, weeklyPrice = 5000 })).ReadJsonAsync(HttpStatusCode.Created);
        }
        app.Clock.Advance(TimeSpan.FromHours(2));

        await app.Jobs.RunRecurringAsync(ReferralDeadlineJob.RecurringId);

        client = await app.Data.ClientForAsync(officer);
        var referral = await (await client.GetAsync($"/api/referrals/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Open", referral.GetProperty("status").GetString());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.True(await db.OutboxEmails.AnyAsync(e => e.To == officer.Email && e.Subject.Contains("offers are ready")));
    }

    [Fact]
    public async Task Emergency_NoOfferAfterTwoHours_EscalatesToThePlacementManagersOnce()
    {
        var (dps, officer, client) = await OfficerAsync();
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId);
        await ReferAsync(client, dps, urgency: "Emergency", deadlineHours: 12);

        app.Clock.Advance(TimeSpan.FromMinutes(90));
        await app.Jobs.RunRecurringAsync(ReferralDeadlineJob.RecurringId);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            Assert.False(await db.OutboxEmails.AnyAsync(e => e.To == manager.Email));
        }
        app.Clock.Advance(TimeSpan.FromMinutes(45));
        await app.Jobs.RunRecurringAsync(ReferralDeadlineJob.RecurringId);
        await app.Jobs.RunRecurringAsync(ReferralDeadlineJob.RecurringId);

        using var after = app.Services.CreateScope();
        var emails = await after.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails.Where(e => e.To == manager.Email).ToListAsync();
        Assert.Contains("has no offer", Assert.Single(emails).Subject);
    }
}
