using System.Net;
using PlacementBroker.Core;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Pages;
using PlacementBroker.Web.Pages.Referrals;
using PlacementBroker.Web.Tests.Pages.Commissioning;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Referrals;

/// <summary>Writing a referral through the pages: the form, its errors, check your answers, changing a draft, sending.</summary>
public class ReferralFormPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task NewReferral_QuestionPages_OfferTheAuthoritysOpenLotsAndReadableChoices_OneSectionAPage()
    {
        var dps = await app.Data.CreateDpsAsync();
        var otherAuthoritysDps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var form = ReferralPageHelpers.ReferralForm(dps.LotId, "LCC-PAGES-1");

        var text = await session.OpenAsync("/referrals/new");

        var lots = text.Document.QuerySelectorAll("select[name='Input.LotId'] option, input[name='Input.LotId']").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(dps.LotId.ToString(), lots);
        Assert.DoesNotContain(otherAuthoritysDps.LotId.ToString(), lots);
        Assert.Equal("The placement", text.Heading());
        Assert.StartsWith("The placement", text.Title);
        Assert.Contains("Make a referral", text.Text);
        var path = "/referrals/new";
        string[][] labels =
        [
            ["Emergency: same day", "Urgent: within 72 hours", "Planned", "Long-term or permanent", "Required start date"],
            ["Child's case reference", "First name", "Last name", "Date of birth", "Number of children to place together"],
            ["Emotional and behavioural", "Child criminal exploitation (CCE) risk", "The placement must meet this need"],
            ["Child's home postcode or postcode district", "Maximum distance from home", "Out of area required"],
            ["Weekly budget", "Offers are due by: date", "Offers are due by: time"],
        ];
        for (var i = 0; i < ReferralFormModel.Sections.Count; i++)
        {
            var section = ReferralFormModel.Sections[i];
            var page = await session.OpenAsync(path);
            Assert.Equal(section.Title, page.Heading());
            Assert.Single(page.Document.QuerySelectorAll("h1"));
            Assert.Single(page.Document.QuerySelectorAll("main form[method=post]"));
            foreach (var label in labels[i].Concat(["Continue", "Save and come back later"]))
            {
                Assert.Contains(label, page.Text);
            }
            // Only the section's own questions.
            foreach (var other in labels.Where((_, n) => n != i).SelectMany(l => l).Where(l => l != "Planned"))
            {
                Assert.DoesNotContain(other, page.Text);
            }
            Assert.DoesNotContain("ChildCriminalExploitation", page.PageText);
            Assert.All(page.Document.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src"), "An inline script"));
            Assert.Empty(page.Document.QuerySelectorAll("[style]"));
            if (i == ReferralFormModel.Sections.Count - 1)
            {
                Assert.Equal("£", page.Document.QuerySelector(".govuk-input__prefix[aria-hidden=true]")?.TextContent.Trim());
                break;
            }
            path = (await session.PostFormPairsAsync(path, form.SectionFields(section.Slug))).RedirectTarget();
            Assert.Matches($"^/referrals/new/[0-9a-f-]{{36}}/{ReferralFormModel.Sections[i + 1].Slug}$", path);
        }
    }

    [Fact]
    public async Task NewReferral_BlankFirstQuestion_ErrorSummaryNamesItsFieldsInOrderAndSavesNothing()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);

        var response = await session.PostFormPairsAsync("/referrals/new", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.PageAsync();
        Assert.Equal(
        [
            ("Select the lot (the type of placement)", "Input_LotId"), ("Select how urgent the placement is", "Input_Urgency"),
            ("Enter the required start date", "Input_StartDate"), ("Select the expected duration", "Input_Duration"),
        ], page.ErrorSummary());
        foreach (var id in page.ErrorFields())
        {
            Assert.NotNull(page.Document.GetElementById(id));
        }
        Assert.StartsWith("Error: The placement", page.Title);
        Assert.Empty(await app.UseAsync<ReferralService, List<ReferralSummary>>(s => s.ListAsync(TestData.ActorFor(officer), null)));
        Assert.Empty(await app.UseAsync<UnfinishedReferrals, List<UnfinishedReferralView>>(s => s.ListAsync(TestData.ActorFor(officer))));
    }

    [Fact]
    public async Task NewReferral_UnreadableValues_SayWhyOnTheirOwnQuestion()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);

        var child = await session.WriteReferralAsync(ReferralPageHelpers.ReferralForm(dps.LotId, "LCC-UNREADABLE").With("Input.SiblingGroupSize", "two"));
        var childPage = await child.PageAsync();
        Assert.Equal(HttpStatusCode.OK, child.StatusCode);
        Assert.Equal("The child", childPage.Heading());
        Assert.Equal([("The number of children must be a whole number, like 2", "Input_SiblingGroupSize")], childPage.ErrorSummary());

        var budget = await session.WriteReferralAsync(ReferralPageHelpers.ReferralForm(dps.LotId, "LCC-UNREADABLE")
            .With("Input.DeadlineTime", "teatime").With("Input.WeeklyBudget", "lots"));
        var page = await budget.PageAsync();
        Assert.Equal(HttpStatusCode.OK, budget.StatusCode);
        Assert.Equal(
        [
            ("The weekly budget must be an amount in pounds, like 5500 or 5500.50", "Input_WeeklyBudget"),
            ("Enter the time as, for example, 5pm or 17:00", "Input_DeadlineTime"),
        ], page.ErrorSummary());
        Assert.Equal("teatime", page.Document.GetElementById("Input_DeadlineTime")?.GetAttribute("value"));
        Assert.Empty(await app.UseAsync<ReferralService, List<ReferralSummary>>(s => s.ListAsync(TestData.ActorFor(officer), null)));
    }

    [Fact]
    public async Task NewReferral_Continue_SavesADraftThenCheckAnswersSendsIt()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);

        var response = await session.WriteReferralAsync(ReferralPageHelpers.ReferralForm(dps.LotId, "LCC-FORM-1"));

        var check = response.RedirectTarget();
        Assert.Matches("^/referrals/[0-9a-f-]{36}/check$", check);
        var id = Guid.Parse(check.Split('/')[2]);
        var draft = (await app.UseAsync<ReferralService, ReferralView?>(s => s.FindAsync(TestData.ActorFor(officer), id)))!;
        Assert.Equal(ReferralStatus.Draft, draft.Status);
        Assert.Equal(new DateTime(2026, 11, 25, 17, 0, 0, DateTimeKind.Utc), draft.OfferDeadline);
        Assert.Equal(6000m, draft.WeeklyBudget);
        Assert.Equal([Need.EmotionalBehavioural, Need.Autism], draft.Child.Needs);
        Assert.Equal([Need.EmotionalBehavioural], draft.Child.MustHaveNeeds);
        Assert.Equal("Section 20", draft.Child.LegalStatus);
        Assert.Empty(await app.UseAsync<OfferService, List<ProviderReferralView>>(s => s.InboxAsync(TestData.ActorFor(provider.User))));

        var page = await session.OpenAsync(check);
        var text = page;
        Assert.Contains("Check your answers before sending", text.Text);
        foreach (var answer in new[]
        {
            "Name Amelia Hartley-Testcase", "Case reference LCC-FORM-1", "Date of birth 17 May 2012", "Age at the start date 14",
            "Gender Female", "Children to place together 1 child", "Legal status Section 20", "Wishes and feelings Wants to stay at her school in Headingley",
            "Emotional and behavioural Must have", "Autism", "Must be met Emotional and behavioural", "Risks Goes missing at night",
            "Cultural, religious and language needs Speaks Polish at home", "Urgency Planned", "Start date 30 November 2026",
            "Expected duration Long-term or permanent", "Home postcode LS6 3QN (providers see LS6)", "Maximum distance from home 20 miles",
            "Weekly budget £6,000", "Offers are due by 25 November 2026 at 5pm",
        })
        {
            Assert.Contains(answer, text.Text);
        }
        Assert.True(page.HasLinkTo($"/referrals/{id}/draft/budget#Input_WeeklyBudget"));
        Assert.True(page.HasLinkTo($"/referrals/{id}/draft/needs#Input_Needs"));
        Assert.Contains("Send to providers", text.Text);

        var sent = await session.PostFormAsync(check, []);

        Assert.Equal($"/referrals/{id}", sent.RedirectTarget());
        var shown = await session.OpenAsync($"/referrals/{id}");
        Assert.Contains("Your referral was sent to 1 provider", shown.Text);
        Assert.Contains("Open for offers", shown.Text);
        var inbox = await app.UseAsync<OfferService, List<ProviderReferralView>>(s => s.InboxAsync(TestData.ActorFor(provider.User)));
        Assert.Equal(id, Assert.Single(inbox).Id);
        // Once sent, the check page and the change form lead to the referral itself.
        Assert.Equal($"/referrals/{id}", (await session.GetAsync(check)).RedirectTarget());
        Assert.Equal($"/referrals/{id}", (await session.GetAsync($"/referrals/{id}/edit")).RedirectTarget());
    }

    [Fact]
    public async Task ChangeDraft_FromCheckAnswers_ShowsTheFormFilledInAndSavesTheChange()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var check = (await session.WriteReferralAsync(ReferralPageHelpers.ReferralForm(dps.LotId, "LCC-CHANGE-1"))).RedirectTarget();
        var id = Guid.Parse(check.Split('/')[2]);

        var form = await session.OpenAsync($"/referrals/{id}/edit");
        Assert.NotEmpty(form.All("[value='LCC-CHANGE-1']"));
        Assert.NotEmpty(form.All("[value='6000']"));
        Assert.NotEmpty(form.All("[value='17:00']"));
        Assert.True(form.IsChosen("Autism"));

        var changed = await session.PostFormPairsAsync($"/referrals/{id}/edit",
            ReferralPageHelpers.ReferralForm(dps.LotId, "LCC-CHANGE-1").With("Input.WeeklyBudget", "6750.50").With("Input.DeadlineTime", "09:30"));

        Assert.Equal(check, changed.RedirectTarget());
        var text = await session.OpenAsync(check);
        Assert.Contains("Weekly budget £6,750.50", text.Text);
        Assert.Contains("Offers are due by 25 November 2026 at 9:30am", text.Text);
        Assert.Single(await app.UseAsync<ReferralService, List<ReferralSummary>>(s => s.ListAsync(TestData.ActorFor(officer), null)));
    }

    [Fact]
    public async Task ChangeDraft_SectionQuestionPage_AsksOnlyItsQuestions_SavesAndReturnsToCheckAnswers()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var check = (await session.WriteReferralAsync(ReferralPageHelpers.ReferralForm(dps.LotId, "LCC-SECTION-1"))).RedirectTarget();
        var id = Guid.Parse(check.Split('/')[2]);

        var needs = await session.OpenAsync($"/referrals/{id}/draft/needs");
        Assert.Equal("Needs and risks", needs.Heading());
        Assert.Null(needs.FindByLabel("Weekly budget"));
        Assert.True(needs.IsChosen("Input.Needs", "Autism"));
        Assert.True(needs.IsChosen("Input.MustHaveNeeds", "EmotionalBehavioural"));
        // Autism becomes a must-have; emotional and behavioural is unticked, so its must-have (still ticked in its reveal) no longer counts.
        var changed = await session.PostFormPairsAsync($"/referrals/{id}/draft/needs",
        [
            new("Input.Needs", "Autism"), new("Input.MustHaveNeeds", "Autism"), new("Input.MustHaveNeeds", "EmotionalBehavioural"),
            new("Input.RiskSummary", "Goes missing at night"),
        ]);

        Assert.Equal(check, changed.RedirectTarget());
        var view = await app.UseAsync<ReferralService, ReferralView?>(s => s.FindAsync(TestData.ActorFor(officer), id));
        Assert.Equal([Need.Autism], view!.Child.Needs);
        Assert.Equal([Need.Autism], view.Child.MustHaveNeeds);
        Assert.Equal(6000m, view.WeeklyBudget);
        Assert.Equal("LCC-SECTION-1", view.Child.Reference);
        Assert.Null(view.Child.CulturalNeeds);
    }

    [Fact]
    public async Task ChangeDraft_SectionQuestionPage_InvalidAnswer_ShowsTheErrorAndSavesNothing()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var check = (await session.WriteReferralAsync(ReferralPageHelpers.ReferralForm(dps.LotId, "LCC-SECTION-2"))).RedirectTarget();
        var id = Guid.Parse(check.Split('/')[2]);

        var response = await session.PostFormPairsAsync($"/referrals/{id}/draft/budget",
            [new("Input.WeeklyBudget", "lots"), new("Input.DeadlineDate.Day", "25"), new("Input.DeadlineDate.Month", "11"), new("Input.DeadlineDate.Year", "2026"), new("Input.DeadlineTime", "5pm")]);

        var page = PageDocument.Parse(await response.TextAsync());
        Assert.Equal(["Input_WeeklyBudget"], page.ErrorFields());
        var view = await app.UseAsync<ReferralService, ReferralView?>(s => s.FindAsync(TestData.ActorFor(officer), id));
        Assert.Equal(6000m, view!.WeeklyBudget);
    }

    [Fact]
    public async Task ChangeDraft_UnknownSection_OrAnotherCouncilsDraft_IsNotFound()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var check = (await session.WriteReferralAsync(ReferralPageHelpers.ReferralForm(dps.LotId, "LCC-SECTION-3"))).RedirectTarget();
        var id = Guid.Parse(check.Split('/')[2]);
        var other = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var otherSession = await app.SignInAsync(other);

        await session.GetPageAsync($"/referrals/{id}/draft/nonsense", System.Net.HttpStatusCode.NotFound);
        await otherSession.GetPageAsync($"/referrals/{id}/draft/child", System.Net.HttpStatusCode.NotFound);
        var post = await otherSession.PostFormPairsAsync("/referrals/new", [new("Input.FirstName", "Someone")], action: $"/referrals/{id}/draft/child");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, post.StatusCode);
    }

    [Theory]
    [InlineData(2026, 11, 25, "5pm", 17, 0)]
    [InlineData(2026, 11, 25, "17:00", 17, 0)]
    [InlineData(2026, 11, 25, "9.30am", 9, 30)]
    [InlineData(2027, 7, 1, "5pm", 16, 0)]
    [InlineData(2027, 7, 1, "midday", 11, 0)]
    [InlineData(2027, 3, 28, "1:30am", 1, 30)]
    public void Deadline_EnglandsTime_IsStoredAsUtc(int year, int month, int day, string time, int utcHour, int utcMinute)
    {
        var utc = EnglandTime.ToUtc(new DateOnly(year, month, day), time, out var error);

        Assert.Null(error);
        Assert.Equal(new DateTime(year, month, day, utcHour, utcMinute, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc!.Value.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("teatime")]
    [InlineData("25:00")]
    [InlineData("13pm")]
    public void Deadline_UnreadableTime_SaysWhy(string time)
    {
        Assert.Null(EnglandTime.ToUtc(new DateOnly(2026, 11, 25), time, out var error));
        Assert.NotNull(error);
    }
}
