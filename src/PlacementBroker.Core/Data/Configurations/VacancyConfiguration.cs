namespace PlacementBroker.Core.Data.Configurations;

public class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> builder)
    {
        builder.HasOne<Dps.DpsLot>().WithMany().HasForeignKey(e => e.LotId);
        builder.EnumsAsStrings(e => e.Genders);
        builder.EnumsAsStrings(e => e.NeedsMet);
        builder.HasIndex(e => new { e.LotId, e.Status });
        builder.HasIndex(e => new { e.ProviderId, e.Status });
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Vacancies_Places", "\"Places\" >= 0");
            t.HasCheckConstraint("CK_Vacancies_PlacesHeld", "\"PlacesHeld\" >= 0 AND \"PlacesHeld\" <= \"Places\"");
        });
    }
}
