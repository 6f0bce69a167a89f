using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace PlacementBroker.Core.Data.Conventions;

/// <summary>
/// Every foreign key outside Identity's own tables deletes <see cref="DeleteBehavior.Restrict"/>: SQL Server refuses
/// multiple cascade paths, and nothing in this domain is deleted by cascade (records end by changing state). Runs after
/// <see cref="ForeignKeyByNameConvention"/>, so the keys it adds are covered too.
/// </summary>
public sealed class RestrictDeleteConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var foreignKey in modelBuilder.Metadata.GetEntityTypes().SelectMany(e => e.GetDeclaredForeignKeys()).ToList())
        {
            if (!foreignKey.IsOwnership && !IsIdentityTable(foreignKey.DeclaringEntityType.ClrType))
            {
                foreignKey.SetDeleteBehavior(DeleteBehavior.Restrict);
            }
        }
    }

    private static bool IsIdentityTable(Type type) =>
        type.IsGenericType && type.Namespace == typeof(IdentityUserClaim<>).Namespace;
}
