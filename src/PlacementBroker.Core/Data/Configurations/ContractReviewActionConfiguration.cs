using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Core.Data.Configurations;

public class ContractReviewActionConfiguration : IEntityTypeConfiguration<ContractReviewAction>
{
    public void Configure(EntityTypeBuilder<ContractReviewAction> builder)
    {
        builder.Property(e => e.Description).HasMaxLength(TextLengths.Paragraph);
        builder.Property(e => e.Owner).HasMaxLength(200);
        builder.HasMaxLength(TextLengths.LongText, e => e.CompletionNote);
    }
}
