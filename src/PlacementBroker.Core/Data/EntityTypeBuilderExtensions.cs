using System.Linq.Expressions;
using PlacementBroker.Core.Data.Conventions;

namespace PlacementBroker.Core.Data;

/// <summary>Configuration patterns that several entities repeat, each with a name.</summary>
public static class EntityTypeBuilderExtensions
{
    /// <summary>A collection of enum values stored by name, so the column reads as words and survives reordering the enum.</summary>
    public static PrimitiveCollectionBuilder<TProperty> EnumsAsStrings<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> builder, Expression<Func<TEntity, TProperty>> collection)
        where TEntity : class
    {
        var property = builder.PrimitiveCollection(collection);
        property.ElementType().HasConversion<string>();
        return property;
    }

    /// <summary>
    /// An id that <see cref="ForeignKeyByNameConvention"/> would make a foreign key by its name, kept as a plain value:
    /// say why where it is used.
    /// </summary>
    public static PropertyBuilder<TProperty> HasNoForeignKey<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> builder, Expression<Func<TEntity, TProperty>> id)
        where TEntity : class
    {
        var property = builder.Property(id);
        property.Metadata.SetAnnotation(ForeignKeyByNameConvention.NoForeignKey, true);
        return property;
    }

    /// <summary>Several text columns of one length: <c>builder.HasMaxLength(TextLengths.LongText, e => e.Reason, e => e.Notes)</c>.</summary>
    public static EntityTypeBuilder<TEntity> HasMaxLength<TEntity>(
        this EntityTypeBuilder<TEntity> builder, int maxLength, params Expression<Func<TEntity, string?>>[] columns)
        where TEntity : class
    {
        foreach (var column in columns)
        {
            builder.Property(column).HasMaxLength(maxLength);
        }
        return builder;
    }
}
