namespace PlacementBroker.Core.Data.Configurations;

public class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.HasOne(e => e.Referral).WithMany().HasForeignKey(e => e.ReferralId);
        builder.HasOne<Referrals.Offer>().WithMany().HasForeignKey(e => e.OfferId);
        builder.HasOne<Identity.LocalAuthority>().WithMany().HasForeignKey(e => e.LocalAuthorityId);
        builder.HasOne<Providers.Provider>().WithMany().HasForeignKey(e => e.ProviderId);
        builder.HasOne<Providers.Setting>().WithMany().HasForeignKey(e => e.SettingId);
        builder.HasOne<Providers.Vacancy>().WithMany().HasForeignKey(e => e.VacancyId);
        builder.HasOne<BlockContract>().WithMany().HasForeignKey(e => e.BlockContractId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.Property(e => e.EndNotes).HasMaxLength(2000);
        // Every change of state is conditional on the state it was read in: a racing change gets a conflict, not a lost update.
        builder.Property(e => e.Status).IsConcurrencyToken();
        // One placement per referral: the database settles two officers racing for the same child.
        builder.HasIndex(e => e.ReferralId).IsUnique();
        builder.HasIndex(e => new { e.LocalAuthorityId, e.Status });
        builder.HasIndex(e => new { e.ProviderId, e.Status });
        // Price disparity and benchmarks: placements made in a period.
        builder.HasIndex(e => new { e.LocalAuthorityId, e.CreatedAt });
    }
}
