namespace PlacementBroker.Core.Auditing;

/// <summary>Hourly: seals what is waiting, then recomputes the whole chain and records (and logs) the first broken link.</summary>
public class AuditChainVerifyJob(AuditChain chain)
{
    public const string RecurringId = "audit-chain-verify";
    public const string Cron = "20 * * * *";

    public async Task RunAsync()
    {
        await chain.SealAsync();
        await chain.VerifyAsync();
    }
}
