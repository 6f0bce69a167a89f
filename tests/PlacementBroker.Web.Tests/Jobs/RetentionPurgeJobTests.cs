using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.DataProtection;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Jobs;

/// <summary>
/// The retention purge with its defaults (a child's identity on a referral closed unplaced: 365 days; email bodies: 90 days).
/// Each test makes its referrals before it moves the clock, with dates relative to the clock, as time only goes forward.
/// </summary>
public class RetentionPurgeJobTests(RetentionApp app) : IClassFixture<RetentionApp>
{
    private async Task<T> WithDbAsync<T>(Func<PlacementBrokerDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }

    private Task<Referral> ReferralAsync(string id) => WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(id)));

    private Task<int> AnonymisedAuditsAsync(string id) => WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "ReferralAnonymised" && e.EntityId == id));

    private async Task<string> ReferAsync(HttpClient officer, TestDps dps, double deadlineHours = 48)
    {
        var body = app.Data.ReferralBody(dps.LotId);
        body["startDate"] = UkTime.Today(app.Clock).AddDays(7).ToString("yyyy-MM-dd");
        body["offerDeadline"] = app.Clock.GetUtcNow().UtcDateTime.AddHours(deadlineHours).ToString("O");
        return (await (await officer.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task UnfilledReferral_TwoRunsAtOnce_AnonymiseItOnce_AndItCannotBeSentAgain()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var ids = new List<string>();
        using (var client = await app.Data.ClientForAsync(officer))
        {
            for (var i = 0; i < 3; i++)
            {
                ids.Add(await ReferAsync(client, dps, deadlineHours: 1));
            }
        }
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.Jobs.RunRecurringAsync(ReferralDeadlineJob.RecurringId);
        foreach (var id in ids)
        {
            Assert.Equal(ReferralStatus.Unfilled, (await ReferralAsync(id)).Status);
        }

        app.Clock.Advance(TimeSpan.FromDays(366));
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<RetentionPurgeJob>().PurgeAsync();
        })));

        foreach (var id in ids)
        {
            Assert.NotNull((await ReferralAsync(id)).AnonymisedAt);
            Assert.Equal(1, await AnonymisedAuditsAsync(id));
        }
        Assert.True(results.Sum(r => r.ReferralsAnonymised) >= ids.Count);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var again = await officerClient.PostAsJsonAsync($"/api/referrals/{ids[0]}/rebroadcast", new
        {
            offerDeadline = app.Clock.GetUtcNow().UtcDateTime.AddDays(1).ToString("O"),
        });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task EmailBodies_DeliveredOrGivenUpOnBeforeTheLimit_AreDeleted_OthersKept()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        OutboxEmail Email(string name, DateTime created, DateTime? delivered, int attempts = 0) => new()
        {
            To = $"{TestData.Unique(name)}@test.placementbroker.uk", Subject = name, Body = $"About /referrals/{Guid.NewGuid()}", CreatedAt = created,
            DeliveredAt = delivered, DeliveredBy = delivered is null ? null : "GovukNotify", Attempts = attempts,
        };
        var old = Email("old", now.AddDays(-95), now.AddDays(-91));
        var recent = Email("recent", now.AddDays(-95), now.AddDays(-89));
        var waiting = Email("waiting", now.AddDays(-200), null);
        var abandoned = Email("abandoned", now.AddDays(-91), null, EmailDeliveryJob.MaxAttempts);
        await WithDbAsync(db =>
        {
            db.OutboxEmails.AddRange(old, recent, waiting, abandoned);
            return db.SaveChangesAsync();
        });

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionPurgeJob>().PurgeAsync();
        }

        var bodies = await WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => new[] { old.Id, recent.Id, waiting.Id, abandoned.Id }.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e));
        Assert.Equal("", bodies[old.Id].Body);
        Assert.Equal("", bodies[abandoned.Id].Body);
        Assert.Equal(recent.Body, bodies[recent.Id].Body);
        Assert.Equal(waiting.Body, bodies[waiting.Id].Body);
        Assert.Equal("old", bodies[old.Id].Subject);
        Assert.True(await WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "RetentionPurgeRun")));
    }
}

/// <summary>Retention settings out of range stop the service starting.</summary>
public class RetentionOptionsTests
{
    [Theory]
    [InlineData(29, 90, 365)]
    [InlineData(365, 0, 365)]
    [InlineData(365, 90, 4000)]
    public void OutOfRange_IsInvalid(int identityDays, int emailDays, int documentDays) =>
        Assert.False(RetentionOptions.AreValid(new RetentionOptions { UnplacedReferralIdentityDays = identityDays, EmailBodyDays = emailDays, DocumentDays = documentDays }));

    [Fact]
    public void Defaults_AreValid() => Assert.True(RetentionOptions.AreValid(new RetentionOptions()));
}

/// <summary>
/// The retention purge on a withdrawn referral beside a placed one. Its own host: the child is placed on the test data's
/// fixed dates before the clock moves on a year.
/// </summary>
public class RetentionPurgeWithdrawnTests(RetentionPlacedApp app) : IClassFixture<RetentionPlacedApp>
{
    private async Task<T> WithDbAsync<T>(Func<PlacementBrokerDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }

    private Task<Referral> ReferralAsync(string id) => WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(id)));

    private Task<int> AnonymisedAuditsAsync(string id) => WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "ReferralAnonymised" && e.EntityId == id));

    private async Task<string> ReferAsync(HttpClient officer, TestDps dps, double deadlineHours = 48)
    {
        var body = app.Data.ReferralBody(dps.LotId);
        body["startDate"] = UkTime.Today(app.Clock).AddDays(7).ToString("yyyy-MM-dd");
        body["offerDeadline"] = app.Clock.GetUtcNow().UtcDateTime.AddHours(deadlineHours).ToString("O");
        return (await (await officer.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task WithdrawnReferral_KeptADayBeforeTheLimit_AnonymisedADayAfter_APlacedOneNever()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using (var client = await app.Data.ClientForAsync(officer))
        {
            var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
            await app.Data.Placement(client, dps.LotId).With(provider, vacancyId).At(5000m).PlaceAsync();
        }
        var placed = await WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.LocalAuthorityId == officer.LocalAuthorityId && r.Status == ReferralStatus.Placed)
            .Select(r => r.Id.ToString()).SingleAsync());
        string withdrawn;
        using (var client = await app.Data.ClientForAsync(officer))
        {
            withdrawn = await ReferAsync(client, dps);
            (await client.PostAsJsonAsync($"/api/referrals/{withdrawn}/withdraw", new { reason = "Amelia is staying with her aunt" })).EnsureSuccessStatusCode();
        }
        var before = await ReferralAsync(withdrawn);

        app.Clock.Advance(TimeSpan.FromDays(364));
        await app.Jobs.RunRecurringAsync(RetentionPurgeJob.RecurringId);
        var kept = await ReferralAsync(withdrawn);
        Assert.Null(kept.AnonymisedAt);
        Assert.Equal("Amelia", kept.ChildFirstName);

        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.Jobs.RunRecurringAsync(RetentionPurgeJob.RecurringId);

        var gone = await ReferralAsync(withdrawn);
        Assert.NotNull(gone.AnonymisedAt);
        Assert.Equal(RetentionPurgeJob.Anonymised, gone.ChildFirstName);
        Assert.Equal(RetentionPurgeJob.Anonymised, gone.ChildLastName);
        Assert.Equal(RetentionPurgeJob.Anonymised, gone.ChildReference);
        Assert.NotEqual(before.ChildDateOfBirth, gone.ChildDateOfBirth);
        Assert.Null(gone.WishesAndFeelings);
        Assert.Null(gone.ClosedReason);
        Assert.Equal("LS6", gone.HomePostcode);
        // What sufficiency counts stays: age on the start date, gender, needs, status.
        Assert.Equal(MatchService.AgeOn(before.ChildDateOfBirth, before.StartDate), MatchService.AgeOn(gone.ChildDateOfBirth, gone.StartDate));
        Assert.Equal(before.ChildGender, gone.ChildGender);
        Assert.Equal(before.Needs, gone.Needs);
        Assert.Equal(ReferralStatus.Withdrawn, gone.Status);
        Assert.Equal(1, await AnonymisedAuditsAsync(withdrawn));

        var stillPlaced = await ReferralAsync(placed);
        Assert.Null(stillPlaced.AnonymisedAt);
        Assert.Equal("Amelia", stillPlaced.ChildFirstName);

        // The officer sees the anonymised referral; a rerun changes nothing more.
        using (var client = await app.Data.ClientForAsync(officer))
        {
            var shown = await (await client.GetAsync($"/api/referrals/{withdrawn}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.DoesNotContain("Amelia", shown.GetRawText());
        }
        await app.Jobs.RunRecurringAsync(RetentionPurgeJob.RecurringId);
        Assert.Equal(1, await AnonymisedAuditsAsync(withdrawn));
        Assert.Equal(gone.AnonymisedAt, (await ReferralAsync(withdrawn)).AnonymisedAt);
    }
}
