using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Payments;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// Billing runs and Stripe's webhook. The market: Pennine (one provider) has a child placed from 30 November at £4,200 a
/// week (£600 a day) and a block contract of 2 places at £3,500 a week each (£1,000 a day for both); Oakfield has a
/// child placed from 30 November at £2,800 a week (£400 a day), who leaves on 20 December.
/// </summary>
public abstract class BillingApiTests(BillingApp app)
{
    private sealed record Market(TestDps Dps, HttpClient Commissioner, TestProvider Pennine, TestProvider Oakfield, string PenninePlacement, string OakfieldPlacement, string Block);

    private async Task<Market> MarketAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        var (pennine, pennineVacancy) = await app.Data.FittingProviderAsync(dps, 4200m);
        var (oakfield, oakfieldVacancy) = await app.Data.FittingProviderAsync(dps, 2800m);
        var penninePlacement = await app.Data.Placement(officer, dps.LotId).With(pennine, pennineVacancy).At(4200m).PlaceAsync();
        var oakfieldPlacement = await app.Data.Placement(officer, dps.LotId).With(oakfield, oakfieldVacancy).At(2800m).PlaceAsync();
        await (await officer.PostAsJsonAsync($"/api/placements/{oakfieldPlacement}/end", new { endDate = "2026-12-20", reason = "PlannedMove" })).ReadJsonAsync(HttpStatusCode.OK);
        var commissioner = await app.Data.ClientForAsync(dps.Commissioner);
        var block = (await (await commissioner.PostAsJsonAsync("/api/block-contracts", new
        {
            providerId = pennine.Id, lotId = dps.LotId, places = 2, weeklyPricePerPlace = 3500m, startDate = "2026-04-01", endDate = "2027-03-31",
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        return new Market(dps, commissioner, pennine, oakfield, penninePlacement, oakfieldPlacement, block);
    }

    private static JsonElement InvoiceOf(JsonElement run, TestProvider provider) =>
        run.GetProperty("invoices").EnumerateArray().Single(i => i.GetProperty("providerId").GetGuid() == provider.Id);

    [Fact]
    public async Task Run_December_AnInvoicePerProviderWithALinePerPlacementOrBlock_ExactAmounts()
    {
        var m = await MarketAsync();

        var run = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(2, run.GetProperty("invoices").GetArrayLength());
        var pennine = InvoiceOf(run, m.Pennine);
        // 31 days at £600, and 31 days of 2 places at £500 a day each.
        Assert.Equal(49600m, pennine.GetProperty("total").GetDecimal());
        var lines = pennine.GetProperty("lines").EnumerateArray().ToList();
        var spot = lines.Single(l => l.GetProperty("placementId").GetString() == m.PenninePlacement);
        Assert.Equal(31, spot.GetProperty("days").GetInt32());
        Assert.Equal(18600m, spot.GetProperty("amount").GetDecimal());
        var block = lines.Single(l => l.GetProperty("blockContractId").GetString() == m.Block);
        Assert.Equal(JsonValueKind.Null, block.GetProperty("placementId").ValueKind);
        Assert.Equal(31000m, block.GetProperty("amount").GetDecimal());
        // Oakfield: 1 to 19 December, the child having left on the 20th.
        var oakfield = InvoiceOf(run, m.Oakfield);
        Assert.Equal(7600m, oakfield.GetProperty("total").GetDecimal());
        Assert.Equal(19, oakfield.GetProperty("lines")[0].GetProperty("days").GetInt32());
        Assert.All(run.GetProperty("invoices").EnumerateArray(), i => Assert.Equal("Open", i.GetProperty("status").GetString()));
        var raised = run.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(2, app.Stripe.Requests.Count(r => r.Path == "/v1/invoices" && raised.Contains(r.Form["metadata[invoiceId]"])));
        Assert.Contains(app.Stripe.Requests, r => r.Path == "/v1/invoiceitems" && r.Form["amount"] == "3100000");
        Assert.Contains(app.Stripe.Requests, r => r.Path == "/v1/invoiceitems" && r.Form["amount"] == "1860000");
        Assert.DoesNotContain(app.Stripe.Requests, r => r.Form.Values.Any(v => v.Contains("Amelia") || v.Contains("Hartley-Testcase")));
    }

    [Fact]
    public async Task Run_SamePeriodAgain_TheSameRunAndNothingNew()
    {
        var m = await MarketAsync();
        var first = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);
        var invoicesAtStripe = app.Stripe.Requests.Count(r => r.Path == "/v1/invoices");

        var again = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Order(),
            again.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Order());
        Assert.Equal(invoicesAtStripe, app.Stripe.Requests.Count(r => r.Path == "/v1/invoices"));
        Assert.Single((await (await m.Commissioner.GetAsync("/api/billing/runs")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task Run_InterruptedWhenStripeRefusesOneInvoice_RunAgainCompletesWithoutDuplicates()
    {
        var m = await MarketAsync();
        var before = app.Stripe.Created("invoice");
        app.Stripe.FailNext("/v1/invoices", 400, "invalid_request_error", "The customer has no email address", method: "POST");

        var interrupted = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);
        var statuses = interrupted.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("status").GetString()).Order().ToList();
        Assert.Equal(["Draft", "Open"], statuses);
        var draft = interrupted.GetProperty("invoices").EnumerateArray().Single(i => i.GetProperty("status").GetString() == "Draft");
        Assert.Contains("The customer has no email address", draft.GetProperty("lastError").GetString());

        var completed = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.All(completed.GetProperty("invoices").EnumerateArray(), i => Assert.Equal("Open", i.GetProperty("status").GetString()));
        Assert.Equal(before + 2, app.Stripe.Created("invoice"));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.Equal(2, await db.Invoices.CountAsync(i => i.LocalAuthorityId == m.Dps.Commissioner.LocalAuthorityId));
        Assert.Equal(3, await db.InvoiceLines.CountAsync(l => db.Invoices.Any(i => i.Id == l.InvoiceId && i.LocalAuthorityId == m.Dps.Commissioner.LocalAuthorityId)));
    }

    [Fact]
    public async Task Run_StripeFailsAfterCreatingTheInvoice_RunAgainFinishesThatInvoiceNotANewOne()
    {
        var m = await MarketAsync();
        var before = app.Stripe.Created("invoice");
        // The first invoice is created in Stripe, then finalising it fails.
        app.Stripe.FailNext("/v1/invoices/in_", 503, "api_error", "Stripe is having a moment", method: "POST");

        var interrupted = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);
        var draft = interrupted.GetProperty("invoices").EnumerateArray().Single(i => i.GetProperty("status").GetString() == "Draft");
        var stripeInvoiceId = draft.GetProperty("stripeInvoiceId").GetString();
        Assert.StartsWith("in_", stripeInvoiceId);

        var completed = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);

        var finished = completed.GetProperty("invoices").EnumerateArray().Single(i => i.GetProperty("id").GetString() == draft.GetProperty("id").GetString());
        Assert.Equal("Open", finished.GetProperty("status").GetString());
        Assert.Equal(stripeInvoiceId, finished.GetProperty("stripeInvoiceId").GetString());
        Assert.Equal(before + 2, app.Stripe.Created("invoice"));
    }

    [Fact]
    public async Task Run_NextMonth_PutsRightWhatChangedInAMonthAlreadyBilled_Once()
    {
        var m = await MarketAsync();
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(m.Dps));
        var december = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(18600m, InvoiceOf(december, m.Pennine).GetProperty("lines").EnumerateArray()
            .Single(l => l.GetProperty("placementId").GetString() == m.PenninePlacement).GetProperty("amount").GetDecimal());
        // Recorded after December was billed: Pennine's child left on 20 December, and Oakfield took a second child from 10 December.
        await (await officer.PostAsJsonAsync($"/api/placements/{m.PenninePlacement}/end", new { endDate = "2026-12-20", reason = "ReturnedHome" })).ReadJsonAsync(HttpStatusCode.OK);
        var lateVacancy = await app.Data.CreateVacancyAsync(m.Oakfield, (await app.Data.CreateSettingAsync(m.Oakfield)), m.Dps.LotId, 2800m);
        var late = await app.Data.Placement(officer, m.Dps.LotId).With(m.Oakfield, lateVacancy).At(2800m).PlaceAsync();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var placement = await db.Placements.SingleAsync(p => p.Id == Guid.Parse(late));
            placement.StartDate = new DateOnly(2026, 12, 10);
            await db.SaveChangesAsync();
        }

        var january = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2027-01-01", periodEnd = "2027-01-31" })).ReadJsonAsync(HttpStatusCode.Created);
        var again = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2027-01-01", periodEnd = "2027-01-31" })).ReadJsonAsync(HttpStatusCode.Created);
        var february = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2027-02-01", periodEnd = "2027-02-28" })).ReadJsonAsync(HttpStatusCode.Created);

        // Pennine: billed 31 December days, due 19 (1–19 December): 12 days at £600 credited.
        var pennineAdjustment = InvoiceOf(january, m.Pennine).GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("adjustsPeriodStart").ValueKind != JsonValueKind.Null);
        Assert.Equal(m.PenninePlacement, pennineAdjustment.GetProperty("placementId").GetString());
        Assert.Equal(-12, pennineAdjustment.GetProperty("days").GetInt32());
        Assert.Equal(-7200m, pennineAdjustment.GetProperty("amount").GetDecimal());
        Assert.Equal("2026-12-01", pennineAdjustment.GetProperty("adjustsPeriodStart").GetString());
        Assert.Contains("19 days where 31 days were billed", pennineAdjustment.GetProperty("description").GetString());
        // Oakfield: the late child's 10–31 December (22 days at £400) is added to January's own line for that child.
        var oakfieldLines = InvoiceOf(january, m.Oakfield).GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("placementId").GetString() == late).ToList();
        Assert.Equal([(31, 12400m, false), (22, 8800m, true)],
            oakfieldLines.Select(l => (l.GetProperty("days").GetInt32(), l.GetProperty("amount").GetDecimal(), l.GetProperty("adjustsPeriodStart").ValueKind != JsonValueKind.Null)));
        Assert.Equal(InvoiceOf(january, m.Pennine).GetProperty("total").GetDecimal(), InvoiceOf(again, m.Pennine).GetProperty("total").GetDecimal());
        // February puts nothing right again: December now adds up.
        Assert.All(february.GetProperty("invoices").EnumerateArray(), i =>
            Assert.DoesNotContain(i.GetProperty("lines").EnumerateArray(), l => l.GetProperty("adjustsPeriodStart").ValueKind != JsonValueKind.Null));
    }

    [Fact]
    public async Task Run_ACreditBiggerThanWhatIsOwed_IsNoInvoice_ItIsNettedWhenSomethingIsOwedAgain()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        using var commissioner = await app.Data.ClientForAsync(dps.Commissioner);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 4200m);
        var first = await app.Data.Placement(officer, dps.LotId).With(provider, vacancyId).At(4200m).PlaceAsync();
        await (await commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);
        // After December was billed in full, the child turns out to have left on 20 December: 12 days (£7,200) to credit.
        await (await officer.PostAsJsonAsync($"/api/placements/{first}/end", new { endDate = "2026-12-20", reason = "ReturnedHome" })).ReadJsonAsync(HttpStatusCode.OK);

        var january = await (await commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2027-01-01", periodEnd = "2027-01-31" })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Empty(january.GetProperty("invoices").EnumerateArray());
        // A new child from 1 February: February's 28 days at £600 less the credit.
        var secondVacancy = await app.Data.CreateVacancyAsync(provider, await app.Data.CreateSettingAsync(provider), dps.LotId, 4200m);
        var second = await app.Data.Placement(officer, dps.LotId).With(provider, secondVacancy).At(4200m).PlaceAsync();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            (await db.Placements.SingleAsync(p => p.Id == Guid.Parse(second))).StartDate = new DateOnly(2027, 2, 1);
            await db.SaveChangesAsync();
        }
        var february = await (await commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2027-02-01", periodEnd = "2027-02-28" })).ReadJsonAsync(HttpStatusCode.Created);
        var invoice = february.GetProperty("invoices").EnumerateArray().Single();
        Assert.Equal(16800m - 7200m, invoice.GetProperty("total").GetDecimal());
        Assert.Equal(["2026-12-01"], invoice.GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty("adjustsPeriodStart").ValueKind != JsonValueKind.Null).Select(l => l.GetProperty("adjustsPeriodStart").GetString()));
    }

    [Fact]
    public async Task Run_BadOrOverlappingPeriod_Refused()
    {
        var m = await MarketAsync();
        await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);

        await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { })).AssertValidationProblemAsync("periodStart", "periodEnd");
        await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2027-01-31", periodEnd = "2027-01-01" })).AssertValidationProblemAsync("periodEnd");
        await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2027-01-01", periodEnd = "2027-12-31" })).AssertValidationProblemAsync("periodEnd");
        var overlap = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-15", periodEnd = "2027-01-14" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2026-12-01 to 2026-12-31", overlap.GetProperty("detail").GetString());
        Assert.Single((await (await m.Commissioner.GetAsync("/api/billing/runs")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task Billing_OnlyTheAuthoritysCommissioners_AndEachProviderItsOwnInvoices()
    {
        var m = await MarketAsync();
        var run = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);
        var runId = run.GetProperty("id").GetString();
        using var stranger = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.Commissioner, (await app.Data.CreateLocalAuthorityAsync()).Id));
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(m.Dps));
        using var pennine = await app.Data.ClientForAsync(m.Pennine.User);
        using var anonymous = app.CreateClient();

        await (await stranger.GetAsync($"/api/billing/runs/{runId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await stranger.GetAsync("/api/billing/runs")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty((await (await stranger.GetAsync("/api/invoices")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        foreach (var client in new[] { officer, pennine })
        {
            await (await client.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2027-01-01", periodEnd = "2027-01-31" })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/billing/runs/{runId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await officer.GetAsync("/api/invoices")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/invoices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2027-01-01", periodEnd = "2027-01-31" })).StatusCode);
        var mine = (await (await pennine.GetAsync("/api/invoices")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal([m.Pennine.Id], mine.Select(i => i.GetProperty("providerId").GetGuid()));
        Assert.Equal(49600m, mine[0].GetProperty("total").GetDecimal());
        Assert.Equal(2, (await (await m.Commissioner.GetAsync("/api/invoices")).ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task PriceChange_FromADate_EachDayChargedAtItsPrice_NeverIntoABilledPeriod()
    {
        var m = await MarketAsync();
        using var manager = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, m.Dps.Commissioner.LocalAuthorityId));
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(m.Dps));
        using var stranger = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, (await app.Data.CreateLocalAuthorityAsync()).Id));
        var path = $"/api/placements/{m.PenninePlacement}/price-changes";

        await (await officer.PostAsJsonAsync(path, new { weeklyPrice = 5600m, effectiveFrom = "2026-12-15" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsJsonAsync(path, new { weeklyPrice = 5600m, effectiveFrom = "2026-12-15" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostAsJsonAsync(path, new { weeklyPrice = 0m, effectiveFrom = "2026-01-01" })).AssertValidationProblemAsync("weeklyPrice", "effectiveFrom");
        var changed = await (await manager.PostAsJsonAsync(path, new { weeklyPrice = 5600m, effectiveFrom = "2026-12-15", reason = "Extra night staffing" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        // Today (23 November) the price in force is still £4,200; the change takes over on 15 December.
        Assert.Equal(4200m, changed.GetProperty("weeklyPrice").GetDecimal());
        Assert.Equal(["2026-11-30", "2026-12-15"], changed.GetProperty("prices").EnumerateArray().Select(p => p.GetProperty("from").GetString()));

        var run = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);

        // 1–14 December at £600 a day, 15–31 December at £800 a day.
        var spot = InvoiceOf(run, m.Pennine).GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("placementId").GetString() == m.PenninePlacement);
        Assert.Equal(31, spot.GetProperty("days").GetInt32());
        Assert.Equal(22000m, spot.GetProperty("amount").GetDecimal());
        var late = await (await manager.PostAsJsonAsync(path, new { weeklyPrice = 6300m, effectiveFrom = "2026-12-20" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("billed up to 31 December 2026", late.GetProperty("detail").GetString());
        await (await manager.PostAsJsonAsync(path, new { weeklyPrice = 6300m, effectiveFrom = "2027-01-01" })).ReadJsonAsync(HttpStatusCode.Created);
    }

    // --- Stripe's webhook ---

    private static string EventJson(string id, string type, string stripeInvoiceId, Guid invoiceId, DateTimeOffset created) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = id, ["object"] = "event", ["api_version"] = "2026-10-28.endive", ["created"] = created.ToUnixTimeSeconds(), ["livemode"] = false,
        ["pending_webhooks"] = 1, ["type"] = type, ["request"] = new { id = (string?)null, idempotency_key = (string?)null },
        ["data"] = new { @object = new Dictionary<string, object?> { ["id"] = stripeInvoiceId, ["object"] = "invoice", ["status"] = type == "invoice.paid" ? "paid" : "open", ["metadata"] = new { invoiceId = invoiceId.ToString() } } },
    });

    /// <summary>Signed the way Stripe signs: <c>t=…,v1=</c> hex HMAC-SHA256 of "{t}.{body}" with the endpoint's secret.</summary>
    private static string Signature(string body, DateTimeOffset at, string secret = BillingApp.WebhookSecret)
    {
        var t = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    private async Task<HttpResponseMessage> DeliverAsync(string body, string? signature)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("Stripe-Signature", signature);
        }
        return await client.SendAsync(request);
    }

    private async Task<(Guid InvoiceId, string StripeInvoiceId)> RaisedInvoiceAsync()
    {
        var m = await MarketAsync();
        var run = await (await m.Commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);
        var invoice = InvoiceOf(run, m.Pennine);
        return (invoice.GetProperty("id").GetGuid(), invoice.GetProperty("stripeInvoiceId").GetString()!);
    }

    private async Task<Core.Billing.Invoice> InvoiceAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Invoices.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    private async Task<int> EventsRecordedAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().PaymentEvents.CountAsync();
    }

    [Fact]
    public async Task Webhook_InvoicePaid_MarksItPaidAndPaysTheProviderOut_ARepeatChangesNothing()
    {
        var (invoiceId, stripeInvoiceId) = await RaisedInvoiceAsync();
        var now = app.Clock.GetUtcNow();
        var body = EventJson($"evt_{Guid.NewGuid():N}", "invoice.paid", stripeInvoiceId, invoiceId, now);

        var first = await (await DeliverAsync(body, Signature(body, now))).ReadJsonAsync(HttpStatusCode.OK);
        var paid = await InvoiceAsync(invoiceId);
        var transfers = app.Stripe.Requests.Where(r => r.Method == "POST" && r.Path == "/v1/transfers" && r.IdempotencyKey == IdempotencyKeys.Payout(invoiceId)).ToList();
        var repeat = await (await DeliverAsync(body, Signature(body, now))).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Applied", first.GetProperty("outcome").GetString());
        Assert.Equal(Core.Billing.InvoiceStatus.Paid, paid.Status);
        Assert.NotNull(paid.PaidOutAt);
        Assert.StartsWith("tr_", paid.StripeTransferId);
        Assert.Equal("4960000", Assert.Single(transfers).Form["amount"]);
        Assert.Equal("Repeat", repeat.GetProperty("outcome").GetString());
        Assert.Single(app.Stripe.Requests, r => r.Method == "POST" && r.Path == "/v1/transfers" && r.IdempotencyKey == IdempotencyKeys.Payout(invoiceId));
        Assert.Equal(paid.PaidOutAt, (await InvoiceAsync(invoiceId)).PaidOutAt);
    }

    [Fact]
    public async Task Webhook_TamperedUnsignedStaleOrWronglySigned_Is400AndWritesNothing()
    {
        var (invoiceId, stripeInvoiceId) = await RaisedInvoiceAsync();
        var now = app.Clock.GetUtcNow();
        var body = EventJson($"evt_{Guid.NewGuid():N}", "invoice.paid", stripeInvoiceId, invoiceId, now);
        var events = await EventsRecordedAsync();

        await (await DeliverAsync(body.Replace("invoice.paid", "invoice.voided"), Signature(body, now))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await DeliverAsync(body, null)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await DeliverAsync(body, Signature(body, now.AddSeconds(-301)))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await DeliverAsync(body, Signature(body, now, "whsec_someone_else"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await DeliverAsync("not json", Signature("not json", now))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(events, await EventsRecordedAsync());
        Assert.Equal(Core.Billing.InvoiceStatus.Open, (await InvoiceAsync(invoiceId)).Status);
    }

    [Fact]
    public async Task Webhook_OutOfOrderAndUnknownEvents_PaidStaysPaid()
    {
        var (invoiceId, stripeInvoiceId) = await RaisedInvoiceAsync();
        var now = app.Clock.GetUtcNow();
        var failedEarlier = EventJson($"evt_{Guid.NewGuid():N}", "invoice.payment_failed", stripeInvoiceId, invoiceId, now.AddMinutes(-10));
        var paid = EventJson($"evt_{Guid.NewGuid():N}", "invoice.paid", stripeInvoiceId, invoiceId, now.AddMinutes(-5));
        var unknown = EventJson($"evt_{Guid.NewGuid():N}", "invoice.finalized", stripeInvoiceId, invoiceId, now);

        var applied = await (await DeliverAsync(paid, Signature(paid, now))).ReadJsonAsync(HttpStatusCode.OK);
        var late = await (await DeliverAsync(failedEarlier, Signature(failedEarlier, now))).ReadJsonAsync(HttpStatusCode.OK);
        var ignored = await (await DeliverAsync(unknown, Signature(unknown, now))).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Applied", applied.GetProperty("outcome").GetString());
        Assert.Equal("Ignored", late.GetProperty("outcome").GetString());
        Assert.Equal("Ignored", ignored.GetProperty("outcome").GetString());
        Assert.Equal(Core.Billing.InvoiceStatus.Paid, (await InvoiceAsync(invoiceId)).Status);
    }

    [Fact]
    public async Task Webhook_PaymentFailed_MarksTheInvoiceFailed_ThenPaidWins()
    {
        var (invoiceId, stripeInvoiceId) = await RaisedInvoiceAsync();
        var now = app.Clock.GetUtcNow();
        var failed = EventJson($"evt_{Guid.NewGuid():N}", "invoice.payment_failed", stripeInvoiceId, invoiceId, now.AddMinutes(-10));
        var paid = EventJson($"evt_{Guid.NewGuid():N}", "invoice.paid", stripeInvoiceId, invoiceId, now.AddMinutes(-1));

        await (await DeliverAsync(failed, Signature(failed, now))).ReadJsonAsync(HttpStatusCode.OK);
        var afterFailure = await InvoiceAsync(invoiceId);
        await (await DeliverAsync(paid, Signature(paid, now))).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(Core.Billing.InvoiceStatus.PaymentFailed, afterFailure.Status);
        Assert.Equal(Core.Billing.InvoiceStatus.Paid, (await InvoiceAsync(invoiceId)).Status);
    }
}

public class BillingApiSqliteTests(BillingApp app) : BillingApiTests(app), IClassFixture<BillingApp>;

public class BillingApiPostgresTests(PostgresBillingApp app) : BillingApiTests(app), IClassFixture<PostgresBillingApp>;
