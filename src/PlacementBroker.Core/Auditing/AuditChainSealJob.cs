namespace PlacementBroker.Core.Auditing;

/// <summary>Every minute: seals the events appended since the last run.</summary>
public class AuditChainSealJob(AuditChain chain)
{
    public const string RecurringId = "audit-chain-seal";
    public const string Cron = "* * * * *";

    public async Task RunAsync() => await chain.SealAsync();
}
