using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Identity;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Referrals;

namespace PlacementBroker.Core.Tests.Data;

/// <summary>
/// An entity's identity and owner are set once, when it is created (init-only); its lifecycle state stays settable.
/// See "Entities: what is set once" in docs/architecture.md.
/// </summary>
public class EntityIdentityTests
{
    /// <summary>Every entity the database holds: the context's sets, less ASP.NET Identity's own (claims, logins, tokens).</summary>
    private static readonly Type[] Entities = typeof(PlacementBrokerDbContext)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
        .Select(p => p.PropertyType.GetGenericArguments()[0])
        .Where(t => t.Assembly == typeof(PlacementBrokerDbContext).Assembly)
        .Distinct()
        .ToArray();

    /// <summary>Names that mean the same on every entity that has them: its key, its owner, who created it and when.</summary>
    private static readonly string[] SetOnceEverywhere =
    [
        "Id", "LocalAuthorityId", "LeadLocalAuthorityId", "ProviderId", "ReferralId", "DpsId", "MembershipId",
        "BillingRunId", "InvoiceId", "CreatedAt", "CreatedByUserId",
    ];

    /// <summary>Owners and creation records whose names are also used for links that do move (a vacancy's setting and lot, a draft referral's lot).</summary>
    private static readonly (Type Entity, string Property)[] SetOnceHere =
    [
        (typeof(Placement), "OfferId"), (typeof(Placement), "SettingId"), (typeof(Placement), "VacancyId"),
        (typeof(Approval), "OfferId"), (typeof(Approval), "RequestedAt"), (typeof(Approval), "RequestedByUserId"),
        (typeof(BlockContract), "LotId"), (typeof(BlockContract), "SettingId"),
        (typeof(DpsLot), "DpsId"), (typeof(LotQuestion), "LotId"), (typeof(LotApplication), "LotId"),
        (typeof(ApplicationAnswer), "ApplicationId"), (typeof(LotMembership), "LotId"), (typeof(MembershipEvent), "OccurredAt"),
        (typeof(Offer), "VacancyId"), (typeof(Offer), "SettingId"), (typeof(ReferralRecipient), "NotifiedAt"),
        (typeof(QaFlag), "SettingId"), (typeof(QaFlag), "RaisedAt"), (typeof(QaFlag), "RaisedByUserId"),
        (typeof(QaVisit), "SettingId"), (typeof(QaVisit), "RecordedAt"), (typeof(QaVisit), "RecordedByUserId"),
        (typeof(SettingInspection), "SettingId"), (typeof(SettingInspection), "RecordedAt"),
        (typeof(Setting), "ProviderId"), (typeof(OfstedRegisterEntry), "Urn"),
        (typeof(BillingRun), "StartedAt"), (typeof(InvoiceLine), "InvoiceId"),
        (typeof(PlacementPriceChange), "PlacementId"), (typeof(PaymentEventRecord), "ReceivedAt"),
        (typeof(AuditEvent), "OccurredAt"), (typeof(AuditEvent), "ActorUserId"),
        (typeof(EmailConfirmationCode), "UserId"), (typeof(AccountLinkCode), "UserId"),
        (typeof(User), "CreatedAt"),
    ];

    public static TheoryData<string> EntityNames() => [.. Entities.Select(t => t.FullName!)];

    [Fact]
    public void TheContext_HoldsTheEntitiesTheRuleCovers()
    {
        // Guards the theories below against passing over an empty list.
        Assert.Contains(typeof(QaFlag), Entities);
        Assert.Contains(typeof(Offer), Entities);
        Assert.Contains(typeof(User), Entities);
        Assert.True(Entities.Length >= 30, $"Only {Entities.Length} entity types found.");
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void IdentityOwnerAndCreation_AreInitOnly(string entityName)
    {
        var entity = Entities.Single(t => t.FullName == entityName);
        // User's Id is ASP.NET Identity's (IdentityUser), not ours to declare.
        var settable = entity.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => SetOnceEverywhere.Contains(p.Name) && p.DeclaringType!.Assembly == entity.Assembly)
            .Concat(SetOnceHere.Where(s => s.Entity == entity).Select(s => entity.GetProperty(s.Property)
                ?? throw new InvalidOperationException($"{entity.Name} has no {s.Property}: update the list.")))
            .Where(p => !IsInitOnly(p))
            .Select(p => p.Name)
            .ToList();

        Assert.True(settable.Count == 0, $"{entity.Name}: {string.Join(", ", settable)} can be changed after creation; make them {{ get; init; }}.");
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void Status_StaysSettable(string entityName)
    {
        var status = Entities.Single(t => t.FullName == entityName).GetProperty("Status");

        Assert.True(status is null || (status.SetMethod is { IsPublic: true } && !IsInitOnly(status)),
            $"{entityName}.Status is lifecycle state: it must stay {{ get; set; }}.");
    }

    [Fact]
    public void IsInitOnly_TellsInitFromSet()
    {
        Assert.True(IsInitOnly(typeof(QaFlag).GetProperty(nameof(QaFlag.ProviderId))!));
        Assert.False(IsInitOnly(typeof(QaFlag).GetProperty(nameof(QaFlag.Status))!));
        Assert.False(IsInitOnly(typeof(Vacancy).GetProperty(nameof(Vacancy.SettingId))!));
    }

    private static bool IsInitOnly(PropertyInfo property) =>
        property.SetMethod is { } setter && setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
