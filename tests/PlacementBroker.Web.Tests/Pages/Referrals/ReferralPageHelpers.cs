using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using PlacementBroker.Core;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Pages.Referrals;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Referrals;

internal static class ReferralPageHelpers
{
    /// <summary>A referral sent through the API (<see cref="TestData.ReferralBody"/>: Amelia Hartley-Testcase, 14, LS6 3QN).</summary>
    public static async Task<Guid> SendReferralAsync(this PlacementBrokerApp app, TestUser officer, Dictionary<string, object?> body)
    {
        using var client = await app.Data.ClientForAsync(officer);
        var created = await (await client.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created);
        return Guid.Parse(created.GetProperty("id").GetString()!);
    }

    public static Task<Guid> OfferAsync(this PlacementBrokerApp app, TestProvider provider, Guid referralId, Guid vacancyId, decimal price) =>
        app.Data.Offer(provider, referralId, vacancyId).At(price).SubmitAsync();

    /// <summary>
    /// The referral form filled in as an officer would: a 14-year-old girl (born 17 May 2012) from LS6 3QN needing
    /// emotional and behavioural support (a must) and autism, planned long-term from 30 November 2026, within 20 miles,
    /// £6,000 a week, offers by 25 November 2026 at 5pm.
    /// </summary>
    public static List<KeyValuePair<string, string>> ReferralForm(Guid lotId, string reference, string? save = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.LotId", lotId.ToString()),
            new("Input.Urgency", "Planned"),
            new("Input.StartDate.Day", "30"), new("Input.StartDate.Month", "11"), new("Input.StartDate.Year", "2026"),
            new("Input.Duration", "LongTerm"),
            new("Input.Reference", reference),
            new("Input.FirstName", "Amelia"),
            new("Input.LastName", "Hartley-Testcase"),
            new("Input.DateOfBirth.Day", "17"), new("Input.DateOfBirth.Month", "5"), new("Input.DateOfBirth.Year", "2012"),
            new("Input.Gender", "Female"),
            new("Input.SiblingGroupSize", "1"),
            new("Input.Needs", "EmotionalBehavioural"),
            new("Input.Needs", "Autism"),
            new("Input.MustHaveNeeds", "EmotionalBehavioural"),
            new("Input.WishesAndFeelings", "Wants to stay at her school in Headingley"),
            new("Input.LegalStatus", "Section 20"),
            new("Input.RiskSummary", "Goes missing at night"),
            new("Input.CulturalNeeds", "Speaks Polish at home"),
            new("Input.HomePostcode", "LS6 3QN"),
            new("Input.MaxDistanceMiles", "20"),
            new("Input.WeeklyBudget", "£6,000"),
            new("Input.DeadlineDate.Day", "25"), new("Input.DeadlineDate.Month", "11"), new("Input.DeadlineDate.Year", "2026"),
            new("Input.DeadlineTime", "5pm"),
        };
        if (save is not null)
        {
            form.Add(new("save", save));
        }
        return form;
    }

    /// <summary>The fields of <paramref name="form"/> that one question page asks (a date's day, month and year; must-haves with the needs).</summary>
    public static List<KeyValuePair<string, string>> SectionFields(this List<KeyValuePair<string, string>> form, string slug)
    {
        var section = ReferralFormModel.Sections.Single(s => s.Slug == slug);
        return [.. form.Where(f => f.Key == "save" || section.Fields.Any(field => f.Key == field || f.Key.StartsWith(field + ".", StringComparison.Ordinal))
            || slug == "needs" && f.Key == "Input.MustHaveNeeds")];
    }

    /// <summary>
    /// Makes a referral as an officer does, one question page at a time from /referrals/new, each page given its own
    /// fields of <paramref name="form"/>: the answer of the last page (check your answers, once the draft is written),
    /// or of the first page that does not lead to another question.
    /// </summary>
    public static async Task<HttpResponseMessage> WriteReferralAsync(this PageSession session, List<KeyValuePair<string, string>> form)
    {
        var path = "/referrals/new";
        for (var pages = 0; pages < 10; pages++)
        {
            var slug = path == "/referrals/new" ? "placement" : path.Split('/')[^1];
            var response = await session.PostFormPairsAsync(path, form.SectionFields(slug));
            if (response.StatusCode != HttpStatusCode.Redirect || !response.RedirectTarget().StartsWith("/referrals/new/", StringComparison.Ordinal))
            {
                return response;
            }
            path = response.RedirectTarget();
        }
        throw new InvalidOperationException("The question pages went round in a circle");
    }

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> form, string name, string value) =>
        [.. form.Where(f => f.Key != name), new(name, value)];

    public static string RedirectTarget(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect but got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
