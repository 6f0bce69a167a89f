using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using PlacementBroker.Core;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Providers;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>Due dates that never slide: the QA timetable, the legal decision clock and the data it counts with.</summary>
public abstract class DueDateApiTests(PlacementBrokerApp app)
{
    [Fact]
    public async Task ImprovementVisit_GradeWithNoInspectionDate_FallsDueSixMonthsFromRegistration_NotFromToday()
    {
        var dps = await app.Data.CreateDpsAsync();
        var qa = await app.Data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId);
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var registered = UkTime.Today(app.Clock);
        var settingId = await app.Data.Setting(provider).Graded(OfstedGrade.RequiresImprovement).NeverInspected().Places(2).CreateAsync();

        // Seven months on, nobody has visited: the visit fell due a month ago, whatever day the queue is read.
        app.Clock.Advance(TimeSpan.FromDays(213));
        using var qaClient = await app.Data.ClientForAsync(qa);
        var queue = await (await qaClient.GetAsync("/api/qa/work-queue")).ReadJsonAsync(HttpStatusCode.OK);

        var visit = queue.EnumerateArray().Single(i => i.GetProperty("settingId").GetString() == settingId.ToString()
            && i.GetProperty("kind").GetString() == "ImprovementVisit");
        Assert.Equal(registered.AddMonths(6).ToString("yyyy-MM-dd"), visit.GetProperty("dueBy").GetString());
        Assert.True(visit.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Extend_AfterTheDecisionDeadlineHasPassed_Is422WithTheReason()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (applicationId, _) = await app.Data.ApplyAsync(provider, dps, admit: false);
        string? dueBy;
        using (var before = await app.Data.ClientForAsync(dps.Commissioner))
        {
            dueBy = (await (await before.GetAsync($"/api/applications/{applicationId}")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("decisionDueBy").GetString();
        }

        // Ten working days from submission have passed, and then some.
        app.Clock.Advance(TimeSpan.FromDays(20));
        using var client = await app.Data.ClientForAsync(dps.Commissioner);
        var refused = await (await client.PostAsJsonAsync($"/api/applications/{applicationId}/extend", new { reason = "Awaiting references" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("deadline has passed", refused.GetProperty("detail").GetString());
        var after = await (await client.GetAsync($"/api/applications/{applicationId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(dueBy, after.GetProperty("decisionDueBy").GetString());
        Assert.False(after.GetProperty("extended").GetBoolean());
    }

    [Fact]
    public async Task BankHolidayData_MoreThanAYearAhead_IsHealthy()
    {
        using var scope = app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Entries[BankHolidayDataHealthCheck.Name].Status);
    }
}

public class DueDateApiSqliteTests(SqliteApp app) : DueDateApiTests(app), IClassFixture<SqliteApp>;

public class DueDateApiServerTests(ServerApp app) : DueDateApiTests(app), IClassFixture<ServerApp>;

public abstract class BankHolidayDataTests(ShortBankHolidaysApp app)
{
    [Fact]
    public async Task BankHolidayData_LessThanAYearLeft_WarnsAtStartupAndReadinessIsDegradedNotUnhealthy()
    {
        Assert.Contains(app.Log, l => l.Level == LogLevel.Warning && l.Message.Contains("bank holiday data runs out on 2030-12-31"));

        using var client = app.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
        using var scope = app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var check = report.Entries[BankHolidayDataHealthCheck.Name];
        Assert.Equal(HealthStatus.Degraded, check.Status);
        Assert.Equal("2030-12-31", check.Data["coveredUntil"]);
    }
}

public class BankHolidayDataSqliteTests(ShortBankHolidaysSqliteApp app) : BankHolidayDataTests(app), IClassFixture<ShortBankHolidaysSqliteApp>;

public class BankHolidayDataPostgresTests(ShortBankHolidaysPostgresApp app) : BankHolidayDataTests(app), IClassFixture<ShortBankHolidaysPostgresApp>;
