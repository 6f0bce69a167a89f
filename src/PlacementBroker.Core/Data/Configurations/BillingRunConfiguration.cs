namespace PlacementBroker.Core.Data.Configurations;

public class BillingRunConfiguration : IEntityTypeConfiguration<BillingRun>
{
    public void Configure(EntityTypeBuilder<BillingRun> builder)
    {
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.StartedByUserId);
        // The same period twice is the same run: two requests racing to start it make one.
        builder.HasIndex(e => new { e.LocalAuthorityId, e.PeriodStart, e.PeriodEnd }).IsUnique();
    }
}
