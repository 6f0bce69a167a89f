namespace PlacementBroker.Core.Referrals;

/// <summary>Daily: deletes unfinished referrals untouched for <see cref="UnfinishedReferrals.KeepDays"/> days (data minimisation).</summary>
public class UnfinishedReferralCleanupJob(UnfinishedReferrals unfinished)
{
    public const string RecurringId = "unfinished-referral-cleanup";
    public const string Cron = "50 2 * * *";

    public async Task RunAsync() => await unfinished.DeleteUntouchedAsync(CancellationToken.None);
}
