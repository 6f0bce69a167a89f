using PlacementBroker.Core.Sharing;

namespace PlacementBroker.Core.Data.Configurations;

public class ReferralDocumentConfiguration : IEntityTypeConfiguration<ReferralDocument>
{
    public void Configure(EntityTypeBuilder<ReferralDocument> builder)
    {
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UploadedByUserId);
        builder.Property(e => e.FileName).HasMaxLength(DocumentContent.MaxFileNameLength);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.StorageKey).HasMaxLength(200);
        builder.Property(e => e.ContentHash).HasMaxLength(64);
        builder.Property(e => e.Note).HasMaxLength(SharingService.MaxNoteLength);
        builder.Property(e => e.DeletedReason).HasMaxLength(200);
        builder.HasIndex(e => new { e.ReferralId, e.UploadedAt });
        // The retention sweep: documents still held.
        builder.HasIndex(e => e.DeletedAt);
    }
}

public class ReferralQuestionConfiguration : IEntityTypeConfiguration<ReferralQuestion>
{
    public void Configure(EntityTypeBuilder<ReferralQuestion> builder)
    {
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.AskedByUserId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.AnsweredByUserId);
        builder.Property(e => e.Text).HasMaxLength(SharingService.MaxQuestionLength);
        builder.Property(e => e.Answer).HasMaxLength(SharingService.MaxAnswerLength);
        builder.HasIndex(e => new { e.ReferralId, e.AskedAt });
        builder.HasIndex(e => new { e.ReferralId, e.ProviderId });
    }
}
