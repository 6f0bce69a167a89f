using PlacementBroker.Core.Jobs;
using PlacementBroker.Core.Notifications;

namespace PlacementBroker.Web.Hosting;

/// <summary>Every recurring sweep, registered at start-up. Each is idempotent, so any node may run it at any time.</summary>
public static class RecurringJobs
{
    public static WebApplication ScheduleRecurringJobs(this WebApplication app)
    {
        var scheduler = app.Services.GetRequiredService<IJobScheduler>();
        scheduler.ScheduleRecurring<EmailDeliveryJob>(EmailDeliveryJob.RecurringId, job => job.RunAsync(), "* * * * *");
        scheduler.ScheduleRecurring<DecisionReminderJob>(DecisionReminderJob.RecurringId, job => job.RunAsync(), DecisionReminderJob.Cron);
        scheduler.ScheduleRecurring<ReferralDeadlineJob>(ReferralDeadlineJob.RecurringId, job => job.RunAsync(), ReferralDeadlineJob.Cron);
        scheduler.ScheduleRecurring<PlacementBroker.Core.Quality.QaReminderJob>(PlacementBroker.Core.Quality.QaReminderJob.RecurringId, job => job.RunAsync(), PlacementBroker.Core.Quality.QaReminderJob.Cron);
        scheduler.ScheduleRecurring<PlacementBroker.Core.Billing.BillingJob>(PlacementBroker.Core.Billing.BillingJob.RecurringId, job => job.RunAsync(), PlacementBroker.Core.Billing.BillingJob.Cron);
        scheduler.ScheduleRecurring<PlacementBroker.Core.Placements.PlacementSweepJob>(PlacementBroker.Core.Placements.PlacementSweepJob.RecurringId, job => job.RunAsync(), PlacementBroker.Core.Placements.PlacementSweepJob.Cron);
        scheduler.ScheduleRecurring<PlacementBroker.Core.Auditing.AuditChainSealJob>(PlacementBroker.Core.Auditing.AuditChainSealJob.RecurringId, job => job.RunAsync(), PlacementBroker.Core.Auditing.AuditChainSealJob.Cron);
        scheduler.ScheduleRecurring<PlacementBroker.Core.Auditing.AuditChainVerifyJob>(PlacementBroker.Core.Auditing.AuditChainVerifyJob.RecurringId, job => job.RunAsync(), PlacementBroker.Core.Auditing.AuditChainVerifyJob.Cron);
        scheduler.ScheduleRecurring<PlacementBroker.Core.DataProtection.RetentionPurgeJob>(PlacementBroker.Core.DataProtection.RetentionPurgeJob.RecurringId, job => job.RunAsync(), PlacementBroker.Core.DataProtection.RetentionPurgeJob.Cron);
        scheduler.ScheduleRecurring<UnfinishedReferralCleanupJob>(UnfinishedReferralCleanupJob.RecurringId, job => job.RunAsync(), UnfinishedReferralCleanupJob.Cron);
        scheduler.ScheduleRecurring<PlacementBroker.Core.Contracts.ContractManagementJob>(PlacementBroker.Core.Contracts.ContractManagementJob.RecurringId, job => job.RunAsync(), PlacementBroker.Core.Contracts.ContractManagementJob.Cron);
        return app;
    }
}
