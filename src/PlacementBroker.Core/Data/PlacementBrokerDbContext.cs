using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PlacementBroker.Core.Data.Conventions;

namespace PlacementBroker.Core.Data;

public class PlacementBrokerDbContext(DbContextOptions<PlacementBrokerDbContext> options)
    : IdentityUserContext<User, Guid>(options)
{
    public DbSet<LocalAuthority> LocalAuthorities => Set<LocalAuthority>();
    public DbSet<ProviderGroup> ProviderGroups => Set<ProviderGroup>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<OfstedRegisterEntry> OfstedRegister => Set<OfstedRegisterEntry>();
    public DbSet<Vacancy> Vacancies => Set<Vacancy>();
    public DbSet<DynamicPurchasingSystem> DynamicPurchasingSystems => Set<DynamicPurchasingSystem>();
    public DbSet<DpsParticipant> DpsParticipants => Set<DpsParticipant>();
    public DbSet<DpsLot> Lots => Set<DpsLot>();
    public DbSet<LotQuestion> LotQuestions => Set<LotQuestion>();
    public DbSet<LotApplication> LotApplications => Set<LotApplication>();
    public DbSet<ApplicationAnswer> ApplicationAnswers => Set<ApplicationAnswer>();
    public DbSet<LotMembership> LotMemberships => Set<LotMembership>();
    public DbSet<MembershipEvent> MembershipEvents => Set<MembershipEvent>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AccountLinkCode> AccountLinkCodes => Set<AccountLinkCode>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<Notifications.OutboxEmail> OutboxEmails => Set<Notifications.OutboxEmail>();
    public DbSet<Identity.EmailConfirmationCode> EmailConfirmationCodes => Set<Identity.EmailConfirmationCode>();
    public DbSet<Referrals.Referral> Referrals => Set<Referrals.Referral>();
    public DbSet<Referrals.UnfinishedReferral> UnfinishedReferrals => Set<Referrals.UnfinishedReferral>();
    public DbSet<Referrals.ReferralRecipient> ReferralRecipients => Set<Referrals.ReferralRecipient>();
    public DbSet<Referrals.Offer> Offers => Set<Referrals.Offer>();
    public DbSet<Placements.Placement> Placements => Set<Placements.Placement>();
    public DbSet<Placements.AgreementReferenceCounter> AgreementReferenceCounters => Set<Placements.AgreementReferenceCounter>();
    public DbSet<Placements.Approval> Approvals => Set<Placements.Approval>();
    public DbSet<Placements.BlockContract> BlockContracts => Set<Placements.BlockContract>();
    public DbSet<Quality.QaFlag> QaFlags => Set<Quality.QaFlag>();
    public DbSet<Quality.QaVisit> QaVisits => Set<Quality.QaVisit>();
    public DbSet<Quality.SettingInspection> SettingInspections => Set<Quality.SettingInspection>();
    public DbSet<Sufficiency.SufficiencyStatement> SufficiencyStatements => Set<Sufficiency.SufficiencyStatement>();
    public DbSet<Billing.BillingRun> BillingRuns => Set<Billing.BillingRun>();
    public DbSet<Billing.Invoice> Invoices => Set<Billing.Invoice>();
    public DbSet<Billing.InvoiceLine> InvoiceLines => Set<Billing.InvoiceLine>();
    public DbSet<Billing.PaymentEventRecord> PaymentEvents => Set<Billing.PaymentEventRecord>();
    public DbSet<Billing.PlacementPriceChange> PlacementPriceChanges => Set<Billing.PlacementPriceChange>();
    public DbSet<Contracts.Kpi> Kpis => Set<Contracts.Kpi>();
    public DbSet<Contracts.KpiReturn> KpiReturns => Set<Contracts.KpiReturn>();
    public DbSet<Contracts.KpiReturnValue> KpiReturnValues => Set<Contracts.KpiReturnValue>();
    public DbSet<Contracts.KpiReturnEvent> KpiReturnEvents => Set<Contracts.KpiReturnEvent>();
    public DbSet<Contracts.ContractReview> ContractReviews => Set<Contracts.ContractReview>();
    public DbSet<Contracts.ContractReviewAction> ContractReviewActions => Set<Contracts.ContractReviewAction>();
    public DbSet<Contracts.ImprovementPlan> ImprovementPlans => Set<Contracts.ImprovementPlan>();
    public DbSet<Contracts.PlanMilestone> PlanMilestones => Set<Contracts.PlanMilestone>();
    public DbSet<Contracts.MilestoneProgress> MilestoneProgress => Set<Contracts.MilestoneProgress>();
    public DbSet<Uplifts.UpliftRound> UpliftRounds => Set<Uplifts.UpliftRound>();
    public DbSet<Uplifts.UpliftRequest> UpliftRequests => Set<Uplifts.UpliftRequest>();
    public DbSet<Uplifts.UpliftCostLine> UpliftCostLines => Set<Uplifts.UpliftCostLine>();
    public DbSet<Uplifts.PlacementVariation> PlacementVariations => Set<Uplifts.PlacementVariation>();
    public DbSet<Uplifts.BlockContractVariation> BlockContractVariations => Set<Uplifts.BlockContractVariation>();
    public DbSet<Sharing.ReferralDocument> ReferralDocuments => Set<Sharing.ReferralDocument>();
    public DbSet<Sharing.ReferralQuestion> ReferralQuestions => Set<Sharing.ReferralQuestion>();

    /// <summary>The EF Core provider name of SQL Server, the production database.</summary>
    public const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";

    /// <summary>SQL Server's binary collation: text compared code point by code point, case and accents included.</summary>
    public const string ExactCollation = "Latin1_General_100_BIN2";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareWrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareWrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// One pass over what is about to be written:
    /// <list type="bullet">
    /// <item>The audit trail is append-only: an event is added, never changed or removed (only the sealer writes its hash, once).</item>
    /// <item>Every instant being written (a new row's, or a value being changed) is cut to the microsecond
    /// (<see cref="StoredInstant"/>), so what a write answers is what the next read shows, on every provider. Values read
    /// and not changed are left as they are, so a concurrency token written with more digits before still matches.</item>
    /// </list>
    /// </summary>
    private void PrepareWrites()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEvent audit && entry.State is (EntityState.Modified or EntityState.Deleted))
            {
                throw new InvalidOperationException($"The audit trail is append-only: audit event {audit.Id} cannot be {(entry.State == EntityState.Deleted ? "deleted" : "changed")}.");
            }
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            foreach (var property in entry.Properties)
            {
                if ((entry.State == EntityState.Added || property.IsModified)
                    && property.CurrentValue is DateTime instant && instant.Ticks % TimeSpan.TicksPerMicrosecond != 0)
                {
                    property.CurrentValue = StoredInstant(instant);
                }
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is pounds and pence everywhere; SQL Server would otherwise truncate silently.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<decimal?>().HavePrecision(18, 2);
        // Enums are stored by name so the data stays readable and reordering members is safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
        // Every instant is UTC to the microsecond; SQLite and SQL Server hand DateTime back unspecified, so the kind is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        // A text column named for what it holds (Name, ContactEmail, HomePostcode…) has that thing's length.
        configurationBuilder.Conventions.Add(_ => new TextLengthByNameConvention());
        // An id named for an entity (ProviderId, SettingId…) is a foreign key to it; then every foreign key deletes Restrict.
        configurationBuilder.Conventions.Add(_ => new ForeignKeyByNameConvention());
        configurationBuilder.Conventions.Add(_ => new RestrictDeleteConvention());
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlacementBrokerDbContext).Assembly);
        foreach (var token in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties())
                     .Where(p => p.IsConcurrencyToken && p.ClrType == typeof(DateTime)))
        {
            token.SetValueConverter(new UtcTokenConverter());
        }
        if (Database.ProviderName == SqlServerProvider)
        {
            // A client's idempotency key is compared exactly, as PostgreSQL and SQLite do: SQL Server's usual collation
            // ignores case, and would answer a retry of "abc" with the offer made for "ABC" (ADR 0015).
            builder.Entity<Offer>().Property(e => e.IdempotencyKey).UseCollation(ExactCollation);
            // An identity provider's issuer and subject are exact strings (OpenID Connect compares them so): a subject
            // differing only in case is another person, and must not find this person's link.
            builder.Entity<IdentityUserLogin<Guid>>().Property(e => e.LoginProvider).UseCollation(ExactCollation);
            builder.Entity<IdentityUserLogin<Guid>>().Property(e => e.ProviderKey).UseCollation(ExactCollation);
            // Stripe's event ids are exact strings too: the payment events table keeps one row per event, so a retried webhook is ignored.
            builder.Entity<Billing.PaymentEventRecord>().Property(e => e.Id).UseCollation(ExactCollation);
        }
    }

    /// <summary>
    /// An instant as the product writes it: UTC, to the microsecond. PostgreSQL keeps microseconds, SQL Server's datetime2
    /// 100 ns and SQLite every tick, so without this an instant written on one provider would read back differently from
    /// another, and what a write answers would differ from what the next read shows (ADR 0015).
    /// </summary>
    public static DateTime StoredInstant(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc);
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
    }

    /// <summary>Every instant: UTC both ways, cut to the microsecond on the way in (saves, bulk updates and query parameters alike).</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => StoredInstant(v),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : StoredInstant(v.Value),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

    /// <summary>
    /// An instant that is a concurrency token: UTC both ways, not cut. A row written before instants were cut keeps its
    /// seven digits, and an update compares its token (an UpdatedAt) with the value as read, so cutting it in the WHERE
    /// would refuse every edit of that row as a conflict. New values are cut in SaveChanges (KeepInstantsAsStored).
    /// </summary>
    private sealed class UtcTokenConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
