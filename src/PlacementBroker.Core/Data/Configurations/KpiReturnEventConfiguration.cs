using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Core.Data.Configurations;

public class KpiReturnEventConfiguration : IEntityTypeConfiguration<KpiReturnEvent>
{
    public void Configure(EntityTypeBuilder<KpiReturnEvent> builder) => builder.HasMaxLength(TextLengths.LongText, e => e.Comment);
}
