using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace PlacementBroker.Core.Seeding;

/// <summary>Loads the demo data set into an empty database, so the first start shows a living marketplace.</summary>
public class DemoDataSeeder(
    PlacementBrokerDbContext db, IPasswordHasher<User> passwordHasher, WorkingDayCalendar calendar, TimeProvider clock,
    AuditTrail audit, ILogger<DemoDataSeeder> logger)
{
    /// <summary>The password of every demo account (printed in the README). Demo data is never for production.</summary>
    public const string DemoPassword = "Demo-Passw0rd!";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static DemoDataSet Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<DemoDataSet>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"{path} holds no demo data.");
    }

    /// <returns>false when the database already holds data and nothing was loaded.</returns>
    public async Task<bool> SeedAsync(string path, CancellationToken ct = default)
    {
        if (await db.LocalAuthorities.AnyAsync(ct) || await db.Providers.AnyAsync(ct))
        {
            return false;
        }
        var data = Read(path);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);

        var authorities = data.LocalAuthorities.ToDictionary(
            a => a.Key, a => new LocalAuthority { Name = a.Name, Code = a.Code, CreatedAt = now.AddDays(-400) });
        db.LocalAuthorities.AddRange(authorities.Values);

        var groups = data.ProviderGroups.ToDictionary(g => g.Key, g => new ProviderGroup { Name = g.Name, CompanyNumber = g.CompanyNumber });
        db.ProviderGroups.AddRange(groups.Values);

        var lots = new Dictionary<(string Dps, string Lot), DpsLot>();
        foreach (var d in data.Dps)
        {
            var dps = new DynamicPurchasingSystem
            {
                CreatedByUserId = null,
                Name = d.Name,
                LeadLocalAuthorityId = authorities[d.Lead].Id,
                Regime = d.Regime,
                DecisionPeriodDays = d.DecisionPeriodDays,
                Status = DpsStatus.Open,
                CreatedAt = now.AddDays(-420),
                PublishedAt = now.AddDays(-410),
                Participants = [.. d.Participants.Select(p => new DpsParticipant { LocalAuthorityId = authorities[p].Id })],
            };
            foreach (var l in d.Lots)
            {
                var lot = DpsService.NewLot(new AddLotRequest(l.Name, l.PlacementType, l.BenchmarkWeeklyPrice,
                    [.. l.Questions.Select(q => new QuestionInput(q.Id, q.Text, q.Guidance))], l.BandLower, l.BandUpper));
                dps.Lots.Add(lot);
                lots[(d.Key, l.Key)] = lot;
            }
            db.DynamicPurchasingSystems.Add(dps);
        }

        var providers = data.Providers.ToDictionary(p => p.Key, p => new Provider
        {
            Name = p.Name,
            Type = p.Type,
            RegistrationNumber = p.RegistrationNumber,
            ContactEmail = p.ContactEmail,
            GroupId = p.Group is null ? null : groups[p.Group].Id,
            RegisteredAt = now.AddDays(-500),
            VerifiedAt = now.AddDays(-500),
            VerifiedBy = ProviderVerificationMethod.Existing,
            ContactEmailConfirmedAt = now.AddDays(-500),
        });
        var users = AddUsers(data, authorities, providers, now);
        // Admissions were decided by the lead authority's commissioner.
        var deciders = data.Dps.ToDictionary(d => d.Key, d => users.Values.FirstOrDefault(u =>
            u.Role == Role.Commissioner && u.LocalAuthorityId == authorities[d.Lead].Id)?.Id);

        foreach (var p in data.Providers)
        {
            var provider = providers[p.Key];
            var settings = p.Settings.ToDictionary(s => s.Key, s => new Setting
            {
                ProviderId = provider.Id,
                Name = s.Name,
                OfstedUrn = s.OfstedUrn,
                Postcode = s.Postcode,
                Latitude = s.Latitude,
                Longitude = s.Longitude,
                OfstedGrade = s.OfstedGrade,
                LastInspectionDate = s.LastInspectionDate,
                RegisteredPlaces = s.RegisteredPlaces,
                Region = Regions.FromPostcode(s.Postcode),
                CreatedAt = now.AddDays(-480),
            });
            provider.Settings.AddRange(settings.Values);
            db.Providers.Add(provider);

            foreach (var a in p.Applications)
            {
                AddApplication(provider, lots[(a.Dps, a.Lot)], a, data.Dps.Single(d => d.Key == a.Dps).DecisionPeriodDays, today, deciders[a.Dps]);
            }
            foreach (var v in p.Vacancies)
            {
                var request = new VacancyRequest(settings[v.Setting].Id, lots[(v.Dps, v.Lot)].Id, v.Places, v.AgeMin, v.AgeMax, v.Genders, v.NeedsMet,
                    v.WeeklyPrice, today.AddDays(v.AvailableFromDaysFromNow));
                db.Vacancies.Add(VacancyService.NewVacancy(settings[v.Setting].Id, provider.Id, request, now.AddDays(-Math.Max(1, -v.AvailableFromDaysFromNow + 3))));
            }
        }

        AddQaHistory(data, providers, authorities, users, today);
        var history = AddMarketHistory(data, lots, providers, authorities, users, now);
        await AgreementReference.AssignAsync(db, [.. db.ChangeTracker.Entries<Placement>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)], ct);
        audit.Record(null, AuditActions.DemoDataLoaded, "DemoDataSet", Path.GetFileName(path),
            $"{authorities.Count} authorities, {providers.Count} providers, {users.Count} users, {history} referrals of history");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Loaded the demo data set: {Authorities} authorities, {Providers} providers, {Users} users",
            authorities.Count, providers.Count, data.Users.Count);
        return true;
    }

    /// <summary>
    /// A year of referrals, offers and placements (<see cref="DemoMarketHistory"/>). Every admitted provider answers
    /// referrals through a user; those the data set gives none get a referrals account of their own.
    /// </summary>
    private int AddMarketHistory(DemoDataSet data, Dictionary<(string Dps, string Lot), DpsLot> lots, Dictionary<string, Provider> providers,
        Dictionary<string, LocalAuthority> authorities, Dictionary<string, User> users, DateTime now)
    {
        var history = new DemoMarketHistory(new Random(20261123), now);
        var responders = new Dictionary<Guid, User>();
        foreach (var p in data.Providers.Where(p => p.Applications.Any(a => a.Status == ApplicationStatus.Admitted)))
        {
            var provider = providers[p.Key];
            var user = users.Values.FirstOrDefault(u => u.ProviderId == provider.Id);
            if (user is null)
            {
                var email = $"referrals@{p.Key}.demo.placementbroker.uk";
                user = NewUser(email, $"{provider.Name} referrals", Role.ProviderUser, null, provider.Id, now);
                db.Users.Add(user);
                users[email] = user;
            }
            responders[provider.Id] = user;
        }
        var referrals = 0;
        foreach (var d in data.Dps)
        {
            var referrers = new[] { d.Lead }.Concat(d.Participants)
                .Select(key => (Key: key, Authority: authorities[key], Officer: users.Values.FirstOrDefault(u => u.Role == Role.PlacingOfficer && u.LocalAuthorityId == authorities[key].Id)))
                .Where(a => a.Officer is not null)
                .Select(a => (a.Key, a.Authority, a.Officer!))
                .ToList();
            foreach (var l in d.Lots)
            {
                var members = data.Providers
                    .Where(p => p.Applications.Any(a => a.Dps == d.Key && a.Lot == l.Key && a.Status == ApplicationStatus.Admitted))
                    .Select(p => (providers[p.Key], responders[providers[p.Key].Id]))
                    .ToList();
                var built = history.Build(lots[(d.Key, l.Key)], referrers, members);
                db.Referrals.AddRange(built.Referrals);
                db.ReferralRecipients.AddRange(built.Recipients);
                db.Vacancies.AddRange(built.Vacancies);
                db.Offers.AddRange(built.Offers);
                db.Placements.AddRange(built.Placements);
                referrals += built.Referrals.Count;
            }
        }
        return referrals;
    }

    /// <summary>A year of QA history: each admitted provider's settings visited within the last ten months, reports done.</summary>
    private void AddQaHistory(DemoDataSet data, Dictionary<string, Provider> providers, Dictionary<string, LocalAuthority> authorities,
        Dictionary<string, User> users, DateOnly today)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lead = authorities[data.Dps[0].Lead];
        var visitor = users.Values.FirstOrDefault(u => u.Role == Role.QaOfficer && u.LocalAuthorityId == lead.Id);
        if (visitor is null)
        {
            return;
        }
        var index = 0;
        foreach (var p in data.Providers.Where(p => p.Applications.Any(a => a.Status == ApplicationStatus.Admitted)))
        {
            foreach (var setting in providers[p.Key].Settings)
            {
                var visited = today.AddDays(-(20 + (index++ * 37 % 280)));
                db.QaVisits.Add(new Quality.QaVisit
                {
                    SettingId = setting.Id, ProviderId = setting.ProviderId, LocalAuthorityId = lead.Id, VisitDate = visited, Type = Quality.VisitType.Annual,
                    Visitor = visitor.DisplayName, Outcome = Quality.VisitOutcome.Satisfactory, ReportCompletedOn = visited.AddDays(6), ReportReviewedOn = visited.AddDays(9),
                    Findings = "Annual monitoring visit: records, staffing and safeguarding checked.", RecordedByUserId = visitor.Id, RecordedAt = now,
                });
            }
        }
    }

    private Dictionary<string, User> AddUsers(DemoDataSet data, Dictionary<string, LocalAuthority> authorities, Dictionary<string, Provider> providers, DateTime now)
    {
        var users = new Dictionary<string, User>();
        foreach (var u in data.Users)
        {
            var user = NewUser(u.Email, u.DisplayName, u.Role, u.LocalAuthority is null ? null : authorities[u.LocalAuthority].Id,
                u.Provider is null ? null : providers[u.Provider].Id, now);
            db.Users.Add(user);
            users[u.Email] = user;
        }
        return users;
    }

    /// <summary>One password hash serves every demo account: hashing is deliberately slow.</summary>
    private string? _passwordHash;

    private User NewUser(string email, string displayName, Role role, Guid? localAuthorityId, Guid? providerId, DateTime now)
    {
        // Made as the admin makes accounts; the user manager that would normalise and stamp it is bypassed for speed.
        var user = IdentityAdministration.NewAccount(email, displayName, role, localAuthorityId, providerId, now.AddDays(-400));
        user.NormalizedEmail = email.ToUpperInvariant();
        user.NormalizedUserName = email.ToUpperInvariant();
        user.IsOrganisationAdmin = providerId is not null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.PasswordHash = _passwordHash ??= passwordHasher.HashPassword(user, DemoPassword);
        return user;
    }

    private void AddApplication(Provider provider, DpsLot lot, DemoApplication a, int decisionPeriodDays, DateOnly today, Guid? decidedBy)
    {
        var submittedOn = calendar.AddWorkingDays(today, -a.SubmittedWorkingDaysAgo);
        var submittedAt = submittedOn.ToDateTime(new TimeOnly(10, 30), DateTimeKind.Utc);
        var application = new LotApplication
        {
            LotId = lot.Id,
            ProviderId = provider.Id,
            Status = a.Status,
            SubmittedAt = submittedAt,
            DecisionDueBy = DecisionPeriod.DueBy(calendar, submittedOn, decisionPeriodDays),
            EvidenceReference = a.EvidenceReference,
            CreatedAt = submittedAt.AddDays(-2),
            UpdatedAt = submittedAt,
            Answers = [.. lot.Questions.Select(q => new ApplicationAnswer { QuestionKey = q.Key, Answer = "Yes", EvidenceReference = a.EvidenceReference })],
        };
        if (a.Status is ApplicationStatus.Admitted or ApplicationStatus.Rejected)
        {
            var decidedOn = calendar.AddWorkingDays(submittedOn, Math.Min(decisionPeriodDays - 2, Math.Max(1, a.SubmittedWorkingDaysAgo / 2)));
            application.DecidedAt = decidedOn.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);
            application.DecisionReason = a.DecisionReason;
            application.DecidedByUserId = decidedBy;
            application.UpdatedAt = application.DecidedAt.Value;
        }
        db.LotApplications.Add(application);

        if (a.Status == ApplicationStatus.Admitted)
        {
            var (membership, admitted) = LotMembership.Admit(lot.Id, provider.Id, application.Id, decidedBy,
                a.DecisionReason ?? "Meets the lot's selection criteria", application.DecidedAt!.Value);
            membership.History.Add(admitted);
            db.LotMemberships.Add(membership);
        }
    }
}
