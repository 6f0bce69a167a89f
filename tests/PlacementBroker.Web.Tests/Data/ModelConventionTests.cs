using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Data;

/// <summary>
/// The model's conventions (<c>Core/Data/Conventions/</c>) on the real model and database of each provider: an id named
/// for an entity is a foreign key to it, every foreign key restricts deletes, and a text column named for what it holds
/// has that thing's length.
/// </summary>
public abstract class ModelConventionTests(PlacementBrokerApp app)
{
    /// <summary>The ids named for an entity that are kept as plain values, each with its reason in its configuration.</summary>
    private static readonly (Type Entity, string Property)[] PlainIds =
    [
        (typeof(AuditEvent), nameof(AuditEvent.LocalAuthorityId)),
        (typeof(AuditEvent), nameof(AuditEvent.ProviderId)),
        (typeof(Approval), nameof(Approval.PlacementId)),
        (typeof(Placement), nameof(Placement.ApprovalId)),
    ];

    public static TheoryData<Type, string, Type, bool, string> NamedIds => new()
    {
        // Configured by the convention alone: no line in any configuration file.
        { typeof(QaFlag), nameof(QaFlag.ProviderId), typeof(Provider), true, "FK_QaFlags_Providers_ProviderId" },
        { typeof(QaFlag), nameof(QaFlag.SettingId), typeof(Setting), false, "FK_QaFlags_Settings_SettingId" },
        { typeof(Offer), nameof(Offer.VacancyId), typeof(Vacancy), true, "FK_Offers_Vacancies_VacancyId" },
        { typeof(Placement), nameof(Placement.BlockContractId), typeof(BlockContract), false, "FK_Placements_BlockContracts_BlockContractId" },
        { typeof(EmailConfirmationCode), nameof(EmailConfirmationCode.UserId), typeof(User), false, "FK_EmailConfirmationCodes_AspNetUsers_UserId" },
        // Part of a composite key.
        { typeof(ReferralRecipient), nameof(ReferralRecipient.ProviderId), typeof(Provider), true, "FK_ReferralRecipients_Providers_ProviderId" },
        // Found by EF Core from a navigation (Vacancy.Setting): the convention leaves it as it is.
        { typeof(Vacancy), nameof(Vacancy.SettingId), typeof(Setting), true, "FK_Vacancies_Settings_SettingId" },
    };

    [Theory]
    [MemberData(nameof(NamedIds))]
    public void Model_IdNamedForAnEntity_IsAnIndexedRestrictingForeignKeyToIt(
        Type entity, string property, Type principal, bool required, string constraint)
    {
        var model = DesignTimeModel();
        var entityType = model.FindEntityType(entity)!;

        var foreignKey = Assert.Single(entityType.FindProperty(property)!.GetContainingForeignKeys());

        Assert.Equal(principal, foreignKey.PrincipalEntityType.ClrType);
        Assert.True(foreignKey.PrincipalKey.IsPrimaryKey());
        Assert.Equal(required, foreignKey.IsRequired);
        Assert.False(foreignKey.IsUnique);
        Assert.Equal(DeleteBehavior.Restrict, foreignKey.DeleteBehavior);
        Assert.Equal(constraint, foreignKey.GetConstraintName());
        var leadingColumns = entityType.GetIndexes().Select(i => i.Properties[0].Name).Append(entityType.FindPrimaryKey()!.Properties[0].Name);
        Assert.Contains(property, leadingColumns);
    }

    [Fact]
    public void Model_EveryIdNamedForAnEntity_IsAForeignKeyToIt_ButThePlainIdsAreNone()
    {
        var model = DesignTimeModel();
        var entitiesByIdName = model.GetEntityTypes().Where(e => !e.HasSharedClrType).ToDictionary(e => e.ClrType.Name + "Id");
        var named = model.GetEntityTypes()
            .SelectMany(e => e.GetDeclaredProperties())
            .Where(p => entitiesByIdName.ContainsKey(p.Name))
            .ToList();

        Assert.True(named.Count > 50, $"Only {named.Count} ids named for an entity were found");
        foreach (var property in named)
        {
            var foreignKeys = property.GetContainingForeignKeys().Select(k => k.PrincipalEntityType).ToList();
            if (PlainIds.Contains((property.DeclaringType.ClrType, property.Name)))
            {
                Assert.True(foreignKeys.Count == 0, $"{property.DeclaringType.DisplayName()}.{property.Name} should be a plain id");
            }
            else
            {
                Assert.True(foreignKeys.Contains(entitiesByIdName[property.Name]),
                    $"{property.DeclaringType.DisplayName()}.{property.Name} is not a foreign key to {property.Name[..^2]}");
            }
            Assert.DoesNotContain(property.GetAnnotations(), a => a.Name.StartsWith("PlacementBroker:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Model_EveryForeignKeyOutsideIdentitysTables_RestrictsDeletes()
    {
        var foreignKeys = DesignTimeModel().GetEntityTypes().SelectMany(e => e.GetDeclaredForeignKeys()).ToList();

        var ours = foreignKeys.Where(k => !k.DeclaringEntityType.ClrType.IsGenericType).ToList();
        Assert.True(ours.Count > 70, $"Only {ours.Count} foreign keys");
        Assert.All(ours, k => Assert.Equal(DeleteBehavior.Restrict, k.DeleteBehavior));
        // Identity's claims, logins and tokens go with their user.
        Assert.All(foreignKeys.Except(ours), k => Assert.Equal(DeleteBehavior.Cascade, k.DeleteBehavior));
    }

    public static TheoryData<Type, string, int?> TextColumns => new()
    {
        // By the end of the name alone.
        { typeof(Provider), nameof(Provider.Name), 200 },
        { typeof(User), nameof(User.DisplayName), 200 },
        { typeof(Provider), nameof(Provider.ContactEmail), 256 },
        { typeof(AuditEvent), nameof(AuditEvent.ActorEmail), 256 },
        { typeof(Setting), nameof(Setting.Postcode), 10 },
        { typeof(Referral), nameof(Referral.HomePostcode), 10 },
        { typeof(Setting), nameof(Setting.OfstedUrn), 20 },
        { typeof(Provider), nameof(Provider.RegistrationNumber), 20 },
        { typeof(AccountLinkCode), nameof(AccountLinkCode.CodeHash), 64 },
        // A length in the configuration wins.
        { typeof(Referral), nameof(Referral.ChildFirstName), 100 },
        { typeof(OfstedRegisterEntry), nameof(OfstedRegisterEntry.SettingName), 300 },
        { typeof(QaFlag), nameof(QaFlag.Description), TextLengths.LongText },
        // What Identity declares keeps Identity's configuration.
        { typeof(User), nameof(User.PasswordHash), null },
        { typeof(User), nameof(User.Email), 256 },
    };

    [Theory]
    [MemberData(nameof(TextColumns))]
    public void Model_TextColumnNamedForWhatItHolds_HasThatLength(Type entity, string property, int? maxLength)
    {
        Assert.Equal(maxLength, DesignTimeModel().FindEntityType(entity)!.FindProperty(property)!.GetMaxLength());
    }

    [Fact]
    public async Task Database_RefusesAnIdNamedForAnEntityThatNamesNoRow()
    {
        var authority = await app.Data.CreateLocalAuthorityAsync();
        var provider = await app.Data.CreateProviderAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() => SaveFlagAsync(authority.Id, providerId: Guid.CreateVersion7(), settingId: null));
        await Assert.ThrowsAsync<DbUpdateException>(() => SaveFlagAsync(authority.Id, provider.Id, settingId: Guid.CreateVersion7()));
        await Assert.ThrowsAsync<DbUpdateException>(() => SaveFlagAsync(Guid.CreateVersion7(), provider.Id, settingId: null));
        // The same flag naming rows that exist is saved.
        await SaveFlagAsync(authority.Id, provider.Id, settingId: null);
    }

    [Fact]
    public async Task Database_KeepsAPlainIdThatNamesNoRow()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var (authorityId, providerId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = app.Clock.GetUtcNow().UtcDateTime, Action = "ModelConventionTest", EntityType = "Nothing",
            LocalAuthorityId = authorityId, ProviderId = providerId,
        });

        await db.SaveChangesAsync();

        Assert.True(await db.AuditEvents.AnyAsync(e => e.LocalAuthorityId == authorityId && e.ProviderId == providerId));
    }

    private async Task SaveFlagAsync(Guid localAuthorityId, Guid providerId, Guid? settingId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        db.QaFlags.Add(new QaFlag
        {
            LocalAuthorityId = localAuthorityId, ProviderId = providerId, SettingId = settingId, Category = FlagCategory.Concern,
            Severity = FlagSeverity.Low, Description = "A concern", RaisedByUserId = Guid.CreateVersion7(),
            RaisedAt = app.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    private IModel DesignTimeModel()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().GetService<IDesignTimeModel>().Model;
    }
}

public class ModelConventionSqliteTests(SqliteApp app) : ModelConventionTests(app), IClassFixture<SqliteApp>;

public class ModelConventionPostgresTests(PostgresApp app) : ModelConventionTests(app), IClassFixture<PostgresApp>;
