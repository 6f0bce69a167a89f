using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlacementBroker.Core.Dps;

namespace PlacementBroker.Core.Data.Configurations;

public class DpsConfiguration : IEntityTypeConfiguration<DynamicPurchasingSystem>
{
    public void Configure(EntityTypeBuilder<DynamicPurchasingSystem> builder)
    {
        builder.ToTable("DynamicPurchasingSystems");
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.HasOne(e => e.LeadLocalAuthority).WithMany().HasForeignKey(e => e.LeadLocalAuthorityId);
        builder.HasMany(e => e.Participants).WithOne().HasForeignKey(p => p.DpsId);
        builder.HasMany(e => e.Lots).WithOne(l => l.Dps).HasForeignKey(l => l.DpsId);
        builder.HasIndex(e => e.Status);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.ComplexProperty(e => e.Weights, weights =>
        {
            weights.Property(w => w.Needs).HasColumnName("WeightNeeds").HasDefaultValue(1.0);
            weights.Property(w => w.OfstedGrade).HasColumnName("WeightOfstedGrade").HasDefaultValue(1.0);
            weights.Property(w => w.Price).HasColumnName("WeightPrice").HasDefaultValue(1.0);
            weights.Property(w => w.Distance).HasColumnName("WeightDistance").HasDefaultValue(1.0);
            weights.Property(w => w.QaStatus).HasColumnName("WeightQaStatus").HasDefaultValue(1.0);
            weights.Property(w => w.TrackRecord).HasColumnName("WeightTrackRecord").HasDefaultValue(1.0);
        });
    }
}

public class DpsParticipantConfiguration : IEntityTypeConfiguration<DpsParticipant>
{
    public void Configure(EntityTypeBuilder<DpsParticipant> builder)
    {
        builder.HasKey(e => new { e.DpsId, e.LocalAuthorityId });
        builder.HasOne(e => e.LocalAuthority).WithMany().HasForeignKey(e => e.LocalAuthorityId);
    }
}

public class DpsLotConfiguration : IEntityTypeConfiguration<DpsLot>
{
    public void Configure(EntityTypeBuilder<DpsLot> builder)
    {
        builder.ToTable("Lots");
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.HasMany(e => e.Questions).WithOne().HasForeignKey(q => q.LotId);
    }
}

public class LotQuestionConfiguration : IEntityTypeConfiguration<LotQuestion>
{
    public void Configure(EntityTypeBuilder<LotQuestion> builder)
    {
        builder.Property(e => e.Key).HasMaxLength(100);
        builder.Property(e => e.Text).HasMaxLength(2000);
        builder.Property(e => e.Guidance).HasMaxLength(2000);
        builder.HasIndex(e => new { e.LotId, e.Key }).IsUnique();
    }
}

public class LotApplicationConfiguration : IEntityTypeConfiguration<LotApplication>
{
    public void Configure(EntityTypeBuilder<LotApplication> builder)
    {
        builder.ToTable("LotApplications");
        builder.HasOne(e => e.Lot).WithMany().HasForeignKey(e => e.LotId);
        builder.HasOne(e => e.Provider).WithMany().HasForeignKey(e => e.ProviderId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.DecidedByUserId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.ExtendedByUserId);
        builder.HasMany(e => e.Answers).WithOne().HasForeignKey(a => a.ApplicationId);
        builder.Property(e => e.ExtensionReason).HasMaxLength(2000);
        builder.Property(e => e.DecisionReason).HasMaxLength(4000);
        builder.Property(e => e.EvidenceReference).HasMaxLength(500);
        builder.HasIndex(e => new { e.Status, e.DecisionDueBy });
        builder.HasIndex(e => new { e.ProviderId, e.LotId });
    }
}

public class ApplicationAnswerConfiguration : IEntityTypeConfiguration<ApplicationAnswer>
{
    public void Configure(EntityTypeBuilder<ApplicationAnswer> builder)
    {
        builder.Property(e => e.QuestionKey).HasMaxLength(100);
        builder.Property(e => e.Answer).HasMaxLength(4000);
        builder.Property(e => e.EvidenceReference).HasMaxLength(500);
        builder.HasIndex(e => new { e.ApplicationId, e.QuestionKey }).IsUnique();
    }
}

public class LotMembershipConfiguration : IEntityTypeConfiguration<LotMembership>
{
    public void Configure(EntityTypeBuilder<LotMembership> builder)
    {
        builder.HasOne(e => e.Lot).WithMany().HasForeignKey(e => e.LotId);
        builder.HasOne(e => e.Provider).WithMany().HasForeignKey(e => e.ProviderId);
        builder.HasOne<LotApplication>().WithMany().HasForeignKey(e => e.ApplicationId);
        builder.HasMany(e => e.History).WithOne().HasForeignKey(h => h.MembershipId);
        // One membership per provider and lot: re-admission reuses it, so history stays in one place.
        builder.HasIndex(e => new { e.LotId, e.ProviderId }).IsUnique();
        builder.HasIndex(e => new { e.ProviderId, e.Status });
    }
}

public class MembershipEventConfiguration : IEntityTypeConfiguration<MembershipEvent>
{
    public void Configure(EntityTypeBuilder<MembershipEvent> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(4000);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.ByUserId);
    }
}
