using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace PlacementBroker.Core.Data.Conventions;

/// <summary>
/// A text property of one of our entities whose name ends as one of <see cref="TextLengths.ByNameEnding"/> says
/// (<c>Name</c>, <c>ContactEmail</c>, <c>HomePostcode</c>, <c>OfstedUrn</c>, <c>CodeHash</c>) gets that length. A length
/// set in the entity's configuration wins, so an exception (a child's first name, a name as Ofsted publishes it) is one
/// line there. Properties Identity declares (<c>PasswordHash</c>) keep Identity's configuration.
/// </summary>
public sealed class TextLengthByNameConvention : IPropertyAddedConvention
{
    public void ProcessPropertyAdded(IConventionPropertyBuilder propertyBuilder, IConventionContext<IConventionPropertyBuilder> context)
    {
        var property = propertyBuilder.Metadata;
        if (property.ClrType != typeof(string) || property.PropertyInfo?.DeclaringType?.Assembly != typeof(TextLengths).Assembly)
        {
            return;
        }
        foreach (var (nameEnding, maxLength) in TextLengths.ByNameEnding)
        {
            if (property.Name.EndsWith(nameEnding, StringComparison.Ordinal))
            {
                propertyBuilder.HasMaxLength(maxLength);
                return;
            }
        }
    }
}
