using PlacementBroker.Core.Providers;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages;
using PlacementBroker.Web.Tests.Security;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>
/// A real host over PostgreSQL on a real port (for the hub), with a two-council, two-provider market built once through
/// the API, and one bearer token per caller.
/// </summary>
public class SecurityMarketApp : PostgresApp
{
    protected override bool RealServer => true;

    public Side A { get; } = new();
    public Side B { get; } = new();
    public Dictionary<Caller, string?> Tokens { get; } = new();

    /// <summary>Side A's signed-in callers (the platform admin signs in with <see cref="PlacementBrokerApp.AdminEmail"/>).</summary>
    public Dictionary<Caller, TestUser> Users { get; } = new();

    private readonly Dictionary<Caller, PageSession> _pageSessions = new();
    private readonly SemaphoreSlim _pageSessionsLock = new(1, 1);

    /// <summary>
    /// A cookie session on the pages per caller, signed in once and reused (the platform admin with its second factor);
    /// anonymous has no cookie. Its client does not follow redirects.
    /// </summary>
    public async Task<PageSession> PageSessionFor(Caller caller)
    {
        await _pageSessionsLock.WaitAsync();
        try
        {
            if (!_pageSessions.TryGetValue(caller, out var session))
            {
                try
                {
                    session = caller switch
                    {
                        Caller.Anonymous => PageSession.OnRealServer(this),
                        Caller.PlatformAdmin => await PageSession.SignedInAsync(PageSession.OnRealServer(this), this, AdminEmail, AdminPassword),
                        _ => await PageSession.SignedInAsync(PageSession.OnRealServer(this), this, Users[caller].Email, Users[caller].Password),
                    };
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"{caller} could not sign in on the pages", e);
                }
                _pageSessions[caller] = session;
            }
            return session;
        }
        finally
        {
            _pageSessionsLock.Release();
        }
    }

    public Side SideFor(Target target) => target == Target.Own ? A : B;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (callersA, _) = (await BuildSideAsync(A), await BuildSideAsync(B));
        Tokens[Caller.Anonymous] = null;
        Tokens[Caller.PlatformAdmin] = await Data.TokenAsync(AdminEmail, AdminPassword);
        foreach (var (caller, user) in callersA)
        {
            Tokens[caller] = await Data.TokenAsync(user);
            Users[caller] = user;
        }
    }

    public HttpClient ClientFor(Caller caller)
    {
        var client = CreateClient();
        if (Tokens[caller] is { } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    private async Task<Dictionary<Caller, TestUser>> BuildSideAsync(Side side)
    {
        var commissioner = await Data.CreateUserAsync(Role.Commissioner);
        var la = commissioner.LocalAuthorityId!.Value;
        var officer = await Data.CreateUserAsync(Role.PlacingOfficer, la);
        var manager = await Data.CreateUserAsync(Role.PlacementManager, la);
        var qa = await Data.CreateUserAsync(Role.QaOfficer, la);
        var dataProtectionLead = await Data.CreateUserAsync(Role.DataProtectionLead, la);
        side.Authority = la;
        side.CommissionerUser = commissioner.Id;
        side.OfficerUser = officer.Id;
        side.SpareUser = (await Data.CreateUserAsync(Role.PlacingOfficer, la)).Id;

        var dps = await Data.CreateDpsAsync(commissioner);
        var spare = await Data.CreateDpsAsync(commissioner);
        (side.Dps, side.Lot, side.SpareDps, side.SpareLot) = (dps.Id, dps.LotId, spare.Id, spare.LotId);

        var provider = await Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        var colleague = await Data.CreateUserAsync(Role.ProviderUser, providerId: provider.Id);
        side.Provider = provider.Id;
        side.ProviderUser = provider.User.Id;
        (side.Application, var membership) = await Data.ApplyAsync(provider, dps);
        side.Membership = membership!.Value;
        side.SpareMembership = (await Data.ApplyAsync(provider, spare)).MembershipId!.Value;
        side.Setting = await Data.CreateSettingAsync(provider, places: 10);
        side.Vacancy = await Data.CreateVacancyAsync(provider, side.Setting, dps.LotId, places: 4);
        side.SpareVacancy = await Data.CreateVacancyAsync(provider, side.Setting, dps.LotId);

        using var officerClient = await Data.ClientForAsync(officer);
        using var providerClient = await Data.ClientForAsync(provider.User);
        async Task<(Guid Referral, Guid Offer)> ReferralWithOfferAsync(Guid vacancy)
        {
            var referral = await IdAsync(await officerClient.PostAsJsonAsync("/api/referrals", Data.ReferralBody(dps.LotId)), HttpStatusCode.Created);
            var offer = await IdAsync(await providerClient.PostAsJsonAsync($"/api/referrals/{referral}/offers", new { vacancyId = vacancy, weeklyPrice = 5000m }), HttpStatusCode.Created);
            return (referral, offer);
        }
        (side.Referral, side.Offer) = await ReferralWithOfferAsync(side.Vacancy);
        (side.SpareReferral, side.SpareOffer) = await ReferralWithOfferAsync(side.Vacancy);
        Assert.Equal(HttpStatusCode.OK, (await officerClient.PostAsync($"/api/offers/{side.Offer}/shortlist", null)).StatusCode);
        async Task<Guid> DocumentAsync() => await IdAsync(await officerClient.PostAsync($"/api/referrals/{side.Referral}/documents",
            Sharing.DocumentSamples.Form(Sharing.DocumentSamples.Pdf(), "Risk assessment.pdf", "RiskAssessment", "Shortlisted")), HttpStatusCode.Created);
        side.Document = await DocumentAsync();
        side.SpareDocument = await DocumentAsync();
        side.Question = await IdAsync(await providerClient.PostAsJsonAsync($"/api/referrals/{side.Referral}/questions", new { text = "Does she attend school?" }),
            HttpStatusCode.Created);
        var (_, placedOffer) = await ReferralWithOfferAsync(side.Vacancy);
        side.Placement = await IdAsync(await officerClient.PostAsJsonAsync($"/api/offers/{placedOffer}/accept", new { kind = "Spot" }), HttpStatusCode.Created, "placementId");
        // An inadequate home makes the provider amber: from now on its placements wait for a manager's approval.
        var inadequate = await Data.CreateSettingAsync(provider, grade: OfstedGrade.Inadequate);
        var inadequateVacancy = await Data.CreateVacancyAsync(provider, inadequate, dps.LotId);
        var (_, heldOffer) = await ReferralWithOfferAsync(inadequateVacancy);
        side.Approval = await IdAsync(await officerClient.PostAsJsonAsync($"/api/offers/{heldOffer}/accept", new { kind = "Spot" }), HttpStatusCode.Accepted, "approvalId");

        using var qaClient = await Data.ClientForAsync(qa);
        side.Flag = await IdAsync(await qaClient.PostAsJsonAsync("/api/qa/flags",
            new { providerId = provider.Id, category = "Concern", severity = "Low", description = "Staffing ratios looked thin at the weekend" }), HttpStatusCode.Created);
        side.Visit = await IdAsync(await qaClient.PostAsJsonAsync("/api/qa/visits",
            new { settingId = side.Setting, visitDate = "2026-11-20", type = "Annual" }), HttpStatusCode.Created);

        using var commissionerClient = await Data.ClientForAsync(commissioner);
        side.BillingRun = await IdAsync(await commissionerClient.PostAsJsonAsync("/api/billing/runs",
            new { periodStart = "2026-10-01", periodEnd = "2026-10-31" }), HttpStatusCode.Created);
        side.Statement = await IdAsync(await commissionerClient.PostAsJsonAsync("/api/sufficiency/statements",
            new { periodFrom = "2025-11-01", periodTo = "2026-10-31" }), HttpStatusCode.Created);
        // Contract management: the starter KPIs, the provider's return for this quarter submitted early, a review held with an
        // action and one scheduled, and an open improvement plan.
        (await commissionerClient.PostAsync($"/api/dps/{dps.Id}/kpis/starter-set", null)).EnsureSuccessStatusCode();
        using (var draft = await providerClient.GetAsync($"/api/providers/{provider.Id}/kpi-returns/{dps.Id}/2026-Q4"))
        {
            var values = JsonDocument.Parse(await draft.Content.ReadAsStringAsync()).RootElement.GetProperty("values").EnumerateArray()
                .Where(v => !v.GetProperty("measured").GetBoolean()).Select(v => new { kpiId = v.GetProperty("kpiId").GetGuid(), value = 1m }).ToList();
            side.Kpi = values[0].kpiId;
            side.KpiReturn = await IdAsync(await providerClient.PostAsJsonAsync($"/api/providers/{provider.Id}/kpi-returns/{dps.Id}/2026-Q4", new { values }), HttpStatusCode.Created);
        }
        side.ContractReview = await IdAsync(await commissionerClient.PostAsJsonAsync("/api/contract-reviews", new
        {
            providerId = provider.Id, dpsId = dps.Id, date = "2026-11-20", riskRating = "Medium", minutes = "Annual review held at the provider's office",
            actions = new[] { new { description = "Send the updated statement of purpose", owner = "Provider", dueDate = "2026-12-31" } },
        }), HttpStatusCode.Created);
        using (var review = await commissionerClient.GetAsync($"/api/contract-reviews/{side.ContractReview}"))
        {
            side.ReviewAction = JsonDocument.Parse(await review.Content.ReadAsStringAsync()).RootElement.GetProperty("actions")[0].GetProperty("id").GetGuid();
        }
        side.ScheduledReview = await IdAsync(await commissionerClient.PostAsJsonAsync("/api/contract-reviews",
            new { providerId = provider.Id, dpsId = dps.Id, date = "2027-05-20", riskRating = "Medium" }), HttpStatusCode.Created);
        using (var plan = await commissionerClient.PostAsJsonAsync("/api/improvement-plans", new
        {
            providerId = provider.Id, dpsId = dps.Id, reason = "Weekend staffing below the agreed ratio",
            milestones = new[] { new { description = "Recruit two weekend staff", dueDate = "2027-02-28" } },
        }))
        {
            var body = JsonDocument.Parse(await plan.Content.ReadAsStringAsync()).RootElement;
            side.ImprovementPlan = body.GetProperty("id").GetGuid();
            side.Milestone = body.GetProperty("milestones")[0].GetProperty("id").GetGuid();
        }
        using (var managerClient = await Data.ClientForAsync(manager))
        {
            side.Variation = await IdAsync(await managerClient.PostAsJsonAsync($"/api/placements/{side.Placement}/variations",
                new { date = "2026-11-30", kind = "AdditionalSupport", reason = "Two hours a week of one-to-one support after school" }), HttpStatusCode.Created);
        }
        side.BlockContract = await IdAsync(await commissionerClient.PostAsJsonAsync("/api/block-contracts", new
        {
            providerId = provider.Id, lotId = dps.LotId, places = 2, weeklyPricePerPlace = 4800m, startDate = "2026-11-01", endDate = "2027-10-31",
        }), HttpStatusCode.Created);
        side.UpliftRound = await IdAsync(await commissionerClient.PostAsJsonAsync($"/api/dps/{dps.Id}/uplift-rounds", new
        {
            name = "2027 to 2028 fee uplift", opensOn = "2026-11-23", closesOn = "2027-01-31", effectiveFrom = "2027-04-01", guidancePercent = 3.5m,
        }), HttpStatusCode.Created);
        side.UpliftRequest = await IdAsync(await providerClient.PostAsJsonAsync($"/api/uplift-rounds/{side.UpliftRound}/requests", new
        {
            providerId = provider.Id, requestedPercent = 5m, costBreakdown = new[] { new { category = "Staffing", lastYear = 900000m, nextYear = 950000m } },
            justification = "The National Living Wage rises by 6.7% in April",
        }), HttpStatusCode.Created);
        using (var scope = Services.CreateScope())
        {
            var started = await scope.ServiceProvider.GetRequiredService<PlacementBroker.Core.Referrals.UnfinishedReferrals>()
                .StartAsync(TestData.ActorFor(officer), """{"firstName":"Amelia"}""", ["placement"]);
            side.UnfinishedReferral = started.Value!.Id;
        }

        return new()
        {
            [Caller.PlacingOfficer] = officer,
            [Caller.PlacementManager] = manager,
            [Caller.QaOfficer] = qa,
            [Caller.Commissioner] = commissioner,
            [Caller.ProviderAdmin] = provider.User,
            [Caller.ProviderUser] = colleague,
            [Caller.DataProtectionLead] = dataProtectionLead,
        };
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response, HttpStatusCode status, string property = "id")
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"Building the market: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }
        return JsonDocument.Parse(text).RootElement.GetProperty(property).GetGuid();
    }
}
