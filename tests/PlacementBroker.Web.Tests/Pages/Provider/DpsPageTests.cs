using System.Net;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Provider;

public class DpsPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task DpsPage_NotApplied_ShowsTheLotWithAnApplyButton()
    {
        var dps = await app.Data.CreateDpsAsync();
        // A children's home: the lot is residential care, which it offers.
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        using var session = await app.SignInAsync(provider.User);

        var text = await session.OpenAsync("/provider/dps");

        var lot = await LotNameAsync(dps);
        Assert.Contains($"{lot} Residential children's home", text.Text);
        Assert.Contains($"Not applied Apply to {lot}", text.Text);
    }

    [Fact]
    public async Task Apply_NewLot_StartsADraftAndOpensItsTaskList()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        var response = await session.PostFormAsync("/provider/dps", new() { ["lotId"] = dps.LotId.ToString() }, "/provider/dps?handler=Apply");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("^/provider/applications/[0-9a-f-]{36}$", response.Headers.Location!.OriginalString);
        var taskList = await session.OpenAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Do you hold public liability insurance of at least £10 million? Incomplete", taskList.Text);
        var dpsPage = await session.OpenAsync("/provider/dps");
        Assert.Contains($"Application in progress Continue your application to {await LotNameAsync(dps)}", dpsPage.Text);
    }

    [Fact]
    public async Task Apply_AlreadyAdmitted_ShowsWhyInTheErrorSummary()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        using var session = await app.SignInAsync(provider.User);

        var response = await session.PostFormAsync("/provider/dps", new() { ["lotId"] = dps.LotId.ToString() }, "/provider/dps?handler=Apply");

        var page = await response.PageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your organisation is already a member of this lot.", page.Errors());
    }

    [Fact]
    public async Task DpsPage_EachStanding_ShowsWhereTheProviderStands()
    {
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        var submitted = await app.Data.CreateDpsAsync(commissioner);
        var admitted = await app.Data.CreateDpsAsync(commissioner);
        var rejected = await app.Data.CreateDpsAsync(commissioner);
        var suspended = await app.Data.CreateDpsAsync(commissioner);
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, submitted, admit: false);
        await app.Data.ApplyAsync(provider, admitted);
        var (rejectedId, _) = await app.Data.ApplyAsync(provider, rejected, admit: false);
        await app.UseAsync<AdmissionService, Outcome<DecisionResult>>(s => s.DecideAsync(TestData.ActorFor(commissioner), rejectedId,
            new DecisionRequest(AdmissionDecision.Reject, "No evidence of a registered manager")));
        var (_, membershipId) = await app.Data.ApplyAsync(provider, suspended);
        await app.UseAsync<MembershipService, Outcome<MembershipView>>(s => s.ChangeAsync(TestData.ActorFor(commissioner), membershipId!.Value,
            MembershipAction.Suspend, "Red QA flag: safeguarding concern"));
        using var session = await app.SignInAsync(provider.User);

        var text = await session.OpenAsync("/provider/dps");

        Assert.Contains($"Waiting for a decision Submitted 23 November 2026. Decision due by {app.DueDateForSubmissionToday()}", text.Text);
        Assert.Contains($"{await LotNameAsync(admitted)} Residential children's home · benchmark £5,200 a week · 2 selection questions Admitted Since 23 November 2026", text.Text);
        Assert.Contains("Rejected Reasons: No evidence of a registered manager Apply again", text.Text);
        Assert.Contains("Suspended 23 November 2026: Red QA flag: safeguarding concern", text.Text);
    }

    private async Task<string> LotNameAsync(TestDps dps) =>
        (await app.UseAsync<DpsService, DpsView?>(s => s.FindAsync(TestData.ActorFor(dps.Commissioner), dps.Id)))!.Lots.Single().Name;
}
