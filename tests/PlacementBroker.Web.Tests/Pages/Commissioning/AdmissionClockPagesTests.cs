using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

/// <summary>The admission queue and reminders as time passes. Each test only moves the clock forward and makes its own authority.</summary>
public partial class AdmissionClockPagesTests(MovingClockApp app) : IClassFixture<MovingClockApp>
{
    [Fact]
    public async Task Queue_AfterTheDecisionPeriod_ShowsTheOverdueApplicationFirst()
    {
        var dps = await app.Data.CreateDpsAsync();
        var late = await app.Data.CreateProviderAsync();
        var (lateId, _) = await app.Data.ApplyAsync(late, dps, admit: false);
        app.Clock.Advance(TimeSpan.FromDays(20));
        var recent = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(recent, dps, admit: false);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var queue = await session.OpenAsync("/applications");
        var application = await session.OpenAsync($"/applications/{lateId}");
        var home = await session.OpenAsync("/");

        Assert.True(queue.Text.IndexOf(late.Name, StringComparison.Ordinal) is >= 0 and var first && first < queue.Text.IndexOf(recent.Name, StringComparison.Ordinal),
            "The overdue application comes first");
        Assert.Single(queue.All("strong"), IsOverdueTag);
        Assert.Contains("10 working days left", queue.Text);
        Assert.Contains("2 applications waiting", queue.Text);
        Assert.NotEmpty(queue.All(".app-bar-chart__bar--overdue.app-width-100"));
        Assert.NotEmpty(queue.All(".app-bar-chart__bar--soon.app-width-0"));
        Assert.NotEmpty(queue.All(".app-bar-chart__bar--later.app-width-100"));
        Assert.Contains(application.All("strong"), IsOverdueTag);
        Assert.Contains("Record decision", application.Text);
        var overdue = Assert.Single(home.All(".app-card"), card => card.QuerySelector("h2")?.TextContent == "Applications overdue");
        Assert.Equal("1", overdue.QuerySelector("h2 + p > .app-count")?.TextContent);
    }

    [Fact]
    public async Task ReminderJob_OverdueApplication_TheCommissionerReadsTheReminder()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps, admit: false);
        var otherCommissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        app.Clock.Advance(TimeSpan.FromDays(20));
        // Reminders go out on working days only.
        var calendar = app.Services.GetRequiredService<PlacementBroker.Core.Dps.WorkingDayCalendar>();
        while (!calendar.IsWorkingDay(PlacementBroker.Core.UkTime.Today(app.Clock)))
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        await app.Jobs.RunRecurringAsync(DecisionReminderJob.RecurringId);

        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var outbox = await session.OpenAsync("/emails");
        var link = outbox.Links().FirstOrDefault(l => EmailLink().IsMatch(l.Href));
        Assert.True(link.Href is not null, "The reminder is listed with a link");
        Assert.Contains("DPS admission decisions: 1 overdue, 0 due by", link.Name);
        var email = await session.OpenAsync(link.Href);
        Assert.Contains($"{dps.Commissioner.Email}", email.SummaryLists().Values);
        Assert.Contains("Overdue (1): the legal decision period has passed.", email.Text);
        Assert.Contains($"- {provider.Name}", email.Text);
        Assert.NotEmpty(email.All(".app-pre-wrap"));

        using var other = await PageSession.SignedInAsync(app, otherCommissioner.Email, otherCommissioner.Password);
        Assert.DoesNotContain("DPS admission decisions", (await other.OpenAsync("/emails")).PageText);
        Assert.Contains("Page not found", (await other.OpenAsync(link.Href, HttpStatusCode.NotFound)).Text);
    }

    /// <summary>The "Overdue" tag a late application carries.</summary>
    private static bool IsOverdueTag(AngleSharp.Dom.IElement strong) => strong.TextContent == "Overdue";

    [GeneratedRegex("^/emails/[0-9a-f-]{36}$")]
    private static partial Regex EmailLink();
}
