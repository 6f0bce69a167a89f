using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Payments;
using Microsoft.Extensions.Options;

namespace PlacementBroker.Web.Api;

public static class BillingEndpoints
{
    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder app)
    {
        var billing = app.MapGroup("/api/billing").RequireAuthorization(Policies.Commissioner).WithTags("Billing");
        billing.MapPost("/runs", async (BillingRunRequest? request, BillingService service, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await service.RunAsync(http.ToActor(), request, http.RequestAborted))
                    // The same period again replays the first answer: the same run, with nothing new created.
                    .ToResult(run => Results.Created($"/api/billing/runs/{run.Id}", run)))
            .WithSummary("Run billing for the caller's authority: {periodStart, periodEnd}, both days included. One invoice per provider with a line per placement or block contract; the same period again returns the same run and creates nothing; a period overlapping another run is 409")
            .Produces<BillingRunView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        billing.MapGet("/runs", async (BillingService service, HttpContext http) => http.Paged(await service.RunsAsync(http.ToActor(), http.PageRequest(), http.RequestAborted)))
            .WithPaging()
            .WithSummary("The authority's billing runs, newest period first")
            .Produces<List<BillingRunSummary>>();
        billing.MapGet("/runs/{id:guid}", async (Guid id, BillingService service, HttpContext http) =>
                ApiResults.OkOrNotFound(await service.RunAsync(http.ToActor(), id, http.RequestAborted), "No such billing run for your authority."))
            .WithSummary("A billing run with its invoices and their lines")
            .Produces<BillingRunView>();

        app.MapPost("/api/placements/{id:guid}/price-changes", async (Guid id, PriceChangeRequest? request, PriceChangeService prices, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await prices.ChangeAsync(http.ToActor(), id, request, http.RequestAborted))
                    .ToResult(p => Results.Created($"/api/placements/{id}", p)))
            .RequireAuthorization(Policies.PlacementManager)
            .WithTags("Billing")
            .WithSummary("A spot placement's weekly price changes from a date: {weeklyPrice, effectiveFrom, reason?}. Placement managers of the authority; not into a period already billed (422)")
            .Produces<PlacementPrices>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        app.MapGet("/api/invoices", async (BillingService service, HttpContext http) => http.Paged(await service.InvoicesAsync(http.ToActor(), http.PageRequest(), http.RequestAborted)))
            .WithPaging()
            .RequireAuthorization(policy => policy.RequireRole(nameof(Role.Commissioner), nameof(Role.ProviderUser)))
            .WithTags("Billing")
            .WithSummary("Invoices: a commissioner's authority's, or a provider's own, newest period first, with their lines, status and payout")
            .Produces<List<InvoiceView>>();

        app.MapPost("/api/webhooks/stripe", async (HttpContext http, PaymentEventService payments, IOptions<StripeOptions> stripe, TimeProvider clock) =>
            {
                string json;
                using (var reader = new StreamReader(http.Request.Body))
                {
                    json = await reader.ReadToEndAsync(http.RequestAborted);
                }
                PaymentEvent verified;
                try
                {
                    verified = StripeWebhook.Verify(json, http.Request.Headers["Stripe-Signature"].ToString(), stripe.Value.WebhookSecret, clock.GetUtcNow());
                }
                catch (PaymentWebhookException e)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The webhook could not be verified", detail: e.Message);
                }
                var outcome = await payments.HandleAsync(verified, http.RequestAborted);
                return Results.Ok(new { received = true, outcome = outcome.ToString() });
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Billing")
            .WithSummary("Stripe's signed events. Verified on the raw body with Stripe:WebhookSecret (bad, missing or stale signature: 400, nothing written); each event id is handled once; invoice.paid and invoice.payment_failed change invoices; other types are acknowledged");
        return app;
    }
}
