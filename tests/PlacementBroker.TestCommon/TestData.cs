using Microsoft.AspNetCore.Identity;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Identity;
using PlacementBroker.Core.Providers;

namespace PlacementBroker.TestCommon;

public sealed record TestUser(Guid Id, string Email, string Password, Role Role, Guid? LocalAuthorityId, Guid? ProviderId);

public sealed record TestProvider(Guid Id, string Name, TestUser User);

/// <summary>A DPS led by <see cref="Commissioner"/>'s authority, with one lot.</summary>
public sealed record TestDps(Guid Id, Guid LotId, TestUser Commissioner, DpsRegime Regime);

/// <summary>Creates what a test needs through the product's own services, each time with fresh names.</summary>
public class TestData(PlacementBrokerApp app)
{
    public const string Password = "Test-Passw0rd!";

    private static Actor AdminActor => new(Guid.Empty, PlacementBrokerApp.AdminEmail, Role.PlatformAdmin, null, null);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public async Task<LocalAuthority> CreateLocalAuthorityAsync(string? name = null)
    {
        using var scope = app.Services.CreateScope();
        var code = Unique("LA").ToUpperInvariant()[..12];
        var outcome = await scope.ServiceProvider.GetRequiredService<IdentityAdministration>()
            .CreateLocalAuthorityAsync(AdminActor, new CreateLocalAuthorityRequest(name ?? $"{code} Council", code));
        return outcome.Value ?? throw new InvalidOperationException(outcome.Message);
    }

    public async Task<TestUser> CreateUserAsync(Role role, Guid? localAuthorityId = null, Guid? providerId = null)
    {
        if (IdentityAdministration.CouncilRoles.Contains(role) && localAuthorityId is null)
        {
            localAuthorityId = (await CreateLocalAuthorityAsync()).Id;
        }
        if (role == Role.ProviderUser && providerId is null)
        {
            return (await CreateProviderAsync()).User;
        }
        using var scope = app.Services.CreateScope();
        var email = $"{Unique(role.ToString().ToLowerInvariant())}@test.placementbroker.uk";
        var outcome = await scope.ServiceProvider.GetRequiredService<IdentityAdministration>().CreateUserAsync(AdminActor,
            new CreateUserRequest(email, Password, $"Test {role}", role, localAuthorityId, providerId));
        var user = outcome.Value ?? throw new InvalidOperationException(outcome.Message);
        return new TestUser(user.Id, email, Password, role, localAuthorityId, providerId);
    }

    public const string ConfirmEmailUrl = "http://localhost/Account/ConfirmEmail";

    /// <summary>
    /// A self-registered provider, verified by a platform admin (as <c>POST /api/providers/{id}/verification</c> does) with
    /// its contact address confirmed, unless <paramref name="verified"/> is false: then it is as registration leaves it.
    /// </summary>
    public async Task<TestProvider> CreateProviderAsync(ProviderType type = ProviderType.ResidentialChildrensHome, bool verified = true, string? name = null)
    {
        using var scope = app.Services.CreateScope();
        name ??= Unique("Provider") + " Ltd";
        var email = $"{Unique("provider")}@test.placementbroker.uk";
        var outcome = await scope.ServiceProvider.GetRequiredService<IdentityAdministration>().RegisterProviderAsync(
            new RegisterProviderRequest(name, type, "01234567", "referrals@test.placementbroker.uk", new NewProviderUser(email, Password, "Test provider user")),
            "127.0.0.1", ConfirmEmailUrl);
        var registered = outcome.Value ?? throw new InvalidOperationException(outcome.Message);
        if (verified)
        {
            await VerifyProviderAsync(registered.ProviderId);
        }
        return new TestProvider(registered.ProviderId, name,
            new TestUser(registered.UserId, email, Password, Role.ProviderUser, null, registered.ProviderId));
    }

    /// <summary>A platform admin verifies the provider; its contact address is marked confirmed, as if its link had been used.</summary>
    public async Task VerifyProviderAsync(Guid providerId)
    {
        using var scope = app.Services.CreateScope();
        var verifiedOutcome = await scope.ServiceProvider.GetRequiredService<ProviderVerification>().VerifyByAdminAsync(AdminActor, providerId);
        if (!verifiedOutcome.Succeeded)
        {
            throw new InvalidOperationException(verifiedOutcome.Message);
        }
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.PlacementBrokerDbContext>();
        var provider = await db.Providers.SingleAsync(p => p.Id == providerId);
        provider.ContactEmailConfirmedAt ??= DateTime.UtcNow;
        await db.SaveChangesAsync();
    }

    /// <summary>Registers a provider through <c>POST /api/providers/register</c> and verifies it through <c>POST /api/providers/{id}/verification</c>.</summary>
    public async Task<TestProvider> RegisterAndVerifyProviderAsync(HttpClient anonymous, HttpClient platformAdmin, string? email = null)
    {
        email ??= $"{Unique("provider")}@test.placementbroker.uk";
        var name = Unique("Provider") + " Ltd";
        var response = await anonymous.PostAsJsonAsync("/api/providers/register", new
        {
            organisationName = name, providerType = "ResidentialChildrensHome", registrationNumber = "01234567", contactEmail = email,
            user = new { email, password = Password, displayName = "Test provider user" },
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<RegisteredIds>() ?? throw new InvalidOperationException("No body");
        (await platformAdmin.PostAsync($"/api/providers/{body.ProviderId}/verification", null)).EnsureSuccessStatusCode();
        return new TestProvider(body.ProviderId, name, new TestUser(body.UserId, email, Password, Role.ProviderUser, null, body.ProviderId));
    }

    private sealed record RegisteredIds(Guid ProviderId, Guid UserId);

    public static Actor ActorFor(TestUser user) => new(user.Id, user.Email, user.Role, user.LocalAuthorityId, user.ProviderId, "127.0.0.1");

    /// <summary>An open DPS of the commissioner's authority (a new one when none is given) with one lot of two questions.</summary>
    public async Task<TestDps> CreateDpsAsync(
        TestUser? commissioner = null, DpsRegime regime = DpsRegime.Pcr2015Dps, PlacementType lotType = PlacementType.ResidentialCare,
        bool draft = false, IEnumerable<Guid>? participants = null, int? decisionPeriodDays = null)
    {
        commissioner ??= await CreateUserAsync(Role.Commissioner);
        using var scope = app.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<DpsService>();
        var dps = await service.CreateAsync(ActorFor(commissioner),
            new CreateDpsRequest(Unique("DPS"), participants?.ToList(), regime, decisionPeriodDays, draft));
        var dpsId = dps.Value?.Id ?? throw new InvalidOperationException(dps.Message);
        var lot = await service.AddLotAsync(ActorFor(commissioner), dpsId, new AddLotRequest(
            $"Lot {Unique("L")}", lotType, 5200m,
            [new QuestionInput("insurance", "Do you hold public liability insurance of at least £10 million?", "Upload the certificate reference."),
             new QuestionInput("safeguarding", "Do you have a safeguarding policy reviewed in the last 12 months?", null)]));
        return new TestDps(dpsId, lot.Value?.Id ?? throw new InvalidOperationException(lot.Message), commissioner, regime);
    }

    /// <summary>The provider applies to the lot (answering every question) and, unless told otherwise, the commissioner admits it.</summary>
    public async Task<(Guid ApplicationId, Guid? MembershipId)> ApplyAsync(TestProvider provider, TestDps dps, bool admit = true)
    {
        using var scope = app.Services.CreateScope();
        var admissions = scope.ServiceProvider.GetRequiredService<AdmissionService>();
        var yes = System.Text.Json.JsonDocument.Parse("\"Yes\"").RootElement;
        var applied = await admissions.ApplyAsync(ActorFor(provider.User), dps.LotId,
            new ApplyRequest(provider.Id, new() { ["insurance"] = yes, ["safeguarding"] = yes }, "Evidence pack 2026"));
        var applicationId = applied.Value?.Id ?? throw new InvalidOperationException(applied.Message);
        if (!admit)
        {
            return (applicationId, null);
        }
        var decided = await admissions.DecideAsync(ActorFor(dps.Commissioner), applicationId, new DecisionRequest(AdmissionDecision.Admit, "Meets every criterion"));
        return (applicationId, decided.Value?.MembershipId ?? throw new InvalidOperationException(decided.Message));
    }

    public Task<Guid> CreateSettingAsync(TestProvider provider, int places = 4, OfstedGrade grade = OfstedGrade.Good, string postcode = "LS6 2AB") =>
        Setting(provider).Places(places).Graded(grade).At(postcode).CreateAsync();

    public Task<Guid> CreateVacancyAsync(TestProvider provider, Guid settingId, Guid lotId, decimal weeklyPrice = 5400m, int places = 1) =>
        Vacancy(provider, settingId, lotId).At(weeklyPrice).Places(places).PublishAsync();

    // Builders, one per aggregate, for what the defaults above do not say.
    public ProviderBuilder Provider() => new(this);
    public DpsBuilder Dps() => new(this);
    public SettingBuilder Setting(TestProvider provider) => new(app, provider);
    public VacancyBuilder Vacancy(TestProvider provider, Guid settingId, Guid lotId) => new(app, provider, settingId, lotId);
    public ReferralBuilder Referral(Guid lotId) => new(app, lotId);
    public OfferBuilder Offer(TestProvider provider, Guid referralId, Guid vacancyId) => new(app, provider, referralId, vacancyId);
    /// <summary>A child placed by the officer (an API client) on the lot; say whose vacancy with <see cref="PlacementBuilder.With"/>.</summary>
    public PlacementBuilder Placement(HttpClient officer, Guid lotId) => new(app, officer, lotId);

    /// <summary>
    /// A referral body from the officer for the DPS's lot: a 14-year-old girl from Leeds (LS6) needing emotional and
    /// behavioural support, within 20 miles, £6,000 a week, offers within two days.
    /// </summary>
    public Dictionary<string, object?> ReferralBody(Guid lotId, int siblings = 1, string urgency = "Planned", double maxMiles = 20, decimal budget = 6000m) => new()
    {
        ["lotId"] = lotId,
        ["urgency"] = urgency,
        ["startDate"] = "2026-11-30",
        ["duration"] = "LongTerm",
        ["child"] = new Dictionary<string, object?>
        {
            ["reference"] = "LCC-" + Unique("C")[2..],
            ["firstName"] = "Amelia",
            ["lastName"] = "Hartley-Testcase",
            ["dateOfBirth"] = "2012-05-17",
            ["gender"] = "Female",
            ["siblingGroupSize"] = siblings,
            ["needs"] = new[] { "EmotionalBehavioural", "Autism", "SelfHarm" },
            ["mustHaveNeeds"] = new[] { "EmotionalBehavioural" },
            ["wishesAndFeelings"] = "Wants to stay at her school in Headingley",
        },
        ["homePostcode"] = "LS6 3QN",
        ["maxDistanceMiles"] = maxMiles,
        ["weeklyBudget"] = budget,
        ["offerDeadline"] = app.Clock.GetUtcNow().UtcDateTime.AddDays(2).ToString("O"),
    };

    /// <summary>A placing officer of the DPS's lead authority.</summary>
    public Task<TestUser> OfficerForAsync(TestDps dps) => CreateUserAsync(Role.PlacingOfficer, dps.Commissioner.LocalAuthorityId);

    /// <summary>An admitted provider with a Leeds setting and one open vacancy that fits <see cref="ReferralBody"/>.</summary>
    public async Task<(TestProvider Provider, Guid VacancyId)> FittingProviderAsync(TestDps dps, decimal weeklyPrice = 5400m, OfstedGrade grade = OfstedGrade.Good)
    {
        var provider = await CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await ApplyAsync(provider, dps);
        var setting = await CreateSettingAsync(provider, grade: grade);
        return (provider, await CreateVacancyAsync(provider, setting, dps.LotId, weeklyPrice));
    }

    /// <summary>
    /// Turns on the user's second factor with a new secret, as the enrolment page does, confirming with the first code
    /// of the returned <see cref="OneTimeCodes"/>: later codes come from it too.
    /// </summary>
    public async Task<(OneTimeCodes Codes, IReadOnlyList<string> RecoveryCodes)> EnrolSecondFactorAsync(TestUser user)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var account = await users.FindByIdAsync(user.Id.ToString()) ?? throw new InvalidOperationException("No such user");
        var codes = new OneTimeCodes(Web.Auth.SecondFactor.NewSecret());
        var recovery = await scope.ServiceProvider.GetRequiredService<Web.Auth.SecondFactor>().EnableAsync(account, codes.Secret, codes.Next(app.Clock.GetUtcNow()))
            ?? throw new InvalidOperationException("The enrolment code was refused");
        return (codes, recovery);
    }

    public Task<string> TokenAsync(TestUser user) => TokenAsync(user.Email, user.Password);

    public async Task<string> TokenAsync(string email, string password)
    {
        using var client = app.CreateClient();
        var code = email == PlacementBrokerApp.AdminEmail ? app.NextAdminCode() : null;
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password, code });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    /// <summary>An API client signed in as the user with a bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(TestUser user) => WithToken(await TokenAsync(user));

    /// <summary>
    /// An API client of the platform admin (password and one-time code). The token is reused while it has a while to run,
    /// as an operator's script would, so that tests do not use up the admin's one-time codes.
    /// </summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        var cached = app.AdminToken;
        if (cached is null || cached.Value.ExpiresAt < app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5))
        {
            using var client = app.CreateClient();
            var response = await client.PostAsJsonAsync("/api/auth/token",
                new { email = PlacementBrokerApp.AdminEmail, password = PlacementBrokerApp.AdminPassword, code = app.NextAdminCode() });
            response.EnsureSuccessStatusCode();
            var body = (await response.Content.ReadFromJsonAsync<TokenBody>())!;
            cached = (body.AccessToken, body.ExpiresAt);
            app.AdminToken = cached;
        }
        return WithToken(cached.Value.Token);
    }

    public async Task<HttpClient> ClientForAsync(Role role) => await ClientForAsync(await CreateUserAsync(role));

    private HttpClient WithToken(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenBody(string AccessToken, DateTime ExpiresAt);
}
