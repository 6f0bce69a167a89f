namespace PlacementBroker.Web.Pages;

/// <summary>A number on the home page; <paramref name="Href"/> is the page that lists them (built from its page name), if any.</summary>
public sealed record HomeCard(string Title, int Count, string Description, string? Href = null);
/// <summary>A new provider's first steps, shown on its home page until both are done: add a setting, then apply to a lot.</summary>
public sealed record ProviderNextSteps(bool Verified, bool SettingAdded, bool ApplicationStarted, bool Applied)
{
    public bool Done => SettingAdded && Applied;
}

public sealed record LotSupply(string DpsName, string LotName, int OpenVacancies, int Places, int AdmittedProviders);

/// <summary>Each role's home page: what is waiting for this person.</summary>
public class IndexModel(
    PlacementBrokerDbContext db, TimeProvider clock, PlacementBroker.Core.Quality.QualityService quality, Hosting.DemoMode demo,
    PlacementBroker.Core.Referrals.OfferService offers) : PlacementBrokerPageModel
{
    public Role Role { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public List<HomeCard> Cards { get; } = [];
    public List<LotSupply> Supply { get; private set; } = [];
    public ProviderNextSteps? NextSteps { get; private set; }
    /// <summary>The guided first run, for placing officers in the demo only.</summary>
    public DemoTour? Tour { get; private set; }

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync()
    {
        if (User.GetRole() is not { } role || (role != Role.PlatformAdmin && User.GetLocalAuthorityId() is null && User.GetProviderId() is null))
        {
            return Forbid();
        }
        Role = role;
        await LoadAsync();
        if (demo.On && role == Role.PlacingOfficer)
        {
            Tour = await DemoTour.LoadAsync(db, offers, Actor, Url, demo.SimulatesProviders, clock.GetUtcNow().UtcDateTime);
        }
        return Page();
    }

    /// <summary>The demo's "prepare a referral to try": a complete draft for the guided first run, opened at its check-answers page.</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnPostPrepareReferralAsync([Microsoft.AspNetCore.Mvc.FromServices] PlacementBroker.Core.Seeding.DemoMarketToday market)
    {
        if (!demo.On)
        {
            return NotFound();
        }
        if (User.GetRole() != Role.PlacingOfficer || User.GetLocalAuthorityId() is null)
        {
            return Forbid();
        }
        // The same rule as the panel's button: one prepared referral at a time, unless it was sent or has expired.
        if (await DemoTour.LoadAsync(db, offers, Actor, Url, demo.SimulatesProviders, clock.GetUtcNow().UtcDateTime) is not { CanPrepareAnother: true })
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }
        return await market.PrepareTryItAsync(Actor) is { } id ? RedirectToPage("/Referrals/Check", new { id }) : StatusCode(StatusCodes.Status409Conflict);
    }

    private async Task LoadAsync()
    {
        var today = UkTime.Today(clock);
        if (Role == Role.PlatformAdmin)
        {
            OrganisationName = "PlacementBroker operations";
            Cards.Add(new("Local authorities", await db.LocalAuthorities.CountAsync(), "councils using the platform", Url.Page("/Admin/LocalAuthorities/Index")));
            Cards.Add(new("Users", await db.Users.CountAsync(), "people with an account", Url.Page("/Admin/Users/Index")));
            Cards.Add(new("Providers", await db.Providers.CountAsync(), "registered provider organisations"));
            return;
        }
        if (Role == Role.ProviderUser)
        {
            await LoadProviderAsync(User.GetProviderId()!.Value);
            return;
        }

        var authorityId = User.GetLocalAuthorityId()!.Value;
        OrganisationName = await db.LocalAuthorities.Where(a => a.Id == authorityId).Select(a => a.Name).SingleAsync();
        if (Role == Role.DataProtectionLead)
        {
            // The lead sees the audit trail and subject access, not the council's casework.
            var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
            Cards.Add(new("Audit entries", await db.AuditEvents.CountAsync(e => e.LocalAuthorityId == authorityId && e.OccurredAt >= since),
                "recorded against your council in the last 30 days", Url.Page("/Audit/Index")));
            return;
        }
        var dpsIds = await db.DynamicPurchasingSystems
            .VisibleTo(authorityId)
            .Select(d => d.Id).ToListAsync();
        Supply = await SupplyAsync(dpsIds);

        switch (Role)
        {
            case Role.Commissioner:
                var pending = db.LotApplications.Where(a => a.Status == ApplicationStatus.Submitted
                    && a.Lot!.Dps!.LeadLocalAuthorityId == authorityId);
                Cards.Add(new("Applications overdue", await pending.CountAsync(a => a.DecisionDueBy < today),
                    "past their decision date: decide these first", Url.Page("/Commissioning/Applications/Index")));
                Cards.Add(new("Applications waiting", await pending.CountAsync(a => a.DecisionDueBy >= today),
                    "waiting for an admission decision within the legal period", Url.Page("/Commissioning/Applications/Index")));
                Cards.Add(new("Admitted providers", await db.LotMemberships
                    .Where(m => m.Status == MembershipStatus.Admitted && dpsIds.Contains(m.Lot!.DpsId))
                    .Select(m => m.ProviderId).Distinct().CountAsync(), "on the lots of your DPSs", Url.Page("/Commissioning/Dps/Index")));
                break;
            case Role.QaOfficer:
                var queue = await quality.WorkQueueAsync(Actor);
                Cards.Add(new("QA work overdue", queue.Count(i => i.Overdue), "visits and reports past their date", Url.Page("/Quality/Index")));
                Cards.Add(new("QA work due soon", queue.Count(i => !i.Overdue), "visits and reports due in the next four weeks", Url.Page("/Quality/Index")));
                var watched = db.Settings.Where(s => db.LotMemberships.Any(m => m.ProviderId == s.ProviderId
                    && m.Status == MembershipStatus.Admitted && dpsIds.Contains(m.Lot!.DpsId)));
                Cards.Add(new("Settings graded Inadequate", await watched.CountAsync(s => s.OfstedGrade == OfstedGrade.Inadequate),
                    "need a visit before any placement and within 6 months"));
                Cards.Add(new("Settings that require improvement", await watched.CountAsync(s => s.OfstedGrade == OfstedGrade.RequiresImprovement),
                    "need a visit before any placement and within 6 months"));
                Cards.Add(new("Settings not yet inspected", await watched.CountAsync(s => s.OfstedGrade == OfstedGrade.NotYetInspected),
                    "new settings: references and a pre-placement visit"));
                break;
            default:
                var open = db.Referrals.Where(r => r.LocalAuthorityId == authorityId && r.Status == Core.Referrals.ReferralStatus.Open);
                Cards.Add(new("Open referrals", await open.CountAsync(), "sent to providers and waiting for a placement", Url.Page("/Referrals/Index")));
                Cards.Add(new("Offers to consider", await db.Offers.CountAsync(o => o.Status == Core.Referrals.OfferStatus.Submitted && open.Any(r => r.Id == o.ReferralId)),
                    "on your authority's open referrals", Url.Page("/Referrals/Index")));
                if (Role == Role.PlacementManager)
                {
                    Cards.Add(new("Approvals waiting", await db.Approvals.CountAsync(a => a.LocalAuthorityId == authorityId && a.Status == Core.Placements.ApprovalStatus.Pending),
                        "placements that need your decision", Url.Page("/Approvals/Index")));
                }
                Cards.Add(new("Open vacancies", Supply.Sum(s => s.OpenVacancies), "published by admitted providers in your DPSs"));
                Cards.Add(new("Places available", Supply.Sum(s => s.Places), "across those vacancies"));
                break;
        }
    }

    private async Task LoadProviderAsync(Guid providerId)
    {
        OrganisationName = await db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync();
        Cards.Add(new("Settings", await db.Settings.CountAsync(s => s.ProviderId == providerId), "Ofsted-registered settings"));
        Cards.Add(new("Lots joined", await db.LotMemberships.CountAsync(m => m.ProviderId == providerId && m.Status == MembershipStatus.Admitted),
            "DPS lots you are admitted to"));
        Cards.Add(new("Applications waiting", await db.LotApplications.CountAsync(a => a.ProviderId == providerId && a.Status == ApplicationStatus.Submitted),
            "waiting for a commissioner's decision"));
        Cards.Add(new("Open vacancies", await db.Vacancies.CountAsync(v => v.ProviderId == providerId && v.Status == VacancyStatus.Open),
            "published to placing officers"));
        NextSteps = new(
            await db.Providers.AnyAsync(p => p.Id == providerId && p.VerifiedAt != null),
            await db.Settings.AnyAsync(s => s.ProviderId == providerId),
            await db.LotApplications.AnyAsync(a => a.ProviderId == providerId),
            await db.LotApplications.AnyAsync(a => a.ProviderId == providerId && a.Status != ApplicationStatus.Draft)
                || await db.LotMemberships.AnyAsync(m => m.ProviderId == providerId));
    }

    private async Task<List<LotSupply>> SupplyAsync(List<Guid> dpsIds)
    {
        var lots = await db.Lots.Where(l => dpsIds.Contains(l.DpsId)).OrderBy(l => l.Dps!.Name).ThenBy(l => l.Name)
            .Select(l => new { l.Id, Dps = l.Dps!.Name, l.Name }).ToListAsync();
        var vacancies = await db.Vacancies.Where(v => v.Status == VacancyStatus.Open && lots.Select(l => l.Id).Contains(v.LotId))
            .GroupBy(v => v.LotId).Select(g => new { LotId = g.Key, Count = g.Count(), Places = g.Sum(v => v.Places) }).ToListAsync();
        var members = await db.LotMemberships.Where(m => m.Status == MembershipStatus.Admitted && lots.Select(l => l.Id).Contains(m.LotId))
            .GroupBy(m => m.LotId).Select(g => new { LotId = g.Key, Count = g.Count() }).ToListAsync();
        return [.. lots.Select(l => new LotSupply(l.Dps, l.Name,
            vacancies.FirstOrDefault(v => v.LotId == l.Id)?.Count ?? 0,
            vacancies.FirstOrDefault(v => v.LotId == l.Id)?.Places ?? 0,
            members.FirstOrDefault(m => m.LotId == l.Id)?.Count ?? 0))];
    }
}
