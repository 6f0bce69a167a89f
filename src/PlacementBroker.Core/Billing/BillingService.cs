using System.Globalization;
using Microsoft.Extensions.Logging;
using PlacementBroker.Core.Payments;

namespace PlacementBroker.Core.Billing;

/// <summary>
/// Billing runs (spec 8): one invoice per authority and provider per period, a line per placement or block contract,
/// raised through the payment gateway. A run is idempotent: the same period again returns the same run and creates
/// nothing; a run interrupted halfway is completed by running it again, each invoice being created whole or not at all
/// and a unique index refusing a second invoice for the same authority, provider and period.
/// </summary>
public class BillingService(PlacementBrokerDbContext db, IPaymentGateway gateway, AuditTrail audit, TimeProvider clock, ILogger<BillingService> logger)
{
    public const int MaxPeriodDays = 92;

    public async Task<Outcome<BillingRunView>> RunAsync(Actor actor, BillingRunRequest request, CancellationToken ct = default)
    {
        if (Refusal<BillingRunView>(actor, request, out var authorityId, out var period) is { } refusal)
        {
            return refusal;
        }
        var run = await RunForAuthorityAsync(authorityId, period, actor, ct);
        return run.Succeeded ? Outcome<BillingRunView>.Success((await ViewAsync(run.Value!, ct))!) : Outcome<BillingRunView>.Conflict(run.Message!);
    }

    /// <summary>Billing is for the commissioners of an authority, for a period of at most <see cref="MaxPeriodDays"/> days.</summary>
    private static Outcome<T>? Refusal<T>(Actor actor, BillingRunRequest request, out Guid authorityId, out BillingPeriod period)
    {
        authorityId = default;
        period = default;
        if (actor.Role != Role.Commissioner || actor.LocalAuthorityId is not { } authority)
        {
            return Outcome<T>.Forbidden("Billing runs are for commissioners.");
        }
        if (CheckPeriod(request) is { Any: true } errors)
        {
            return Outcome<T>.Invalid(errors);
        }
        authorityId = authority;
        period = new BillingPeriod(request.PeriodStart!.Value, request.PeriodEnd!.Value);
        return null;
    }

    private static FieldErrors CheckPeriod(BillingRunRequest request)
    {
        var errors = new FieldErrors();
        errors.Required("periodStart", request.PeriodStart, "Enter the first day of the billing period");
        errors.Required("periodEnd", request.PeriodEnd, "Enter the last day of the billing period");
        if (request.PeriodStart is { } start && request.PeriodEnd is { } end)
        {
            if (end < start)
            {
                errors.Add("periodEnd", "The last day must be on or after the first day");
            }
            else if (end.DayNumber - start.DayNumber + 1 > MaxPeriodDays)
            {
                errors.Add("periodEnd", $"A billing period is at most {MaxPeriodDays} days: bill month by month");
            }
        }
        return errors;
    }

    /// <summary>
    /// What running the period would do, without doing it: the invoices it would raise (by provider, with how many
    /// placements and block contracts each and its total) and the period's run if it was already run, with who ran it
    /// and when. A completed run raises nothing new; an interrupted one adds the invoices it is missing.
    /// </summary>
    public async Task<Outcome<BillingPreview>> PreviewAsync(Actor actor, BillingRunRequest request, CancellationToken ct = default)
    {
        if (Refusal<BillingPreview>(actor, request, out var authorityId, out var period) is { } refusal)
        {
            return refusal;
        }
        var authority = await db.LocalAuthorities.AsNoTracking().Where(a => a.Id == authorityId).Select(a => a.Name).SingleAsync(ct);
        var existing = await db.BillingRuns.AsNoTracking()
            .Where(r => r.LocalAuthorityId == authorityId && r.PeriodStart == period.Start && r.PeriodEnd == period.End)
            .Select(r => new BillingRunHistory(r.Id, r.Status, r.StartedAt,
                db.Users.Where(u => u.Id == r.StartedByUserId).Select(u => u.DisplayName).FirstOrDefault(), r.CompletedAt))
            .SingleOrDefaultAsync(ct);
        var rows = new List<BillingSummaryRow>();
        var invoiced = new HashSet<Guid>();
        if (existing is not null)
        {
            var view = (await ViewAsync(existing.Id, ct))!;
            rows.AddRange(view.Invoices.Select(BillingSummaryRow.Of));
            invoiced.UnionWith(view.Invoices.Select(i => i.ProviderId));
        }
        if (existing?.Status != BillingRunStatus.Completed)
        {
            var owed = Invoiceable(await InvoiceLinesAsync(authorityId, period, ct)).Where(g => !invoiced.Contains(g.Key)).ToList();
            var providerIds = owed.Select(g => g.Key).ToList();
            var names = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            rows.AddRange(owed.Select(g => BillingSummaryRow.Of(authority, names.GetValueOrDefault(g.Key, ""),
                [.. g.Select(l => (l.Line.PlacementId, l.Line.BlockContractId, l.Line.Amount))])));
        }
        return Outcome<BillingPreview>.Success(new BillingPreview(period.Start, period.End, authority, existing,
            [.. rows.OrderBy(r => r.Provider, StringComparer.OrdinalIgnoreCase)]));
    }

    /// <summary>This period's lines and the adjustments to earlier billed periods, by provider: what a run invoices.</summary>
    private async Task<List<(Guid ProviderId, InvoiceLine Line)>> InvoiceLinesAsync(Guid authorityId, BillingPeriod period, CancellationToken ct)
    {
        var lines = new List<(Guid ProviderId, InvoiceLine Line)>();
        foreach (var charge in await ChargesAsync(authorityId, period, ct))
        {
            lines.Add((charge.ProviderId, new InvoiceLine
            {
                PlacementId = charge.PlacementId, BlockContractId = charge.BlockContractId, Days = charge.Days, Amount = charge.Amount,
                Description = $"{charge.Subject}: {Days(charge.Days)}",
            }));
        }
        lines.AddRange(await AdjustmentsAsync(authorityId, period, ct));
        return lines;
    }

    /// <summary>
    /// The providers that get an invoice. One whose lines come to nothing or less (a credit bigger than this period's
    /// charges) gets none now: nothing is recorded as billed, so the next run works it out again and nets the credit
    /// against what is owed then. A credit is never raised as a negative invoice, nor paid out.
    /// </summary>
    private static IEnumerable<IGrouping<Guid, (Guid ProviderId, InvoiceLine Line)>> Invoiceable(List<(Guid ProviderId, InvoiceLine Line)> lines) =>
        lines.GroupBy(l => l.ProviderId).Where(g => g.Sum(l => l.Line.Amount) > 0m);

    /// <summary>
    /// The child (case reference and name) of each placement billed in the run, for the run's own authority's
    /// commissioners; nothing for anyone else. An identity read, audited like opening a referral.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, BilledChild>> ChildrenAsync(Actor actor, Guid runId, CancellationToken ct = default)
    {
        if (actor.Role != Role.Commissioner || actor.LocalAuthorityId is not { } authorityId
            || !await db.BillingRuns.AnyAsync(r => r.Id == runId && r.LocalAuthorityId == authorityId, ct))
        {
            return new Dictionary<Guid, BilledChild>();
        }
        var placementIds = await db.InvoiceLines.AsNoTracking()
            .Where(l => l.PlacementId != null && db.Invoices.Any(i => i.Id == l.InvoiceId && i.BillingRunId == runId && i.LocalAuthorityId == authorityId))
            .Select(l => l.PlacementId!.Value).Distinct().ToListAsync(ct);
        var children = await db.Placements.AsNoTracking().Where(p => placementIds.Contains(p.Id) && p.LocalAuthorityId == authorityId)
            .Select(p => new { p.Id, p.Referral!.ChildReference, p.Referral.ChildFirstName, p.Referral.ChildLastName })
            .ToListAsync(ct);
        if (children.Count > 0)
        {
            audit.Record(actor, IdentityReads.BillingRun, nameof(BillingRun), runId,
                $"case references and names of {children.Count} placed children shown: {string.Join(",", children.Select(c => c.Id))}");
            await db.SaveChangesAsync(ct);
        }
        return children.ToDictionary(c => c.Id, c => new BilledChild(c.ChildReference, $"{c.ChildFirstName} {c.ChildLastName}"));
    }

    /// <summary>Gets or starts the authority's run for the period, completes it, and raises what is not yet raised.</summary>
    public async Task<Outcome<Guid>> RunForAuthorityAsync(Guid authorityId, BillingPeriod period, Actor? actor, CancellationToken ct = default)
    {
        var run = await FindRunAsync(authorityId, period, ct);
        if (run is null)
        {
            var started = await StartRunAsync(authorityId, period, actor, ct);
            if (!started.Succeeded)
            {
                return Outcome<Guid>.Conflict(started.Message!);
            }
            run = started.Value!;
        }
        if (run.Status != BillingRunStatus.Completed)
        {
            await CompleteAsync(run, period, ct);
        }
        await RaiseAsync(run.Id, ct);
        return Outcome<Guid>.Success(run.Id);
    }

    /// <summary>
    /// Inside a transaction: one authority's billing runs start and complete one at a time. Touching the authority's row
    /// locks it until the transaction ends (on SQLite the write lock is the database's).
    /// </summary>
    private Task LockAuthorityAsync(Guid authorityId, CancellationToken ct) =>
        db.LocalAuthorities.Where(a => a.Id == authorityId).ExecuteUpdateAsync(a => a.SetProperty(x => x.StripeCustomerId, x => x.StripeCustomerId), ct);

    private Task<BillingRun?> FindRunAsync(Guid authorityId, BillingPeriod period, CancellationToken ct) =>
        db.BillingRuns.SingleOrDefaultAsync(r => r.LocalAuthorityId == authorityId && r.PeriodStart == period.Start && r.PeriodEnd == period.End, ct);

    /// <summary>
    /// Starts the run unless another of the authority's runs overlaps the period. Under the authority's lock, two
    /// overlapping periods started at once cannot both pass the check, and the same period started twice makes one run.
    /// </summary>
    private async Task<Outcome<BillingRun>> StartRunAsync(Guid authorityId, BillingPeriod period, Actor? actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAuthorityAsync(authorityId, ct);
        if (await FindRunAsync(authorityId, period, ct) is { } existing)
        {
            await transaction.CommitAsync(ct);
            return Outcome<BillingRun>.Success(existing);
        }
        var overlapping = await db.BillingRuns.AsNoTracking()
            .Where(r => r.LocalAuthorityId == authorityId && r.PeriodStart <= period.End && r.PeriodEnd >= period.Start)
            .Select(r => new { r.PeriodStart, r.PeriodEnd }).FirstOrDefaultAsync(ct);
        if (overlapping is not null)
        {
            return Outcome<BillingRun>.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"The period overlaps the billing run for {overlapping.PeriodStart:yyyy-MM-dd} to {overlapping.PeriodEnd:yyyy-MM-dd}: a day is never billed twice."));
        }
        var run = new BillingRun
        {
            LocalAuthorityId = authorityId, PeriodStart = period.Start, PeriodEnd = period.End, Status = BillingRunStatus.InProgress,
            StartedByUserId = actor?.UserId, StartedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.BillingRuns.Add(run);
        audit.Record(actor, "BillingRunStarted", nameof(BillingRun), run.Id, $"{period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}", localAuthorityId: authorityId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<BillingRun>.Success(run);
    }

    /// <summary>What one placement or block contract comes to for a period: the line a run writes for it.</summary>
    private sealed record ChargeLine(Guid ProviderId, Guid? PlacementId, Guid? BlockContractId, int Days, decimal Amount, string Subject)
    {
        public string Key => PlacementId is { } p ? $"p:{p}" : $"b:{BlockContractId}";
    }

    /// <summary>
    /// Creates the invoices the run does not have yet, with this period's lines and the adjustments to earlier billed
    /// periods, all in one transaction under the authority's lock: a run is written whole or not at all, and two runs
    /// of one authority never adjust the same thing twice.
    /// </summary>
    private async Task CompleteAsync(BillingRun run, BillingPeriod period, CancellationToken ct)
    {
        var authorityId = run.LocalAuthorityId;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAuthorityAsync(authorityId, ct);
        var tracked = await db.BillingRuns.SingleAsync(r => r.Id == run.Id, ct);
        // Another request may have completed it while this one waited for the lock: read it afresh.
        await db.Entry(tracked).ReloadAsync(ct);
        if (tracked.Status == BillingRunStatus.Completed)
        {
            await transaction.CommitAsync(ct);
            run.Status = BillingRunStatus.Completed;
            return;
        }
        var invoiced = (await db.Invoices.AsNoTracking().Where(i => i.BillingRunId == run.Id).Select(i => i.ProviderId).ToListAsync(ct)).ToHashSet();

        var lines = await InvoiceLinesAsync(authorityId, period, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var provider in Invoiceable(lines).Where(g => !invoiced.Contains(g.Key)))
        {
            var invoice = new Invoice
            {
                BillingRunId = run.Id, LocalAuthorityId = authorityId, ProviderId = provider.Key, PeriodStart = period.Start, PeriodEnd = period.End,
                Status = InvoiceStatus.Draft, CreatedAt = now,
                Lines = [.. provider.Select(l => l.Line).OrderBy(l => l.AdjustsPeriodStart.HasValue).ThenBy(l => l.Description, StringComparer.Ordinal)],
            };
            invoice.Total = invoice.Lines.Sum(l => l.Amount);
            db.Invoices.Add(invoice);
        }
        tracked.Status = BillingRunStatus.Completed;
        tracked.CompletedAt = now;
        audit.Record(null, "BillingRunCompleted", nameof(BillingRun), run.Id, $"{lines.Count} lines", localAuthorityId: authorityId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        run.Status = BillingRunStatus.Completed;
    }

    /// <summary>Every spot placement's and block contract's charge for the period, by the charge rules and today's data.</summary>
    private async Task<List<ChargeLine>> ChargesAsync(Guid authorityId, BillingPeriod period, CancellationToken ct)
    {
        var spot = await db.Placements.AsNoTracking()
            .Where(p => p.LocalAuthorityId == authorityId && p.Kind == PlacementKind.Spot && p.StartDate <= period.End && (p.EndDate == null || p.EndDate >= period.Start))
            .Join(db.Settings, p => p.SettingId, s => s.Id, (p, s) => new { p.Id, p.ProviderId, p.StartDate, p.EndDate, p.WeeklyPrice, p.Places, Setting = s.Name })
            .ToListAsync(ct);
        var ids = spot.Select(p => p.Id).ToList();
        var changes = (await db.PlacementPriceChanges.AsNoTracking().Where(c => ids.Contains(c.PlacementId)).ToListAsync(ct)).ToLookup(c => c.PlacementId);
        var blocks = await db.BlockContracts.AsNoTracking()
            .Where(b => b.LocalAuthorityId == authorityId && b.StartDate <= period.End && b.EndDate >= period.Start)
            .ToListAsync(ct);
        var blockIds = blocks.Select(b => b.Id).ToList();
        var variations = (await db.BlockContractVariations.AsNoTracking().Where(v => blockIds.Contains(v.BlockContractId)).ToListAsync(ct))
            .ToLookup(v => v.BlockContractId);

        var charges = new List<ChargeLine>();
        foreach (var p in spot)
        {
            IReadOnlyList<PriceFrom> prices = changes[p.Id].Any()
                ? [.. changes[p.Id].Select(c => new PriceFrom(c.EffectiveFrom, c.WeeklyPrice))]
                : [new PriceFrom(p.StartDate, p.WeeklyPrice)];
            var charge = ChargeRules.Spot(period, p.StartDate, p.EndDate, prices, p.Places);
            if (charge.Days > 0)
            {
                // No child's name or case reference: invoices leave the platform for the payment provider.
                charges.Add(new ChargeLine(p.ProviderId, p.Id, null, charge.Days, charge.Amount,
                    $"Spot placement {ShortId(p.Id)} at {p.Setting}{(p.Places > 1 ? $", {p.Places} children" : "")}"));
            }
        }
        foreach (var b in blocks)
        {
            // Each day on the terms of that day: a variation dated inside the period splits the line's days, not the line.
            var terms = BlockTerms.Fold(b, variations[b.Id]);
            var charge = ChargeRules.Block(period, b.StartDate, b.EndDate, terms);
            if (charge.Days > 0)
            {
                var inPeriod = terms.Where(t => t.From <= period.End).ToList();
                var first = BlockTerms.On(terms, period.Start);
                var described = inPeriod.Where(t => t.From > period.Start).Aggregate(
                    string.Create(CultureInfo.GetCultureInfo("en-GB"), $"{first.Places} {(first.Places == 1 ? "place" : "places")} at {first.WeeklyPricePerPlace:C} a week"),
                    (text, t) => text + string.Create(CultureInfo.GetCultureInfo("en-GB"),
                        $"; {t.Places} {(t.Places == 1 ? "place" : "places")} at {t.WeeklyPricePerPlace:C} a week from {t.From:d MMM}"));
                charges.Add(new ChargeLine(b.ProviderId, null, b.Id, charge.Days, charge.Amount, $"Block contract {ShortId(b.Id)}: {described}"));
            }
        }
        return charges;
    }

    /// <summary>
    /// For each period of the last year already billed, what each placement and block contract comes to now against what
    /// was billed for it (with earlier adjustments): a placement recorded late, or ended earlier than billed, is put right
    /// on this period's invoice, once.
    /// </summary>
    private async Task<List<(Guid ProviderId, InvoiceLine Line)>> AdjustmentsAsync(Guid authorityId, BillingPeriod current, CancellationToken ct)
    {
        var yearAgo = current.Start.AddYears(-1);
        var earlier = await db.BillingRuns.AsNoTracking()
            .Where(r => r.LocalAuthorityId == authorityId && r.Status == BillingRunStatus.Completed && r.PeriodEnd < current.Start && r.PeriodStart >= yearAgo)
            .OrderBy(r => r.PeriodStart).Select(r => new { r.PeriodStart, r.PeriodEnd }).ToListAsync(ct);
        var adjustments = new List<(Guid, InvoiceLine)>();
        foreach (var run in earlier)
        {
            var period = new BillingPeriod(run.PeriodStart, run.PeriodEnd);
            var expected = (await ChargesAsync(authorityId, period, ct)).ToDictionary(c => c.Key);
            var billedLines = await db.InvoiceLines.AsNoTracking()
                .Join(db.Invoices.Where(i => i.LocalAuthorityId == authorityId), l => l.InvoiceId, i => i.Id, (l, i) => new
                {
                    i.ProviderId, l.PlacementId, l.BlockContractId, l.Days, l.Amount, l.AdjustsPeriodStart, l.AdjustsPeriodEnd, i.PeriodStart, i.PeriodEnd,
                })
                .Where(x => (x.AdjustsPeriodStart == null && x.PeriodStart == period.Start && x.PeriodEnd == period.End)
                    || (x.AdjustsPeriodStart == period.Start && x.AdjustsPeriodEnd == period.End))
                .ToListAsync(ct);
            var billed = billedLines
                .GroupBy(x => x.PlacementId is { } p ? $"p:{p}" : $"b:{x.BlockContractId}")
                .ToDictionary(g => g.Key, g => (g.First().ProviderId, g.First().PlacementId, g.First().BlockContractId, Days: g.Sum(x => x.Days), Amount: g.Sum(x => x.Amount)));
            foreach (var key in expected.Keys.Union(billed.Keys))
            {
                var now = expected.GetValueOrDefault(key);
                var was = billed.GetValueOrDefault(key);
                var days = (now?.Days ?? 0) - was.Days;
                var amount = (now?.Amount ?? 0m) - was.Amount;
                if (days == 0 && amount == 0m)
                {
                    continue;
                }
                var subject = now?.Subject ?? (was.PlacementId is { } p ? $"Spot placement {ShortId(p)}" : $"Block contract {ShortId(was.BlockContractId!.Value)}");
                adjustments.Add((now?.ProviderId ?? was.ProviderId, new InvoiceLine
                {
                    PlacementId = now?.PlacementId ?? was.PlacementId, BlockContractId = now?.BlockContractId ?? was.BlockContractId,
                    Days = days, Amount = amount, AdjustsPeriodStart = period.Start, AdjustsPeriodEnd = period.End,
                    Description = string.Create(CultureInfo.GetCultureInfo("en-GB"),
                        $"Adjustment for {period.Start:d MMM yyyy} to {period.End:d MMM yyyy}, {subject}: {Days(now?.Days ?? 0)} where {Days(was.Days)} were billed"),
                }));
            }
        }
        return adjustments;
    }

    private static string Days(int days) => $"{days} {(days == 1 ? "day" : "days")}";

    /// <summary>Raises the run's draft invoices through the gateway. A failure is kept on the invoice and tried again next time.</summary>
    public async Task RaiseAsync(Guid runId, CancellationToken ct = default)
    {
        if (!gateway.IsConfigured)
        {
            return;
        }
        var drafts = await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.BillingRunId == runId && i.Status == InvoiceStatus.Draft && i.Total > 0m).ToListAsync(ct);
        foreach (var invoice in drafts)
        {
            // What Stripe has done is recorded whatever happens to the request that asked for it.
            var none = CancellationToken.None;
            var stripeInvoiceId = invoice.StripeInvoiceId;
            try
            {
                var customer = await CustomerAsync(invoice.LocalAuthorityId, ct);
                await AccountAsync(invoice.ProviderId, ct);
                var provider = await db.Providers.AsNoTracking().Where(p => p.Id == invoice.ProviderId).Select(p => p.Name).SingleAsync(ct);
                var request = new PaymentInvoice(invoice.Id, customer,
                    string.Create(CultureInfo.InvariantCulture, $"{provider}: placements {invoice.PeriodStart:d MMM yyyy} to {invoice.PeriodEnd:d MMM yyyy}"),
                    invoice.PeriodStart, invoice.PeriodEnd, [.. invoice.Lines.Select(l => new PaymentInvoiceLine(l.Id, l.Description, Pence(l.Amount)))]);
                if (stripeInvoiceId is null)
                {
                    // Stored at once: a later retry completes this invoice rather than creating another.
                    stripeInvoiceId = await gateway.CreateInvoiceAsync(request, ct);
                    await db.Invoices.Where(i => i.Id == invoice.Id).ExecuteUpdateAsync(i => i.SetProperty(x => x.StripeInvoiceId, stripeInvoiceId), none);
                }
                await gateway.CompleteInvoiceAsync(stripeInvoiceId, request, ct);
                var raisedAt = clock.GetUtcNow().UtcDateTime;
                // Only a draft becomes open: a webhook may already have marked it paid.
                await db.Invoices.Where(i => i.Id == invoice.Id && i.Status == InvoiceStatus.Draft).ExecuteUpdateAsync(i => i
                    .SetProperty(x => x.Status, InvoiceStatus.Open).SetProperty(x => x.RaisedAt, raisedAt).SetProperty(x => x.LastError, (string?)null), none);
            }
            catch (PaymentGatewayException e)
            {
                logger.LogWarning(e, "Invoice {InvoiceId} could not be raised", invoice.Id);
                var message = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                await db.Invoices.Where(i => i.Id == invoice.Id).ExecuteUpdateAsync(i => i.SetProperty(x => x.LastError, message), none);
            }
        }
    }

    private async Task<string> CustomerAsync(Guid authorityId, CancellationToken ct)
    {
        var authority = await db.LocalAuthorities.SingleAsync(a => a.Id == authorityId, ct);
        if (authority.StripeCustomerId is null)
        {
            var email = await db.Users.AsNoTracking().Where(u => u.LocalAuthorityId == authorityId && u.Role == Role.Commissioner)
                .OrderBy(u => u.CreatedAt).Select(u => u.Email).FirstOrDefaultAsync(ct);
            authority.StripeCustomerId = await gateway.CreateCustomerAsync(new PaymentCustomer(authorityId, authority.Name, email), ct);
            await db.SaveChangesAsync(ct);
        }
        return authority.StripeCustomerId;
    }

    /// <summary>
    /// Where the provider's user sets up or updates its payouts: the provider's connected account (created the first time)
    /// and a one-off onboarding link back to <paramref name="returnUrl"/>.
    /// </summary>
    public async Task<Outcome<Uri>> PayoutOnboardingAsync(Actor actor, Uri returnUrl, CancellationToken ct = default)
    {
        if (actor.Role != Role.ProviderUser || actor.ProviderId is not { } providerId)
        {
            return Outcome<Uri>.Forbidden("Payouts are set up by the provider's own users.");
        }
        if (!await IsOrganisationAdminAsync(actor, ct))
        {
            return Outcome<Uri>.Forbidden("Only your organisation's administrator can set up payouts.");
        }
        if (!gateway.IsConfigured)
        {
            return Outcome<Uri>.BusinessRule("Payments are not set up on this platform yet: there is nothing to connect to.");
        }
        try
        {
            var account = await AccountAsync(providerId, ct);
            audit.Record(actor, "PayoutOnboardingStarted", "Provider", providerId, account, providerId: providerId);
            await db.SaveChangesAsync(ct);
            return Outcome<Uri>.Success(await gateway.OnboardingLinkAsync(account, returnUrl, returnUrl, ct));
        }
        catch (PaymentGatewayException e)
        {
            logger.LogWarning(e, "Payout onboarding for provider {ProviderId} failed", providerId);
            return Outcome<Uri>.BusinessRule($"Stripe could not start the set-up: {e.Message}. Try again in a few minutes.");
        }
    }

    /// <summary>Whether the actor is its provider's organisation admin: the one who may send its bank details to Stripe.</summary>
    public async Task<bool> IsOrganisationAdminAsync(Actor actor, CancellationToken ct = default) =>
        actor.Role == Role.ProviderUser && actor.ProviderId is { } providerId
        && await db.Users.AsNoTracking().AnyAsync(u => u.Id == actor.UserId && u.ProviderId == providerId && u.IsOrganisationAdmin, ct);

    public async Task<bool> HasPayoutAccountAsync(Guid providerId, CancellationToken ct = default) =>
        await db.Providers.AsNoTracking().AnyAsync(p => p.Id == providerId && p.StripeAccountId != null, ct);

    private async Task<string> AccountAsync(Guid providerId, CancellationToken ct)
    {
        var provider = await db.Providers.SingleAsync(p => p.Id == providerId, ct);
        if (provider.StripeAccountId is null)
        {
            provider.StripeAccountId = await gateway.CreateAccountAsync(new PaymentAccount(providerId, provider.Name, provider.ContactEmail), ct);
            await db.SaveChangesAsync(ct);
        }
        return provider.StripeAccountId;
    }

    /// <summary>What a placement has been billed, period by period, newest first. The caller has checked access.</summary>
    public async Task<List<PlacementCharge>> ChargesForPlacementAsync(Guid placementId, CancellationToken ct = default) =>
        await db.InvoiceLines.AsNoTracking().Where(l => l.PlacementId == placementId)
            .Join(db.Invoices, l => l.InvoiceId, i => i.Id, (l, i) => new
            {
                // An adjustment belongs to the period it puts right, not the invoice it travels on.
                PeriodStart = l.AdjustsPeriodStart ?? i.PeriodStart, PeriodEnd = l.AdjustsPeriodEnd ?? i.PeriodEnd, l.Days, l.Amount, i.Status,
            })
            .OrderByDescending(c => c.PeriodStart)
            .Select(c => new PlacementCharge(c.PeriodStart, c.PeriodEnd, c.Days, c.Amount, c.Status))
            .ToListAsync(ct);

    public static long Pence(decimal pounds) => (long)Math.Round(pounds * 100m, MidpointRounding.AwayFromZero);

    private static string ShortId(Guid id) => id.ToString("N")[^8..].ToUpperInvariant();

    /// <summary>The authority's billing runs, newest period first: the whole list, for in-process callers.</summary>
    public async Task<List<BillingRunSummary>> RunsAsync(Actor actor, CancellationToken ct = default) => [.. (await RunsAsync(actor, PageRequest.All, ct)).Items];

    /// <summary>One page of the authority's billing runs: newest period first, then by id.</summary>
    public async Task<Paged<BillingRunSummary>> RunsAsync(Actor actor, PageRequest page, CancellationToken ct = default)
    {
        if (actor.Role != Role.Commissioner || actor.LocalAuthorityId is not { } authorityId)
        {
            return new Paged<BillingRunSummary>([], 0, page);
        }
        return await db.BillingRuns.AsNoTracking().Where(r => r.LocalAuthorityId == authorityId)
            .OrderByDescending(r => r.PeriodStart).ThenBy(r => r.Id)
            .ToPagedAsync(page, q => q.Select(r => new BillingRunSummary(r.Id, r.PeriodStart, r.PeriodEnd, r.Status, r.StartedAt, r.Invoices.Count, r.Invoices.Sum(i => i.Total))), ct);
    }

    /// <summary>A run of the commissioner's own authority; null when there is no such run for them.</summary>
    public async Task<BillingRunView?> RunAsync(Actor actor, Guid runId, CancellationToken ct = default)
    {
        if (actor.Role != Role.Commissioner || actor.LocalAuthorityId is not { } authorityId
            || !await db.BillingRuns.AnyAsync(r => r.Id == runId && r.LocalAuthorityId == authorityId, ct))
        {
            return null;
        }
        return await ViewAsync(runId, ct);
    }

    /// <summary>Invoices the caller may see: a commissioner's authority's, or a provider's own: the whole list, for in-process callers.</summary>
    public async Task<List<InvoiceView>> InvoicesAsync(Actor actor, CancellationToken ct = default) => [.. (await InvoicesAsync(actor, PageRequest.All, ct)).Items];

    /// <summary>One page of the invoices the caller may see: newest period first, then by id.</summary>
    public async Task<Paged<InvoiceView>> InvoicesAsync(Actor actor, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Invoices.AsNoTracking();
        if (actor.Role == Role.Commissioner && actor.LocalAuthorityId is { } authorityId)
        {
            query = query.Where(i => i.LocalAuthorityId == authorityId);
        }
        else if (actor.Role == Role.ProviderUser && actor.ProviderId is { } providerId)
        {
            query = query.Where(i => i.ProviderId == providerId);
        }
        else
        {
            return new Paged<InvoiceView>([], 0, page);
        }
        var ids = await query.OrderByDescending(i => i.PeriodStart).ThenBy(i => i.Id).ToPagedAsync(page, q => q.Select(i => i.Id), ct);
        return new Paged<InvoiceView>(await InvoiceViewsAsync([.. ids.Items], ct), ids.Info);
    }

    private async Task<BillingRunView?> ViewAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.BillingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
        {
            return null;
        }
        var ids = await db.Invoices.AsNoTracking().Where(i => i.BillingRunId == runId).Select(i => i.Id).ToListAsync(ct);
        var invoices = await InvoiceViewsAsync(ids, ct);
        return new BillingRunView(run.Id, run.PeriodStart, run.PeriodEnd, run.Status, run.StartedAt, run.CompletedAt, invoices.Sum(i => i.Total),
            [.. invoices.OrderBy(i => i.ProviderName, StringComparer.OrdinalIgnoreCase)]);
    }

    private async Task<List<InvoiceView>> InvoiceViewsAsync(List<Guid> ids, CancellationToken ct)
    {
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var providerIds = invoices.Select(i => i.ProviderId).Distinct().ToList();
        var authorityIds = invoices.Select(i => i.LocalAuthorityId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var authorities = await db.LocalAuthorities.AsNoTracking().Where(a => authorityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var byId = invoices.ToDictionary(i => i.Id);
        return [.. ids.Select(id => byId[id]).Select(i => new InvoiceView(i.Id, i.BillingRunId, i.LocalAuthorityId,
            authorities.GetValueOrDefault(i.LocalAuthorityId, ""), i.ProviderId, providers.GetValueOrDefault(i.ProviderId, ""), i.PeriodStart, i.PeriodEnd, i.Total,
            i.Status, i.StripeInvoiceId, i.LastError, i.RaisedAt, i.PaidAt, i.PaidOutAt,
            [.. i.Lines.OrderBy(l => l.AdjustsPeriodStart.HasValue).ThenBy(l => l.Description, StringComparer.Ordinal)
                .Select(l => new InvoiceLineView(l.Id, l.PlacementId, l.BlockContractId, l.Description, l.Days, l.Amount, l.AdjustsPeriodStart, l.AdjustsPeriodEnd))]))];
    }
}
