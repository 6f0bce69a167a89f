namespace PlacementBroker.Core.Billing;

public sealed record BillingRunRequest(DateOnly? PeriodStart, DateOnly? PeriodEnd);

public sealed record InvoiceLineView(Guid Id, Guid? PlacementId, Guid? BlockContractId, string Description, int Days, decimal Amount,
    DateOnly? AdjustsPeriodStart = null, DateOnly? AdjustsPeriodEnd = null);

public sealed record InvoiceView(
    Guid Id, Guid BillingRunId, Guid LocalAuthorityId, string LocalAuthority, Guid ProviderId, string ProviderName, DateOnly PeriodStart, DateOnly PeriodEnd,
    decimal Total, InvoiceStatus Status, string? StripeInvoiceId, string? LastError, DateTime? RaisedAt, DateTime? PaidAt, DateTime? PaidOutAt,
    IReadOnlyList<InvoiceLineView> Lines);

public sealed record BillingRunView(
    Guid Id, DateOnly PeriodStart, DateOnly PeriodEnd, BillingRunStatus Status, DateTime StartedAt, DateTime? CompletedAt, decimal Total,
    IReadOnlyList<InvoiceView> Invoices);

public sealed record PlacementCharge(DateOnly PeriodStart, DateOnly PeriodEnd, int Days, decimal Amount, InvoiceStatus Status);

public sealed record BillingRunSummary(Guid Id, DateOnly PeriodStart, DateOnly PeriodEnd, BillingRunStatus Status, DateTime StartedAt, int Invoices, decimal Total);

public sealed record PriceChangeRequest(decimal? WeeklyPrice, DateOnly? EffectiveFrom, string? Reason);

public sealed record PriceFromView(DateOnly From, decimal WeeklyPrice, string? Reason);

public sealed record PlacementPrices(Guid PlacementId, decimal WeeklyPrice, IReadOnlyList<PriceFromView> Prices);

/// <summary>A period's run as it was: who started it (null for the monthly schedule) and when.</summary>
public sealed record BillingRunHistory(Guid Id, BillingRunStatus Status, DateTime StartedAt, string? StartedBy, DateTime? CompletedAt);

/// <summary>One invoice of a run, or of a run's preview: the authority, the provider, what it covers and its total.</summary>
public sealed record BillingSummaryRow(string Authority, string Provider, int Placements, int BlockContracts, decimal Total)
{
    public static BillingSummaryRow Of(InvoiceView invoice) =>
        Of(invoice.LocalAuthority, invoice.ProviderName, [.. invoice.Lines.Select(l => (l.PlacementId, l.BlockContractId, l.Amount))]);

    public static BillingSummaryRow Of(string authority, string provider, IReadOnlyList<(Guid? PlacementId, Guid? BlockContractId, decimal Amount)> lines) =>
        new(authority, provider, lines.Where(l => l.PlacementId is not null).Select(l => l.PlacementId).Distinct().Count(),
            lines.Where(l => l.BlockContractId is not null).Select(l => l.BlockContractId).Distinct().Count(), lines.Sum(l => l.Amount));
}

/// <summary>What running a period would raise, and the period's run if it was run before.</summary>
public sealed record BillingPreview(DateOnly PeriodStart, DateOnly PeriodEnd, string Authority, BillingRunHistory? Previous, IReadOnlyList<BillingSummaryRow> Invoices)
{
    public decimal Total => Invoices.Sum(i => i.Total);
}

/// <summary>The child placed, as the placing authority's own staff see it on a billing line.</summary>
public sealed record BilledChild(string CaseReference, string Name);
