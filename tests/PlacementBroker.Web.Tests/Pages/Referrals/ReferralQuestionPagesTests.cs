using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Pages.Referrals;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Referrals;

/// <summary>
/// Making a referral as question pages, saved as the officer goes: each page checks only its own answers; "Save and
/// come back later" keeps what is valid, across a sign-out; the answers are the officer's alone; finishing writes the
/// draft under every rule, and a rule only the whole referral can break shows on the question that asks it.
/// </summary>
public class ReferralQuestionPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static List<KeyValuePair<string, string>> Form(TestDps dps, string reference) => ReferralPageHelpers.ReferralForm(dps.LotId, reference);

    /// <summary>Answers the first two questions; the address of the third (needs).</summary>
    private static async Task<string> StartAsync(PageSession session, List<KeyValuePair<string, string>> form)
    {
        var child = (await session.PostFormPairsAsync("/referrals/new", form.SectionFields("placement"))).RedirectTarget();
        return (await session.PostFormPairsAsync(child, form.SectionFields("child"))).RedirectTarget();
    }

    private static Guid IdIn(string path) => Guid.Parse(path.Split('/')[3]);

    private async Task<UnfinishedReferral?> StoredAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().UnfinishedReferrals.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
    }

    [Theory]
    [InlineData("child", new[] { "Input.SiblingGroupSize" }, new[]
    {
        "Enter the child's case reference|Input_Reference", "Enter the child's first name|Input_FirstName", "Enter the child's last name|Input_LastName",
        "Enter the child's date of birth|Input_DateOfBirth", "Select the child's gender|Input_Gender",
    })]
    [InlineData("location", new string[0], new[]
    {
        "Enter the child's home postcode or postcode district|Input_HomePostcode", "Enter the furthest distance from home in miles|Input_MaxDistanceMiles",
    })]
    [InlineData("budget", new string[0], new[] { "Enter the weekly budget|Input_WeeklyBudget", "Enter the deadline for offers|Input_DeadlineDate" })]
    public async Task EachQuestion_Blank_ShowsOnlyItsOwnErrorsInFieldOrder_AndSavesNothingOfIt(string slug, string[] kept, string[] expected)
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var form = Form(dps, "LCC-Q-BLANK");
        var needs = await StartAsync(session, form);
        var path = needs.Replace("/needs", "/" + slug);

        var response = await session.PostFormPairsAsync(path, form.SectionFields(slug).Where(f => kept.Contains(f.Key)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.PageAsync();
        Assert.Equal(expected, page.ErrorSummary().Select(e => $"{e.Text}|{e.Field}"));
        foreach (var id in page.ErrorFields())
        {
            Assert.NotNull(page.Document.GetElementById(id));
        }
        Assert.Equal(ReferralFormModel.Sections.Single(s => s.Slug == slug).Title, page.Heading());
        var stored = await StoredAsync(IdIn(needs));
        Assert.Equal("placement,child", stored!.CompletedSections);
    }

    [Fact]
    public async Task Needs_AnsweredNone_IsComplete_AndBackLinksGoToThePreviousQuestion()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var needs = await StartAsync(session, Form(dps, "LCC-Q-BACK"));

        var page = await session.OpenAsync(needs);
        Assert.Equal("Needs and risks", page.Heading());
        Assert.Equal(needs.Replace("/needs", "/child"), page.Document.QuerySelector(".govuk-back-link")?.GetAttribute("href"));
        var child = await session.OpenAsync(needs.Replace("/needs", "/child"));
        Assert.Equal(needs.Replace("/needs", "/placement"), child.Document.QuerySelector(".govuk-back-link")?.GetAttribute("href"));
        Assert.Equal("Amelia", child.ValueOf("First name"));
        var first = await session.OpenAsync(needs.Replace("/needs", "/placement"));
        Assert.Equal("/referrals", first.Document.QuerySelector(".govuk-back-link")?.GetAttribute("href"));
        Assert.True(first.IsChosen("Input.Urgency", "Planned"));

        await session.GetPageAsync(needs.Replace("/needs", "/nonsense"), HttpStatusCode.NotFound);
        await session.GetPageAsync($"/referrals/new/{Guid.NewGuid()}/needs", HttpStatusCode.NotFound);
        var location = await session.PostFormPairsAsync(needs, []);
        Assert.Equal(needs.Replace("/needs", "/location"), location.RedirectTarget());
    }

    [Fact]
    public async Task EveryQuestionAnswered_WritesTheDraft_DeletesTheAnswers_AndShowsCheckYourAnswers()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var needs = await StartAsync(session, Form(dps, "LCC-Q-ALL"));

        var check = (await session.WriteReferralAsync(Form(dps, "LCC-Q-ALL"))).RedirectTarget();

        Assert.Matches("^/referrals/[0-9a-f-]{36}/check$", check);
        var list = await app.UseAsync<UnfinishedReferrals, List<UnfinishedReferralView>>(s => s.ListAsync(TestData.ActorFor(officer)));
        // The one written from start to end is gone; the one left at its third question stays.
        Assert.Equal(IdIn(needs), Assert.Single(list).Id);
        var draft = Assert.Single(await app.UseAsync<ReferralService, List<ReferralSummary>>(s => s.ListAsync(TestData.ActorFor(officer), null)));
        Assert.Equal(ReferralStatus.Draft, draft.Status);
        Assert.Equal("LCC-Q-ALL", draft.ChildReference);
        Assert.Contains("Weekly budget £6,000", (await session.OpenAsync(check)).Text);
    }

    [Fact]
    public async Task SaveAndComeBackLater_KeepsWhatIsValid_AcrossASignOut_AndContinuesAtTheFirstQuestionNotDone()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var form = Form(dps, "LCC-Q-LATER");
        string continueAt;
        using (var session = await app.SignInAsync(officer))
        {
            var child = (await session.PostFormPairsAsync("/referrals/new", form.SectionFields("placement"))).RedirectTarget();
            // The first name is kept; a date of birth in the future is not.
            var saved = await session.PostFormPairsAsync(child, form.SectionFields("child")
                .With("Input.DateOfBirth.Year", "2099").With("Input.LastName", "").With("save", "later"));
            Assert.Equal("/referrals?status=Draft", saved.RedirectTarget());
            var list = await session.OpenAsync("/referrals?status=Draft");
            Assert.Contains("Your answers are saved", list.SuccessBanner());
            Assert.Contains("Not finished", list.Text);
            Assert.Contains("Amelia", list.Text);
            continueAt = list.Links().Single(l => l.Name.StartsWith("Continue", StringComparison.Ordinal)).Href;
            Assert.Equal(child, continueAt);
            await session.PostFormAsync("/", new(), action: "/sign-out");
        }

        using var again = await app.SignInAsync(officer);
        var page = await again.OpenAsync("/referrals");
        Assert.Equal(continueAt, page.Links().Single(l => l.Name.StartsWith("Continue", StringComparison.Ordinal)).Href);
        var question = await again.OpenAsync(continueAt);
        Assert.Equal("The child", question.Heading());
        Assert.Equal("Amelia", question.ValueOf("First name"));
        Assert.Equal("LCC-Q-LATER", question.ValueOf("Child's case reference"));
        Assert.Equal("", question.ValueOf("Last name") ?? "");
        Assert.False(question.HasErrorSummary);
        var next = await again.PostFormPairsAsync(continueAt, form.SectionFields("child"));
        Assert.EndsWith("/needs", next.RedirectTarget());
        var check = (await again.WriteReferralAsync(form)).RedirectTarget();
        Assert.EndsWith("/check", check);
    }

    [Fact]
    public async Task SaveAndComeBackLater_OnTheFirstQuestion_StartsTheUnfinishedReferralWithWhatIsValid()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);

        var saved = await session.PostFormPairsAsync("/referrals/new", [new("Input.Urgency", "Urgent"), new("Input.Duration", "Nonsense"), new("save", "later")]);

        Assert.Equal("/referrals?status=Draft", saved.RedirectTarget());
        var list = await session.OpenAsync("/referrals?status=Draft");
        Assert.Contains("Name not given yet", list.Text);
        var continueAt = list.Links().Single(l => l.Name.StartsWith("Continue", StringComparison.Ordinal)).Href;
        Assert.EndsWith("/placement", continueAt);
        var page = await session.OpenAsync(continueAt);
        Assert.True(page.IsChosen("Input.Urgency", "Urgent"));
        Assert.Empty(page.All("input[name='Input.Duration']:checked"));
    }

    [Fact]
    public async Task UnfinishedReferral_IsTheOfficersAlone_OthersGet404Or403_AndCannotChangeOrDeleteIt()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var needs = await StartAsync(session, Form(dps, "LCC-Q-MINE"));
        var id = IdIn(needs);
        var before = await StoredAsync(id);
        var colleague = await app.Data.OfficerForAsync(dps);
        var elsewhere = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, dps.Commissioner.LocalAuthorityId);
        var provider = await app.Data.CreateProviderAsync();
        string[] pages = [needs, needs.Replace("/needs", "/child"), $"/referrals/new/{id}", $"/referrals/unfinished/{id}/delete"];

        foreach (var other in new[] { colleague, elsewhere })
        {
            using var theirs = await app.SignInAsync(other);
            foreach (var path in pages)
            {
                await theirs.GetPageAsync(path, HttpStatusCode.NotFound);
            }
            Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostFormPairsAsync("/referrals", [new("Input.FirstName", "Someone")], action: needs.Replace("/needs", "/child"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostFormPairsAsync("/referrals", [new("save", "later")], action: needs)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostFormPairsAsync("/referrals", [], action: $"/referrals/unfinished/{id}/delete")).StatusCode);
            Assert.DoesNotContain("Amelia", (await theirs.OpenAsync("/referrals?status=Draft")).Text);
            Assert.Empty(await app.UseAsync<UnfinishedReferrals, List<UnfinishedReferralView>>(s => s.ListAsync(TestData.ActorFor(other))));
        }
        foreach (var other in new[] { manager, provider.User })
        {
            using var theirs = await app.SignInAsync(other);
            foreach (var path in pages)
            {
                var response = await theirs.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{other.Role} GET {path}: {(int)response.StatusCode}");
                Assert.StartsWith("/error/403", response.RedirectTarget());
            }
            var post = await theirs.PostFormPairsAsync("/", [new("Input.FirstName", "Someone")], action: needs.Replace("/needs", "/child"));
            Assert.StartsWith("/error/403", post.RedirectTarget());
            Assert.Null(await app.UseAsync<UnfinishedReferrals, UnfinishedReferralView?>(s => s.FindAsync(TestData.ActorFor(other), id)));
            Assert.False((await app.UseAsync<UnfinishedReferrals, Outcome<bool>>(s => s.DiscardAsync(TestData.ActorFor(other), id))).Succeeded);
        }
        using (var managers = await app.SignInAsync(manager))
        {
            Assert.DoesNotContain("Not finished", (await managers.OpenAsync("/referrals")).Text);
        }

        var after = await StoredAsync(id);
        Assert.Equal(before!.Answers, after!.Answers);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal("The child", (await session.OpenAsync(needs.Replace("/needs", "/child"))).Heading());
    }

    [Fact]
    public async Task UnfinishedReferral_EveryReadOfTheAnswers_IsAuditedAsAnIdentityRead()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var needs = await StartAsync(session, Form(dps, "LCC-Q-AUDIT"));
        var id = IdIn(needs).ToString();
        int Reads(PlacementBrokerDbContext db) => db.AuditEvents.Count(e => e.Action == IdentityReads.UnfinishedReferral && e.ActorUserId == officer.Id);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var before = Reads(db);

        await session.OpenAsync(needs);
        await session.OpenAsync("/referrals?status=Draft");

        Assert.Equal(before + 2, Reads(db));
        Assert.True(db.AuditEvents.Any(e => e.Action == IdentityReads.UnfinishedReferral && e.EntityId == id));
        Assert.True(db.AuditEvents.Any(e => e.Action == IdentityReads.UnfinishedReferral && e.EntityId == null && e.Detail!.Contains(id)));
    }

    [Fact]
    public async Task Delete_AsksToConfirm_ThenDeletesTheAnswers()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var id = IdIn(await StartAsync(session, Form(dps, "LCC-Q-DELETE")));
        var list = await session.OpenAsync("/referrals?status=Draft");
        var delete = list.Links().Single(l => l.Name.StartsWith("Delete", StringComparison.Ordinal)).Href;

        var confirm = await session.OpenAsync(delete);
        Assert.Equal("Delete the unfinished referral for Amelia Hartley-Testcase?", confirm.Heading());
        Assert.Contains("You cannot undo this", confirm.Text);
        Assert.NotNull(await StoredAsync(id));

        var deleted = await session.PostFormPairsAsync(delete, []);
        Assert.Equal("/referrals?status=Draft", deleted.RedirectTarget());
        Assert.Null(await StoredAsync(id));
        var after = await session.OpenAsync("/referrals?status=Draft");
        Assert.Contains("The unfinished referral is deleted", after.SuccessBanner());
        Assert.DoesNotContain("Not finished", after.Text);
        await session.GetPageAsync($"/referrals/new/{id}/needs", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Finishing_APostcodeThatCannotBeLocated_ShowsOnTheLocationQuestion_AndWritesNothing()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var form = Form(dps, "LCC-Q-ZZ").With("Input.HomePostcode", "ZZ9 9ZZ");

        var response = await session.WriteReferralAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.PageAsync();
        Assert.Equal("Where the child lives", page.Heading());
        Assert.Equal([("We could not find where ZZ9 is. Check the postcode is right, or say that out of area is required", "Input_HomePostcode")], page.ErrorSummary());
        var action = page.Document.QuerySelector("main form[method=post]")!.GetAttribute("action")!;
        Assert.Matches("^/referrals/new/[0-9a-f-]{36}/location$", action);
        Assert.Empty(await app.UseAsync<ReferralService, List<ReferralSummary>>(s => s.ListAsync(TestData.ActorFor(officer), null)));

        // Saying out of area is required on that question writes the referral.
        var fixedUp = await session.PostFormPairsAsync(action, form.SectionFields("location").With("Input.OutOfAreaRequired", "true"));
        Assert.EndsWith("/check", fixedUp.RedirectTarget());
        Assert.Empty(await app.UseAsync<UnfinishedReferrals, List<UnfinishedReferralView>>(s => s.ListAsync(TestData.ActorFor(officer))));
    }

    [Fact]
    public async Task Finishing_TwiceAtOnce_WritesOneReferral()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var actor = TestData.ActorFor(officer);
        var started = await app.UseAsync<UnfinishedReferrals, Outcome<UnfinishedReferralView>>(s => s.StartAsync(actor, "{}", ["placement"]));
        var request = new CreateReferralRequest(dps.LotId, Urgency.Planned, new DateOnly(2026, 11, 30), PlacementDuration.LongTerm,
            new ChildInput("LCC-Q-RACE", "Amelia", "Hartley-Testcase", new DateOnly(2012, 5, 17), Gender.Female, 1, [], [], null),
            "LS6 3QN", null, null, 20, 6000m, new DateTime(2026, 11, 25, 17, 0, 0, DateTimeKind.Utc));

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            app.UseAsync<UnfinishedReferrals, Outcome<ReferralCreated>>(s => s.FinishAsync(actor, started.Value!.Id, request)))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(await app.UseAsync<ReferralService, List<ReferralSummary>>(s => s.ListAsync(actor, null)));
        Assert.Null(await StoredAsync(started.Value!.Id));
    }

    [Fact]
    public async Task NoReferralPage_AsksForLatitudeOrLongitude()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await app.SignInAsync(officer);
        var needs = await StartAsync(session, Form(dps, "LCC-Q-LATLON"));
        var check = (await session.WriteReferralAsync(Form(dps, "LCC-Q-LATLON"))).RedirectTarget();
        var id = check.Split('/')[2];
        var paths = new List<string> { "/referrals/new", $"/referrals/{id}/edit", check };
        paths.AddRange(ReferralFormModel.Sections.Select(s => needs.Replace("/needs", "/" + s.Slug)));
        paths.AddRange(ReferralFormModel.Sections.Select(s => $"/referrals/{id}/draft/{s.Slug}"));

        foreach (var path in paths)
        {
            var page = await session.OpenAsync(path);
            Assert.DoesNotContain("latitude", page.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("longitude", page.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("not recognised", page.Text);
        }
    }
}
