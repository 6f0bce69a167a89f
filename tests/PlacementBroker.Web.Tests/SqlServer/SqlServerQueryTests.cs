using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Contracts;
using PlacementBroker.Core.DataProtection;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Referrals;
using PlacementBroker.Core.Sharing;
using PlacementBroker.Core.Sufficiency;
using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Tests.SqlServer;

/// <summary>
/// The queries that matter, as SQL Server would receive them, parsed as SQL Server 2022 T-SQL. Each is run through the
/// product's own service on a SQL Server context with no server behind it (<see cref="SqlCapture"/>); a new hot query
/// is added to <see cref="Queries"/> beside these. A query EF Core translated into something SQL Server rejects for its
/// syntax fails here, with the statement.
/// </summary>
public class SqlServerQueryTests
{
    private static readonly Guid Council = Guid.CreateVersion7();
    private static readonly Guid ProviderId = Guid.CreateVersion7();
    private static readonly Actor Officer = new(Guid.CreateVersion7(), "officer@council.test", Role.PlacingOfficer, Council, null);
    private static readonly Actor Manager = new(Guid.CreateVersion7(), "manager@council.test", Role.PlacementManager, Council, null);
    private static readonly Actor Commissioner = new(Guid.CreateVersion7(), "commissioner@council.test", Role.Commissioner, Council, null);
    private static readonly Actor QaOfficer = new(Guid.CreateVersion7(), "qa@council.test", Role.QaOfficer, Council, null);
    private static readonly Actor DataProtectionLead = new(Guid.CreateVersion7(), "dpo@council.test", Role.DataProtectionLead, Council, null);
    private static readonly Actor Provider = new(Guid.CreateVersion7(), "referrals@provider.test", Role.ProviderUser, null, ProviderId);
    private static readonly PageRequest FirstPage = new PageRequest();

    private static Referral Referral() => new()
    {
        LocalAuthorityId = Council, CreatedByUserId = Officer.UserId, LotId = Guid.CreateVersion7(), Urgency = Urgency.Planned,
        StartDate = new DateOnly(2026, 12, 14), Duration = PlacementDuration.LongTerm, Status = ReferralStatus.Open, ChildReference = "C-1",
        ChildFirstName = "Test", ChildLastName = "Child", ChildDateOfBirth = new DateOnly(2014, 5, 1), ChildGender = Gender.Female,
        Needs = [Need.EmotionalBehavioural, Need.Autism], MustHaveNeeds = [Need.EmotionalBehavioural], HomePostcode = "LS6 3QN",
        HomeLatitude = 53.82, HomeLongitude = -1.576, MaxDistanceMiles = 20, WeeklyBudget = 5000m, OfferDeadline = new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc),
        CreatedAt = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc),
    };

    /// <summary>Each hot query by name: what runs it through the service that owns it.</summary>
    public static readonly IReadOnlyDictionary<string, Func<IServiceProvider, Task>> Queries = new Dictionary<string, Func<IServiceProvider, Task>>
    {
        ["matching: potential matches, nearest first"] = s => s.GetRequiredService<MatchService>().PotentialMatchesAsync(Referral()),
        ["matching: which providers a referral fits"] = s => s.GetRequiredService<MatchService>().EligibleVacanciesByProviderAsync(Referral()),
        ["matching: a provider's vacancies judged"] = s => s.GetRequiredService<MatchService>().JudgeProviderVacanciesAsync(Referral(), ProviderId),
        ["offer ranking"] = s => s.GetRequiredService<MatchService>().RankOffersAsync(Referral()),
        ["sufficiency report"] = s => s.GetRequiredService<SufficiencyService>().ReportAsync(Commissioner,
            new SufficiencyQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, SufficiencyScope.Authority)),
        ["billing: runs list"] = s => s.GetRequiredService<BillingService>().RunsAsync(Commissioner, FirstPage),
        ["billing: preview of a month"] = s => s.GetRequiredService<BillingService>().PreviewAsync(Commissioner,
            new BillingRunRequest(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))),
        ["QA work queue"] = s => s.GetRequiredService<QualityService>().WorkQueueAsync(QaOfficer),
        ["list: referrals"] = s => s.GetRequiredService<ReferralService>().ListAsync(Officer, null, FirstPage),
        ["list: a provider's inbox"] = s => s.GetRequiredService<OfferService>().InboxAsync(Provider, FirstPage, fitsOnly: true),
        ["list: placements"] = s => s.GetRequiredService<PlacementService>().ListAsync(Manager, PlacementStatus.Active, FirstPage),
        ["list: approvals"] = s => s.GetRequiredService<PlacementService>().ApprovalsAsync(Manager, ApprovalStatus.Pending, FirstPage),
        ["list: vacancies on the council's lots"] = s => s.GetRequiredService<VacancyService>().ListAsync(Commissioner,
            new VacancyFilter(Area: "LS6", Need: Need.Autism, Grade: OfstedGrade.Good), FirstPage),
        ["list: provider search"] = s => s.GetRequiredService<ProviderSearch>().SearchAsync(QaOfficer, new ProviderSearchFilter(Name: "Oak", Grade: OfstedGrade.Good), FirstPage),
        ["list: invoices"] = s => s.GetRequiredService<BillingService>().InvoicesAsync(Commissioner, FirstPage),
        ["list: DPSs with their lots"] = s => s.GetRequiredService<DpsService>().ListAsync(Officer),
        ["list: applications awaiting a decision"] = s => s.GetRequiredService<AdmissionService>().QueueAsync(Commissioner, ApplicationStatus.Submitted),
        ["list: a DPS's KPIs"] = s => s.GetRequiredService<KpiService>().ListAsync(Commissioner, Guid.CreateVersion7()),
        ["list: contract reviews"] = s => s.GetRequiredService<ContractReviewService>().ListAsync(QaOfficer, null, null),
        ["list: the audit trail"] = s => s.GetRequiredService<AuditQueryService>().SearchAsync(DataProtectionLead,
            new AuditFilter(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), null, null, "Referral", null), FirstPage),
        ["list: a referral's documents"] = s => s.GetRequiredService<SharingService>().ListAsync(Officer, Guid.CreateVersion7()),
        ["list: a referral's questions"] = s => s.GetRequiredService<SharingService>().QuestionsAsync(Officer, Guid.CreateVersion7()),
        ["list: a placement's variations"] = s => s.GetRequiredService<VariationService>().PlacementVariationsAsync(Manager, Guid.CreateVersion7()),
    };

    public static TheoryData<string> Names() => [.. Queries.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Query_RenderedForSqlServer_ParsesAsTSql(string name)
    {
        var capture = new SqlCapture();
        await using var services = capture.Services();
        using var scope = services.CreateScope();

        InvalidOperationException? stopped = null;
        try
        {
            await Queries[name](scope.ServiceProvider);
        }
        catch (InvalidOperationException e)
        {
            // A query whose answer the service needed found no rows: what it sent up to there is what is checked.
            stopped = e;
        }

        Assert.True(capture.Commands.Count > 0, $"{name} sent nothing: {stopped?.Message}");
        var failures = capture.Commands.SelectMany(sql => TSql.Errors(sql).Select(e => $"{e}\n{sql}")).ToList();
        Assert.True(failures.Count == 0, $"{name}: SQL Server would refuse\n" + string.Join("\n\n", failures.Take(5)));
    }

    [Fact]
    public async Task Capture_SeesTheSqlServerDialect()
    {
        var capture = new SqlCapture();
        await using var services = capture.Services();
        using var scope = services.CreateScope();

        await Queries["list: referrals"](scope.ServiceProvider);

        // SQL Server's own syntax, not another provider's: square-bracket names, and OFFSET ... FETCH for the page,
        // reached after the count.
        Assert.Contains(capture.Commands, sql => sql.StartsWith("SELECT COUNT(*)") && sql.Contains("[Referrals]"));
        Assert.Contains(capture.Commands, sql => sql.Contains("[Referrals]") && sql.Contains("OFFSET") && sql.Contains("FETCH NEXT"));
    }

    [Fact]
    public void ABrokenQuery_IsReportedWithItsLine()
    {
        const string broken = "SELECT [r].[Id]\nFROM [Referrals] AS [r]\nWHERE [r].[Status] = N'Open' LIMIT 10";

        var errors = TSql.Errors(broken);

        Assert.NotEmpty(errors);
        Assert.Equal(3, errors[0].Line);
    }
}
