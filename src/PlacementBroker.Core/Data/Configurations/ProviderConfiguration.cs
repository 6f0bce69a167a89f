using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlacementBroker.Core.Providers;

namespace PlacementBroker.Core.Data.Configurations;

public class ProviderGroupConfiguration : IEntityTypeConfiguration<ProviderGroup>
{
    public void Configure(EntityTypeBuilder<ProviderGroup> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.CompanyNumber).HasMaxLength(20);
    }
}

public class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.RegistrationNumber).HasMaxLength(20);
        builder.Property(e => e.ContactEmail).HasMaxLength(256);
        builder.HasOne(e => e.Group).WithMany().HasForeignKey(e => e.GroupId);
        builder.HasMany(e => e.Settings).WithOne(s => s.Provider).HasForeignKey(s => s.ProviderId);
        builder.HasIndex(e => e.Name);
    }
}

public class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.OfstedUrn).HasMaxLength(20);
        builder.Property(e => e.Postcode).HasMaxLength(10);
        // A URN claimed by a second provider is held for a platform admin's review, so only one provider's claim is unique.
        builder.HasIndex(e => new { e.OfstedUrn, e.ProviderId }).IsUnique();
        builder.Property(e => e.ReviewReason).HasMaxLength(1000);
        // The matching pre-filter's bounding box.
        builder.HasIndex(e => new { e.Latitude, e.Longitude });
    }
}

public class OfstedRegisterEntryConfiguration : IEntityTypeConfiguration<OfstedRegisterEntry>
{
    public void Configure(EntityTypeBuilder<OfstedRegisterEntry> builder)
    {
        builder.HasKey(e => e.Urn);
        builder.Property(e => e.Urn).HasMaxLength(20);
        builder.Property(e => e.SettingName).HasMaxLength(300);
        builder.Property(e => e.OwnerName).HasMaxLength(300);
    }
}

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
