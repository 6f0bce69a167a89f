using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Provider;

internal static partial class ProviderPageHelpers
{
    /// <summary>Runs one call of a product service in its own scope, as a request would.</summary>
    public static async Task<T> UseAsync<TService, T>(this PlacementBrokerApp app, Func<TService, Task<T>> work) where TService : notnull
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static Task<PageSession> SignInAsync(this PlacementBrokerApp app, TestUser user) =>
        PageSession.SignedInAsync(app, user.Email, user.Password);

    /// <summary>The date the decision on an application submitted today is due, as the pages print it.</summary>
    public static string DueDateForSubmissionToday(this PlacementBrokerApp app, int workingDays = 10)
    {
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        return calendar.AddWorkingDays(UkTime.Today(app.Clock), workingDays).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
    }

    /// <summary>The error summary's items, as text.</summary>
    public static List<string> ErrorSummary(string html)
    {
        var summary = SummaryList().Match(html);
        return summary.Success
            ? [.. SummaryItem().Matches(summary.Groups[1].Value).Select(m => WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, "")).Trim())]
            : [];
    }

    /// <summary>The page's text without its markup, for assertions about what the user reads.</summary>
    public static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), @"\s+", " ");

    [GeneratedRegex("<ul class=\"govuk-list govuk-error-summary__list\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex SummaryList();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex SummaryItem();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
