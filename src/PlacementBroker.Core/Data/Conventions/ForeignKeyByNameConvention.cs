using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace PlacementBroker.Core.Data.Conventions;

/// <summary>
/// A property named for an entity with <c>Id</c> after it (<c>ProviderId</c>, <c>SettingId</c>, <c>LocalAuthorityId</c>,
/// <c>ReferralId</c>, <c>UserId</c>…) is a foreign key to that entity's key, without a navigation, so the database
/// refuses an id that names no row. It is required when the property cannot be null (<c>Guid</c>) and optional when it
/// can (<c>Guid?</c>); it gets EF Core's usual constraint name and index. It runs as the model is finalised, after every
/// configuration: a property already in a relationship (configured, or found by EF Core from a navigation such as
/// <c>Vacancy.Setting</c>) is left as it is. An id named for a role
/// (<c>CreatedByUserId</c>, <c>PreviousReferralId</c>) or by a shorter name (<c>LotId</c> for a <c>DpsLot</c>) is
/// configured in its entity's configuration; one that must not be a foreign key says so with
/// <see cref="EntityTypeBuilderExtensions.HasNoForeignKey{TEntity,TProperty}"/>.
/// </summary>
public sealed class ForeignKeyByNameConvention : IModelFinalizingConvention
{
    /// <summary>Marks a property <see cref="EntityTypeBuilderExtensions.HasNoForeignKey{TEntity,TProperty}"/> names; removed once read, so it never reaches a migration.</summary>
    internal const string NoForeignKey = "PlacementBroker:NoForeignKey";

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var principalsByIdName = modelBuilder.Metadata.GetEntityTypes()
            .Where(e => !e.HasSharedClrType && e.FindPrimaryKey() is { Properties.Count: 1 })
            .ToDictionary(e => e.ClrType.Name + "Id");
        foreach (var dependent in modelBuilder.Metadata.GetEntityTypes().ToList())
        {
            foreach (var property in dependent.GetDeclaredProperties().ToList())
            {
                var keptPlain = property.RemoveAnnotation(NoForeignKey) is not null;
                if (keptPlain || property.IsForeignKey() || !principalsByIdName.TryGetValue(property.Name, out var principal))
                {
                    continue;
                }
                var key = principal.FindPrimaryKey()!;
                if ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) != key.Properties[0].ClrType)
                {
                    throw new InvalidOperationException(
                        $"{dependent.DisplayName()}.{property.Name} is named as a key of {principal.DisplayName()} but is a {property.ClrType.Name}: " +
                        "give it the key's type, or configure it with HasNoForeignKey.");
                }
                _ = dependent.Builder.HasRelationship(principal, [property], key)
                    ?? throw new InvalidOperationException($"{dependent.DisplayName()}.{property.Name} cannot be a foreign key to {principal.DisplayName()}.");
            }
        }
    }
}
