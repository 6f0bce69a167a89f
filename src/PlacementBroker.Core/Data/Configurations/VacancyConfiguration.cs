using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlacementBroker.Core.Providers;

namespace PlacementBroker.Core.Data.Configurations;

public class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> builder)
    {
        builder.HasOne(e => e.Setting).WithMany().HasForeignKey(e => e.SettingId);
        builder.HasOne<Provider>().WithMany().HasForeignKey(e => e.ProviderId);
        builder.HasOne<Dps.DpsLot>().WithMany().HasForeignKey(e => e.LotId);
        builder.PrimitiveCollection(e => e.Genders).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(e => e.NeedsMet).ElementType().HasConversion<string>();
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
