using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.DataProtection;
using PlacementBroker.Core.Sharing;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Sharing;

public class DocumentRetentionApp : PlacementBrokerApp;

/// <summary>
/// Documents leave the store when their retention period (365 days by default) has run from the referral closing without a
/// placement, or from the placement's end, and never while a child is still placed.
/// </summary>
public class DocumentRetentionTests(DocumentRetentionApp app) : IClassFixture<DocumentRetentionApp>
{
    private async Task<T> InDbAsync<T>(Func<PlacementBrokerDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }

    private static async Task<Guid> UploadAsync(HttpClient officer, Guid referralId) =>
        (await (await officer.PostAsync($"/api/referrals/{referralId}/documents", DocumentSamples.Form(DocumentSamples.Pdf(), "Risk assessment.pdf", "RiskAssessment", "Placed")))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task Documents_are_deleted_when_their_retention_ends_and_kept_while_the_child_is_placed()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officerUser = await app.Data.OfficerForAsync(dps);
        var officer = await app.Data.ClientForAsync(officerUser);
        var (provider, vacancy) = await app.Data.FittingProviderAsync(dps);
        var providerClient = await app.Data.ClientForAsync(provider.User);

        var withdrawn = await app.Data.Referral(dps.LotId).SendAsync(officer);
        var withdrawnDocument = await UploadAsync(officer, withdrawn);
        await (await officer.PostAsJsonAsync($"/api/referrals/{withdrawn}/withdraw", new { reason = "Returned home" })).ReadJsonAsync(HttpStatusCode.OK);

        var placed = await app.Data.Referral(dps.LotId).SendAsync(officer);
        var placedDocument = await UploadAsync(officer, placed);
        var offer = await (await providerClient.PostAsJsonAsync($"/api/referrals/{placed}/offers", new { vacancyId = vacancy, weeklyPrice = 5000m }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await officer.PostAsJsonAsync($"/api/offers/{offer.GetProperty("id").GetString()}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created);

        // A day short of the period: nothing goes.
        app.Clock.Advance(TimeSpan.FromDays(364));
        await app.Jobs.RunRecurringAsync(RetentionPurgeJob.RecurringId);
        // Signed in again after the year: tokens do not last that long.
        officer = await app.Data.ClientForAsync(officerUser);
        providerClient = await app.Data.ClientForAsync(provider.User);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/documents/{withdrawnDocument}")).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.Jobs.RunRecurringAsync(RetentionPurgeJob.RecurringId);
        officer = await app.Data.ClientForAsync(officerUser);
        providerClient = await app.Data.ClientForAsync(provider.User);
        await (await officer.GetAsync($"/api/documents/{withdrawnDocument}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var gone = await InDbAsync(db => db.ReferralDocuments.AsNoTracking().SingleAsync(d => d.Id == withdrawnDocument));
        Assert.NotNull(gone.DeletedAt);
        Assert.Equal("Deleted", gone.FileName);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        Assert.Null(await store.ReadAsync(gone.StorageKey));
        Assert.Equal(1, await InDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "DocumentDeleted" && e.EntityId == withdrawnDocument.ToString())));

        // The child placed a year ago is still placed: the provider still has the document.
        Assert.Equal(HttpStatusCode.OK, (await providerClient.GetAsync($"/api/documents/{placedDocument}")).StatusCode);

        // Run again: nothing more happens.
        await app.Jobs.RunRecurringAsync(RetentionPurgeJob.RecurringId);
        Assert.Equal(1, await InDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "DocumentDeleted" && e.EntityId == withdrawnDocument.ToString())));
        Assert.Equal(HttpStatusCode.OK, (await providerClient.GetAsync($"/api/documents/{placedDocument}")).StatusCode);
    }
}
