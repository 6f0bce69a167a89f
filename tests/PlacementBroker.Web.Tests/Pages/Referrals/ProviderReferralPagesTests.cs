using System.Net;
using PlacementBroker.Core;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Referrals;

/// <summary>The provider's side: the anonymised inbox (a fixed address), a referral, making an offer, declining.</summary>
public class ProviderReferralPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(TestDps Dps, TestUser Officer, TestProvider Provider, Guid VacancyId, Guid ReferralId, string Reference)> SentReferralAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, vacancy) = await app.Data.FittingProviderAsync(dps);
        var body = app.Data.ReferralBody(dps.LotId);
        var reference = (string)((Dictionary<string, object?>)body["child"]!)["reference"]!;
        return (dps, officer, provider, vacancy, await app.SendReferralAsync(officer, body), reference);
    }

    [Fact]
    public async Task Inbox_NeverShowsTheChildsIdentity()
    {
        var (_, _, provider, _, referralId, reference) = await SentReferralAsync();
        using var session = await app.SignInAsync(provider.User);

        foreach (var path in new[]
        {
            "/provider/referrals", "/provider/referrals?handler=List", "/provider/referrals?fits=true", $"/provider/referrals/{referralId}",
            $"/provider/referrals/{referralId}/offer", $"/provider/referrals/{referralId}/decline",
        })
        {
            // Hidden fields carry random tokens, which may spell anything.
            var html = System.Text.RegularExpressions.Regex.Replace(await session.GetPageAsync(path), "<input[^>]*type=\"hidden\"[^>]*>", "");
            foreach (var secret in new[] { "Amelia", "Hartley-Testcase", reference, "17 May 2012", "2012-05-17", "17/05/2012", "LS6 3QN", "3QN", "Headingley" })
            {
                Assert.False(html.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{path} shows {secret}");
            }
            Assert.Contains("14-year-old girl", PageDocument.Parse(html).PageText);
        }
    }

    [Fact]
    public async Task Inbox_ListsTheReferralNewestFirstWithItsProfileAndMarkers()
    {
        var (dps, officer, provider, _, first, _) = await SentReferralAsync();
        var second = await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId, siblings: 2, urgency: "Emergency"));
        using var session = await app.SignInAsync(provider.User);

        var text = await session.OpenAsync("/provider/referrals");

        var links = text.Links().Select(l => l.Href).ToList();
        Assert.Contains($"/provider/referrals/{first}", links);
        Assert.True(links.IndexOf($"/provider/referrals/{second}") is >= 0 and var newer && newer < links.IndexOf($"/provider/referrals/{first}"));
        Assert.Contains("2 referrals, newest first", text.Text);
        Assert.Contains("14-year-old girl Sibling group of 2", text.Text);
        Assert.Contains("14-year-old girl 1 child", text.Text);
        Assert.Contains("Emergency", text.Text);
        Assert.Contains("Emotional and behavioural (must be met) Autism Self-harm LS6 30 November 2026 25 November 2026 at 9am", text.Text);
        Assert.Contains("Fits your vacancies", text.Text);
        var inbox = text.Document.GetElementById("inbox");
        Assert.Equal("div", inbox?.LocalName);
        Assert.Equal("polite", inbox?.GetAttribute("aria-live"));
        Assert.Equal("/provider/referrals?handler=List", inbox?.GetAttribute("data-list-url"));
        Assert.Contains(text.All("script[src]"), script => script.GetAttribute("src")!.StartsWith("/js/provider-inbox-live.js", StringComparison.Ordinal));
        Assert.DoesNotContain(text.All("script"), script => script.Attributes.Length == 0);
        Assert.Single(text.All("h1"));

        // Only the one for a single child fits a vacancy of one place.
        var fitting = await session.OpenAsync("/provider/referrals?fits=true");
        Assert.True(fitting.PointsAt($"/provider/referrals/{first}"));
        Assert.False(fitting.PointsAt($"/provider/referrals/{second}"));
        Assert.NotEmpty(fitting.All("[data-list-url='/provider/referrals?handler=List&fits=true']"));
        var list = await session.OpenAsync("/provider/referrals?handler=List&fits=true");
        Assert.DoesNotContain("<html", list.Html);
        Assert.True(list.PointsAt($"/provider/referrals/{first}"));
        Assert.False(list.PointsAt($"/provider/referrals/{second}"));
    }

    [Fact]
    public async Task Referral_ShowsTheVacanciesThatFit()
    {
        var (_, _, provider, vacancy, referralId, _) = await SentReferralAsync();
        using var session = await app.SignInAsync(provider.User);

        var text = await session.OpenAsync($"/provider/referrals/{referralId}");

        Assert.Contains("14-year-old girl, LS6", text.Text);
        Assert.Contains("Your vacancies that fit", text.Text);
        Assert.Contains("1 place, ages 10 to 17, £5,400.00 a week", text.Text);
        Assert.Contains("Make an offer", text.Text);
        Assert.Contains("Decline", text.Text);
        Assert.Contains("You have not made an offer on this referral.", text.Text);
        var offerForm = await session.OpenAsync($"/provider/referrals/{referralId}/offer");
        Assert.True(offerForm.IsChosen($"{vacancy}"));
        Assert.Contains("(fits this referral)", offerForm.Text);
    }

    [Fact]
    public async Task MakeOffer_ThroughTheForm_ReachesTheOfficerOnceEvenWhenResubmitted()
    {
        var (_, officer, provider, vacancy, referralId, _) = await SentReferralAsync();
        using var session = await app.SignInAsync(provider.User);
        var form = await session.OpenAsync($"/provider/referrals/{referralId}/offer");
        var key = form.HiddenValue("Input.IdempotencyKey");
        Assert.Matches("^[0-9a-f]{32}$", key);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.IdempotencyKey", key), new("Input.VacancyId", vacancy.ToString()), new("Input.WeeklyPrice", "£5,250.50"),
            new("Input.StartDate.Day", "30"), new("Input.StartDate.Month", "11"), new("Input.StartDate.Year", "2026"),
            new("Input.Included", "Education"), new("Input.Included", "Therapy"), new("Input.OneToOneHours", "7.5"),
            new("Input.Notes", "A quiet house with one other girl of 15"),
        };

        var first = await session.PostFormPairsAsync($"/provider/referrals/{referralId}/offer", fields);
        var again = await session.PostFormPairsAsync($"/provider/referrals/{referralId}/offer", fields);

        Assert.Equal($"/provider/referrals/{referralId}", first.RedirectTarget());
        Assert.Equal($"/provider/referrals/{referralId}", again.RedirectTarget());
        var page = await session.OpenAsync($"/provider/referrals/{referralId}");
        Assert.Contains("Your offer was already sent: it has not been sent twice", page.Text);
        Assert.Contains("£5,250.50 Offered Withdraw", page.Text);
        var offers = (await app.UseAsync<OfferService, List<OfferView>?>(s => s.RankedOffersAsync(TestData.ActorFor(officer), referralId)))!;
        var offer = Assert.Single(offers);
        Assert.Equal(5250.50m, offer.WeeklyPrice);
        Assert.True(offer.IncludesEducation && offer.IncludesTherapy);
        Assert.Equal(7.5m, offer.OneToOneHoursPerWeek);
        Assert.Equal("A quiet house with one other girl of 15", offer.Notes);
        using var officerSession = await app.SignInAsync(officer);
        var officerText = await officerSession.OpenAsync($"/referrals/{referralId}?handler=Offers");
        Assert.Contains($"1. {provider.Name}", officerText.Text);
        Assert.Contains("Education, Therapy, 7.5 hours of one-to-one support a week", officerText.Text);
        // The inbox marks it as offered.
        Assert.Contains("Offered", (await session.OpenAsync("/provider/referrals?handler=List")).Text);
    }

    [Fact]
    public async Task MakeOffer_BlankForm_ErrorSummaryNamesTheFields()
    {
        var (_, officer, provider, _, referralId, _) = await SentReferralAsync();
        using var session = await app.SignInAsync(provider.User);

        var response = await session.PostFormAsync($"/provider/referrals/{referralId}/offer", new()
        {
            ["Input.IdempotencyKey"] = Guid.NewGuid().ToString("N"), ["Input.OneToOneHours"] = "lots",
        });

        var page = await response.PageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Select the vacancy you are offering", "Enter the weekly price", "One-to-one hours must be a number, like 10 or 7.5"], page.Errors());
        Assert.Equal(["Input_VacancyId", "Input_WeeklyPrice", "Input_OneToOneHours"], page.ErrorFields());
        Assert.Empty((await app.UseAsync<OfferService, List<OfferView>?>(s => s.RankedOffersAsync(TestData.ActorFor(officer), referralId)))!);
    }

    [Fact]
    public async Task WithdrawOffer_FromTheReferral_WithdrawsIt()
    {
        var (_, officer, provider, vacancy, referralId, _) = await SentReferralAsync();
        var offerId = await app.OfferAsync(provider, referralId, vacancy, 5400m);
        using var session = await app.SignInAsync(provider.User);

        var check = await session.OpenAsync($"/provider/referrals/{referralId}/offers/{offerId}/withdraw");
        Assert.Contains("£5,400", check.Text);
        Assert.Contains("£280,800", check.Text);
        Assert.DoesNotContain("Amelia", check.Text);
        var response = await session.PostFormAsync($"/provider/referrals/{referralId}/offers/{offerId}/withdraw", new());

        Assert.Equal($"/provider/referrals/{referralId}", response.RedirectTarget());
        Assert.Contains("Your offer is withdrawn", (await session.OpenAsync($"/provider/referrals/{referralId}")).Text);
        Assert.Empty((await app.UseAsync<OfferService, List<OfferView>?>(s => s.RankedOffersAsync(TestData.ActorFor(officer), referralId)))!);
    }

    [Fact]
    public async Task Decline_WithAReason_IsRecordedAndCountedForTheOfficer()
    {
        var (_, officer, provider, _, referralId, _) = await SentReferralAsync();
        using var session = await app.SignInAsync(provider.User);
        var form = await session.OpenAsync($"/provider/referrals/{referralId}/decline");
        Assert.Contains("We cannot meet the child's needs", form.Text);
        Assert.Contains("The budget is below our cost", form.Text);

        var response = await session.PostFormAsync($"/provider/referrals/{referralId}/decline", new() { ["Reason"] = "CannotMeetNeeds" });

        Assert.Equal($"/provider/referrals/{referralId}", response.RedirectTarget());
        var text = await session.OpenAsync($"/provider/referrals/{referralId}");
        Assert.Contains("You declined the referral", text.Text);
        Assert.Contains("Your organisation declined this referral: we cannot meet the child's needs.", text.Text);
        var inbox = await app.UseAsync<OfferService, List<ProviderReferralView>>(s => s.InboxAsync(TestData.ActorFor(provider.User), referralId));
        Assert.Equal(DeclineReason.CannotMeetNeeds, Assert.Single(inbox).DeclineReason);
        Assert.Contains("Declined", (await session.OpenAsync("/provider/referrals")).Text);
        using var officerSession = await app.SignInAsync(officer);
        Assert.Contains("Declined 1 provider", (await officerSession.OpenAsync($"/referrals/{referralId}")).Text);
    }

    [Fact]
    public async Task Decline_WithoutAReason_OrOtherWithoutDetail_SaysWhatIsMissing()
    {
        var (_, _, provider, _, referralId, _) = await SentReferralAsync();
        using var session = await app.SignInAsync(provider.User);

        var blank = await (await session.PostFormAsync($"/provider/referrals/{referralId}/decline", new())).PageAsync();
        var other = await (await session.PostFormAsync($"/provider/referrals/{referralId}/decline", new() { ["Reason"] = "Other" })).PageAsync();

        Assert.Equal([("Select why you are declining", "Reason")], blank.ErrorSummary());
        Assert.Equal([("Say why you are declining", "Detail")], other.ErrorSummary());
        Assert.True(other.IsChosen("Reason", "Other"));
        var inbox = await app.UseAsync<OfferService, List<ProviderReferralView>>(s => s.InboxAsync(TestData.ActorFor(provider.User), referralId));
        Assert.False(Assert.Single(inbox).Declined);

        var withDetail = await session.PostFormAsync($"/provider/referrals/{referralId}/decline",
            new() { ["Reason"] = "Other", ["Detail"] = "The home is being refurbished until January" });
        Assert.Equal($"/provider/referrals/{referralId}", withDetail.RedirectTarget());
    }

    [Fact]
    public async Task Alerts_ChoosingEveryReferral_IsSaved()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);
        Assert.True((await session.OpenAsync("/provider/referrals")).IsChosen("Alerts", "fitting"));

        var response = await session.PostFormAsync("/provider/referrals", new() { ["Alerts"] = "every" }, action: "/provider/referrals?handler=Alerts");

        Assert.Equal("/provider/referrals", response.RedirectTarget());
        var page = await session.OpenAsync("/provider/referrals");
        Assert.Contains("You will be alerted live for every referral", page.PageText);
        Assert.True(page.IsChosen("every"));
        Assert.True(await app.UseAsync<ProviderAlerts, bool>(s => s.GetAsync(TestData.ActorFor(provider.User))));
    }

    [Fact]
    public async Task Inbox_NoReferrals_SaysSo()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        Assert.Contains("No referrals have been sent to your organisation yet", (await session.OpenAsync("/provider/referrals")).Text);
    }
}
