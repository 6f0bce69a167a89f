using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Provider;

internal static class ProviderPageHelpers
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
}
