using PlacementBroker.Core;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Referrals;

/// <summary>
/// Sending a referral again with wider criteria once its deadline passes. The clock moves here, so the class has an
/// app of its own; sessions sign in after the clock moves (a sign-in cookie lasts 8 hours).
/// </summary>
public class RebroadcastPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Rebroadcast_AfterTheDeadline_SendsANewReferralWithWiderCriteria()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        // Above the first budget: no offer came.
        var (provider, vacancy) = await app.Data.FittingProviderAsync(dps, weeklyPrice: 5900m);
        var referralId = await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId, budget: 5000m));
        using (var early = await app.SignInAsync(officer))
        {
            Assert.DoesNotContain("Send again with wider criteria", (await early.OpenAsync($"/referrals/{referralId}")).PageText);
            Assert.Equal($"/referrals/{referralId}", (await early.GetAsync($"/referrals/{referralId}/rebroadcast")).RedirectTarget());
        }

        app.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        using var session = await app.SignInAsync(officer);
        var page = await session.OpenAsync($"/referrals/{referralId}");
        Assert.Contains("The deadline for offers has passed without a placement", page.Text);
        Assert.Contains("Send again with wider criteria", page.Text);
        var form = await session.OpenAsync($"/referrals/{referralId}/rebroadcast");
        Assert.NotEmpty(form.All("[value='5000']"));
        Assert.NotEmpty(form.All("[value='20']"));
        Assert.True(form.IsChosen($"{dps.LotId}"));

        var today = UkTime.Today(app.Clock);
        var response = await session.PostFormAsync($"/referrals/{referralId}/rebroadcast", new()
        {
            ["Input.LotId"] = dps.LotId.ToString(),
            ["Input.MaxDistanceMiles"] = "40",
            ["Input.WeeklyBudget"] = "6500",
            ["Input.DeadlineDate.Day"] = today.AddDays(2).Day.ToString(),
            ["Input.DeadlineDate.Month"] = today.AddDays(2).Month.ToString(),
            ["Input.DeadlineDate.Year"] = today.AddDays(2).Year.ToString(),
            ["Input.DeadlineTime"] = "12:00",
        });

        var target = response.RedirectTarget();
        Assert.Matches("^/referrals/[0-9a-f-]{36}$", target);
        var newId = Guid.Parse(target.Split('/')[2]);
        Assert.NotEqual(referralId, newId);
        var fresh = await session.OpenAsync(target);
        var text = fresh;
        Assert.Contains("The referral was sent again to 1 provider with the wider criteria", text.Text);
        Assert.Contains("Weekly budget £6,500", text.Text);
        Assert.Contains("Maximum distance from home 40 miles", text.Text);
        Assert.True(fresh.HasLinkTo($"/referrals/{referralId}"));
        Assert.Contains("Unfilled", (await session.OpenAsync($"/referrals/{referralId}")).Text);
        var inbox = await app.UseAsync<OfferService, List<ProviderReferralView>>(s => s.InboxAsync(TestData.ActorFor(provider.User), newId));
        Assert.Equal([vacancy], Assert.Single(inbox).MatchingVacancyIds);
    }

    [Fact]
    public async Task Rebroadcast_WithoutANewDeadline_AsksForIt()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var referralId = await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        app.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        using var session = await app.SignInAsync(officer);

        var response = await session.PostFormAsync($"/referrals/{referralId}/rebroadcast", new()
        {
            ["Input.LotId"] = dps.LotId.ToString(),
            ["Input.MaxDistanceMiles"] = "far",
            ["Input.WeeklyBudget"] = "6500",
        });

        var page = await response.PageAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["The maximum distance must be a number of miles, like 20", "Enter the deadline for offers"], page.Errors());
        Assert.Equal(["Input_MaxDistanceMiles", "Input_DeadlineDate"], page.ErrorFields());
        var list = await app.UseAsync<ReferralService, List<ReferralSummary>>(s => s.ListAsync(TestData.ActorFor(officer), null));
        Assert.Equal(ReferralStatus.Open, Assert.Single(list).Status);
    }
}
