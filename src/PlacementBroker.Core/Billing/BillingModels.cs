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
