namespace PlacementBroker.Core.Data.Configurations;

public class DpsParticipantConfiguration : IEntityTypeConfiguration<DpsParticipant>
{
    public void Configure(EntityTypeBuilder<DpsParticipant> builder)
    {
        builder.HasKey(e => new { e.DpsId, e.LocalAuthorityId });
    }
}
