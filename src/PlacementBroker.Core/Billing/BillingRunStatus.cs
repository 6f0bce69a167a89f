namespace PlacementBroker.Core.Billing;

public enum BillingRunStatus
{
    /// <summary>Started; some invoices may still be missing (an interrupted run). Running the period again completes it.</summary>
    InProgress,
    /// <summary>Every invoice of the period exists. Running the period again returns this run and creates nothing.</summary>
    Completed,
}
