namespace PlacementBroker.Core.Billing;

/// <summary>
/// Monthly billing by schedule, as an idempotent daily sweep: every authority with placements or block contracts in
/// the previous month gets its run for that month (a month already billed is left as it is, so a missed day catches
/// up); invoices that could not be raised are tried again, and so are payouts of paid invoices.
/// </summary>
public class BillingJob(PlacementBrokerDbContext db, BillingService billing, PaymentEventService payments, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<BillingJob> logger)
{
    public const string RecurringId = "monthly-billing";
    public const string Cron = "30 6 * * *";

    public async Task RunAsync()
    {
        var lastMonth = BillingPeriod.Month(UkTime.Today(clock).AddMonths(-1));
        var authorities = await db.Placements.AsNoTracking()
            .Where(p => p.Kind == PlacementKind.Spot && p.StartDate <= lastMonth.End && (p.EndDate == null || p.EndDate >= lastMonth.Start))
            .Select(p => p.LocalAuthorityId)
            .Union(db.BlockContracts.AsNoTracking().Where(b => b.StartDate <= lastMonth.End && b.EndDate >= lastMonth.Start).Select(b => b.LocalAuthorityId))
            .Distinct().ToListAsync();
        foreach (var authority in authorities)
        {
            // A commissioner's own run overlapping the month is a conflict: that run stands. One authority's failure
            // does not stop the others; tomorrow's sweep tries it again.
            try
            {
                await billing.RunForAuthorityAsync(authority, lastMonth, actor: null);
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogError(logger, e, "Billing {Month} for authority {Authority} failed", lastMonth.Start, authority);
                db.ChangeTracker.Clear();
            }
        }
        var unraised = await db.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Draft).Select(i => i.BillingRunId).Distinct().ToListAsync();
        foreach (var run in unraised)
        {
            await billing.RaiseAsync(run);
        }
        var unpaidOut = await db.Invoices.Where(i => i.Status == InvoiceStatus.Paid && i.StripeTransferId == null && i.Total > 0m).ToListAsync();
        foreach (var invoice in unpaidOut)
        {
            await payments.PayOutAsync(invoice);
        }
    }
}
