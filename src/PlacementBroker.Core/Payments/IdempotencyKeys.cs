namespace PlacementBroker.Core.Payments;

/// <summary>Idempotency keys from our own ids: the same thing asked for twice has the same key.</summary>
public static class IdempotencyKeys
{
    public static string Customer(Guid localAuthorityId) => $"pb-customer-{localAuthorityId:N}";
    public static string Account(Guid providerId) => $"pb-account-{providerId:N}";
    public static string Invoice(Guid invoiceId) => $"pb-invoice-{invoiceId:N}";
    public static string InvoiceLine(Guid lineId) => $"pb-invoice-line-{lineId:N}";
    public static string Finalise(Guid invoiceId) => $"pb-invoice-finalise-{invoiceId:N}";
    public static string Send(Guid invoiceId) => $"pb-invoice-send-{invoiceId:N}";
    public static string Payout(Guid invoiceId) => $"pb-payout-{invoiceId:N}";
}
