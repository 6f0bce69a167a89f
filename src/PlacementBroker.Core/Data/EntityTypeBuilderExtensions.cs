using System.Linq.Expressions;

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
}
