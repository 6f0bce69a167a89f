using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Identity;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Core.Providers;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// A self-registered provider is unverified until its first user confirms their address or a platform admin verifies it:
/// until then it may set itself up but not apply to a lot, receive or answer referrals, or read councils' data.
/// Registration never reveals whether an address already has an account. Contact addresses are confirmed before use.
/// </summary>
public abstract partial class ProviderVerificationApiTests(PlacementBrokerApp app)
{
    private static object Registration(string email, string? contactEmail = null) => new
    {
        organisationName = TestData.Unique("Fernhill") + " Care Ltd",
        providerType = "ResidentialChildrensHome",
        registrationNumber = "09876543",
        contactEmail = contactEmail ?? email,
        user = new { email, password = "Provider-Passw0rd!", displayName = "Sam Fernhill" },
    };

    private static string NewEmail(string prefix) => $"{TestData.Unique(prefix)}@test.placementbroker.uk";

    private async Task<(Guid ProviderId, Guid UserId, HttpClient Client)> RegisterAsync(string email, string? contactEmail = null)
    {
        using var anonymous = app.CreateClient();
        var body = await (await anonymous.PostAsJsonAsync("/api/providers/register", Registration(email, contactEmail))).ReadJsonAsync(HttpStatusCode.Created);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.Data.TokenAsync(email, "Provider-Passw0rd!"));
        return (body.GetProperty("providerId").GetGuid(), body.GetProperty("userId").GetGuid(), client);
    }

    private async Task<List<OutboxEmail>> EmailsToAsync(string address)
    {
        using var scope = app.Services.CreateScope();
        var lower = address.ToLowerInvariant();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails.AsNoTracking()
            .Where(e => e.To.ToLower() == lower).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync();
    }

    private async Task<string> CodeSentToAsync(string address)
    {
        var email = (await EmailsToAsync(address)).Last(e => e.Body.Contains("/Account/ConfirmEmail?code="));
        return Uri.UnescapeDataString(CodeInLink().Match(email.Body).Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string code) =>
        await client.PostAsJsonAsync("/api/account/email-confirmation", new { code });

    private async Task<T> UseDbAsync<T>(Func<PlacementBrokerDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
    }

    private static async Task AssertConfirmFirstAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Confirm your email address first", problem.GetProperty("title").GetString());
        Assert.Contains("Confirm your email address first", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Register_Fresh_CanSignInAndSetUpButIsNotVerified()
    {
        var email = NewEmail("fresh");
        var (providerId, _, client) = await RegisterAsync(email);
        using var _c = client;

        var status = await (await client.GetAsync("/api/provider/verification")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(status.GetProperty("verified").GetBoolean());
        Assert.False(status.GetProperty("userEmailConfirmed").GetBoolean());
        var setting = await client.PostAsJsonAsync($"/api/providers/{providerId}/settings", new
        {
            name = "Fernhill House", ofstedUrn = $"SC{Random.Shared.Next(600_000, 999_999)}", postcode = "LS6 2AB",
            ofstedGrade = "Good", lastInspectionDate = "2026-03-01", registeredPlaces = 3,
        });
        Assert.Equal(HttpStatusCode.Created, setting.StatusCode);
        var profile = await client.GetAsync($"/api/providers/{providerId}");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Single(await EmailsToAsync(email));
    }

    [Fact]
    public async Task Register_EmailAlreadyRegistered_AnswersLikeAFreshOneStoresNothingAndTellsTheOwner()
    {
        var existing = await app.Data.CreateProviderAsync();
        using var anonymous = app.CreateClient();
        var providersBefore = await UseDbAsync(db => db.Providers.CountAsync());

        var response = await anonymous.PostAsJsonAsync("/api/providers/register", Registration(existing.User.Email.ToUpperInvariant()));

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["providerId", "userId"], body.EnumerateObject().Select(p => p.Name).Order());
        var providerId = body.GetProperty("providerId").GetGuid();
        var userId = body.GetProperty("userId").GetGuid();
        Assert.Equal($"/api/providers/{providerId}", response.Headers.Location!.OriginalString);
        Assert.Equal(providersBefore, await UseDbAsync(db => db.Providers.CountAsync()));
        Assert.False(await UseDbAsync(db => db.Providers.AnyAsync(p => p.Id == providerId)));
        Assert.False(await UseDbAsync(db => db.Users.AnyAsync(u => u.Id == userId)));
        var warning = Assert.Single(await EmailsToAsync(existing.User.Email), e => e.Subject == "Someone tried to register with your email address");
        Assert.Contains("If it was you, sign in, or reset your password", warning.Body);
        Assert.DoesNotContain("code=", warning.Body);
        // The existing account is untouched: its password still works.
        Assert.False(string.IsNullOrEmpty(await app.Data.TokenAsync(existing.User)));
    }

    [Fact]
    public async Task Register_EmailAlreadyRegisteredTwiceInAnHour_WarnsTheOwnerOnce()
    {
        var existing = await app.Data.CreateProviderAsync();
        using var anonymous = app.CreateClient();

        var first = await anonymous.PostAsJsonAsync("/api/providers/register", Registration(existing.User.Email));
        var second = await anonymous.PostAsJsonAsync("/api/providers/register", Registration(existing.User.Email));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Single(await EmailsToAsync(existing.User.Email), e => e.Subject == "Someone tried to register with your email address");
    }

    [Fact]
    public async Task Unverified_ApplyToLot_Returns403ConfirmFirst()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (providerId, _, client) = await RegisterAsync(NewEmail("apply"));
        using var _c = client;

        var response = await client.PostAsJsonAsync($"/api/lots/{dps.LotId}/applications", new
        {
            providerId, answers = new { insurance = "Yes", safeguarding = "Yes" }, evidenceReference = "Evidence pack 2026",
        });

        await AssertConfirmFirstAsync(response);
        Assert.False(await UseDbAsync(db => db.LotApplications.AnyAsync(a => a.ProviderId == providerId)));
    }

    [Fact]
    public async Task Unverified_ApplyThroughTheService_IsRefusedToo()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync(verified: false);
        using var scope = app.Services.CreateScope();
        var yes = System.Text.Json.JsonDocument.Parse("\"Yes\"").RootElement;

        var outcome = await scope.ServiceProvider.GetRequiredService<AdmissionService>().ApplyAsync(TestData.ActorFor(provider.User), dps.LotId,
            new ApplyRequest(provider.Id, new() { ["insurance"] = yes, ["safeguarding"] = yes }, "Evidence"));

        Assert.Equal(OutcomeKind.Forbidden, outcome.Kind);
        Assert.Equal(ProviderVerification.NotVerifiedMessage, outcome.Message);
    }

    [Theory]
    [InlineData("/api/provider/referrals")]
    [InlineData("/api/provider/applications")]
    [InlineData("/api/dps")]
    [InlineData("/api/placements")]
    [InlineData("/api/provider-performance")]
    public async Task Unverified_ReadsCouncilData_Returns403ConfirmFirst(string path)
    {
        var (_, _, client) = await RegisterAsync(NewEmail("reader"));
        using var _c = client;

        await AssertConfirmFirstAsync(await client.GetAsync(path));
    }

    [Fact]
    public async Task Unverified_ReadsOneDps_Returns403()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (_, _, client) = await RegisterAsync(NewEmail("dps"));
        using var _c = client;

        await AssertConfirmFirstAsync(await client.GetAsync($"/api/dps/{dps.Id}"));
    }

    [Fact]
    public async Task ProviderLosesVerification_IsNotSentReferralsNotMatchedAndCannotOffer()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (verified, _) = await app.Data.FittingProviderAsync(dps);
        var (unverified, unverifiedVacancy) = await app.Data.FittingProviderAsync(dps);
        // As if it held a membership while unverified: matching and broadcast must still leave it out.
        await UseDbAsync(db => db.Providers.Where(p => p.Id == unverified.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.VerifiedAt, (DateTime?)null).SetProperty(p => p.VerifiedBy, (ProviderVerificationMethod?)null)));
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));

        var created = await (await officer.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created);

        var referralId = created.GetProperty("id").GetGuid();
        Assert.Equal(1, created.GetProperty("providersNotified").GetInt32());
        var recipients = await UseDbAsync(db => db.ReferralRecipients.Where(r => r.ReferralId == referralId).Select(r => r.ProviderId).ToListAsync());
        Assert.Equal([verified.Id], recipients);
        Assert.False(await UseDbAsync(db => db.OutboxEmails.AnyAsync(e => e.Reference == $"referral-received:{referralId}:{unverified.Id}")));
        var matches = await (await officer.GetAsync($"/api/referrals/{referralId}/matches")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(unverifiedVacancy.ToString(), matches.GetRawText());
        using var provider = await app.Data.ClientForAsync(unverified.User);
        var offer = await provider.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId = unverifiedVacancy, weeklyPrice = 5400m, startDate = "2026-11-30" });
        await AssertConfirmFirstAsync(offer);
        Assert.False(await UseDbAsync(db => db.Offers.AnyAsync(o => o.ReferralId == referralId && o.ProviderId == unverified.Id)));
    }

    [Fact]
    public async Task ConfirmLink_VerifiesTheProviderAndItsUserAndUnlocksApplying()
    {
        var dps = await app.Data.CreateDpsAsync();
        var email = NewEmail("confirm");
        var (providerId, userId, client) = await RegisterAsync(email);
        using var _c = client;
        using var anonymous = app.CreateClient();

        var confirmed = await (await ConfirmAsync(anonymous, await CodeSentToAsync(email))).ReadJsonAsync(HttpStatusCode.OK);

        Assert.True(confirmed.GetProperty("providerVerified").GetBoolean());
        var provider = await UseDbAsync(db => db.Providers.SingleAsync(p => p.Id == providerId));
        Assert.Equal(ProviderVerificationMethod.EmailConfirmed, provider.VerifiedBy);
        Assert.Equal(userId, provider.VerifiedByUserId);
        Assert.NotNull(provider.ContactEmailConfirmedAt);
        Assert.True(await UseDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.EmailConfirmed).SingleAsync()));
        Assert.True(await UseDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.ProviderVerified && a.ProviderId == providerId)));
        var applied = await client.PostAsJsonAsync($"/api/lots/{dps.LotId}/applications", new
        {
            providerId, answers = new { insurance = "Yes", safeguarding = "Yes" }, evidenceReference = "Evidence pack 2026",
        });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
    }

    [Fact]
    public async Task ConfirmLink_UsedTwice_SecondIsRefused()
    {
        var email = NewEmail("replay");
        await RegisterAsync(email);
        var code = await CodeSentToAsync(email);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(anonymous, code)).StatusCode);
        var again = await (await ConfirmAsync(anonymous, code)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("expired or has already been used", again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ConfirmLink_SameCodeTwiceAtOnce_ExactlyOneWins()
    {
        var email = NewEmail("race");
        await RegisterAsync(email);
        var code = await CodeSentToAsync(email);
        using var one = app.CreateClient();
        using var two = app.CreateClient();

        var results = await Task.WhenAll(ConfirmAsync(one, code), ConfirmAsync(two, code));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity], results.Select(r => r.StatusCode).Order());
    }

    [Fact]
    public async Task ConfirmLink_WrongOrTamperedCode_IsRefusedAndVerifiesNothing()
    {
        var email = NewEmail("tamper");
        var (providerId, _, client) = await RegisterAsync(email);
        using var _c = client;
        var code = await CodeSentToAsync(email);
        using var anonymous = app.CreateClient();

        await (await ConfirmAsync(anonymous, code[..^1] + (code[^1] == 'A' ? 'B' : 'A'))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await ConfirmAsync(anonymous, "")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        // The stored hash is no code: sending it back confirms nothing.
        var hash = await UseDbAsync(db => db.EmailConfirmationCodes.Where(c => c.ProviderId == providerId).Select(c => c.CodeHash).FirstAsync());
        await (await ConfirmAsync(anonymous, hash)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.False(await UseDbAsync(db => db.Providers.AnyAsync(p => p.Id == providerId && p.VerifiedAt != null)));
        Assert.False(await UseDbAsync(db => db.EmailConfirmationCodes.AnyAsync(c => c.CodeHash == code)));
    }

    [Fact]
    public async Task ConfirmLink_AfterItExpires_IsRefused()
    {
        var email = NewEmail("expired");
        var (providerId, _, client) = await RegisterAsync(email);
        using var _c = client;
        var code = await CodeSentToAsync(email);
        app.Clock.Advance(EmailConfirmationCodes.Lifetime + TimeSpan.FromMinutes(1));
        using var anonymous = app.CreateClient();

        await (await ConfirmAsync(anonymous, code)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.False(await UseDbAsync(db => db.Providers.AnyAsync(p => p.Id == providerId && p.VerifiedAt != null)));
    }

    [Fact]
    public async Task ContactEmail_Different_IsConfirmedSeparatelyAndHoldsNoticesUntilThen()
    {
        var email = NewEmail("user");
        var contact = NewEmail("contact");
        var (providerId, _, client) = await RegisterAsync(email, contact);
        using var _c = client;
        using var anonymous = app.CreateClient();
        await ConfirmAsync(anonymous, await CodeSentToAsync(email));
        Assert.True(await UseDbAsync(db => db.Providers.AnyAsync(p => p.Id == providerId && p.VerifiedAt != null && p.ContactEmailConfirmedAt == null)));

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>().QueueAsync(contact, "A notice", "Body");
            await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<EmailDeliveryJob>().RunAsync();
        }
        var held = Assert.Single(await EmailsToAsync(contact), e => e.Subject == "A notice");
        Assert.True(held.HeldUntilConfirmed);
        Assert.Null(held.DeliveredAt);
        var status = await (await client.GetAsync("/api/provider/verification")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(status.GetProperty("contactEmailConfirmed").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(anonymous, await CodeSentToAsync(contact))).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailDeliveryJob>().RunAsync();
        }

        var released = Assert.Single(await EmailsToAsync(contact), e => e.Subject == "A notice");
        Assert.False(released.HeldUntilConfirmed);
        Assert.NotNull(released.DeliveredAt);
        Assert.True(await UseDbAsync(db => db.Providers.AnyAsync(p => p.Id == providerId && p.ContactEmailConfirmedAt != null)));
    }

    [Fact]
    public async Task ContactEmailLink_DoesNotVerifyTheProvider()
    {
        var email = NewEmail("user");
        var contact = NewEmail("contact");
        var (providerId, _, client) = await RegisterAsync(email, contact);
        using var _c = client;
        using var anonymous = app.CreateClient();

        var confirmed = await (await ConfirmAsync(anonymous, await CodeSentToAsync(contact))).ReadJsonAsync(HttpStatusCode.OK);

        Assert.False(confirmed.GetProperty("providerVerified").GetBoolean());
        Assert.False(await UseDbAsync(db => db.Providers.AnyAsync(p => p.Id == providerId && p.VerifiedAt != null)));
        await AssertConfirmFirstAsync(await client.GetAsync("/api/provider/referrals"));
    }

    [Fact]
    public async Task Resend_SendsANewLinkThatWorks_ButNotTwiceInAMinute()
    {
        var email = NewEmail("resend");
        var (providerId, _, client) = await RegisterAsync(email);
        using var _c = client;
        app.Clock.Advance(ProviderVerification.ResendInterval + TimeSpan.FromSeconds(1));

        var sent = await (await client.PostAsync("/api/provider/confirmation-links", null)).ReadJsonAsync(HttpStatusCode.OK);
        var again = await client.PostAsync("/api/provider/confirmation-links", null);

        Assert.Equal([email], sent.GetProperty("sentTo").EnumerateArray().Select(e => e.GetString()));
        await again.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(2, (await EmailsToAsync(email)).Count(e => e.Subject == "Confirm your email address for PlacementBroker"));
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(anonymous, await CodeSentToAsync(email))).StatusCode);
        Assert.True(await UseDbAsync(db => db.Providers.AnyAsync(p => p.Id == providerId && p.VerifiedAt != null)));
    }

    [Fact]
    public async Task AdminVerification_VerifiesTheOrganisationAndItsFirstUser_AndIsAudited()
    {
        var (providerId, userId, client) = await RegisterAsync(NewEmail("byadmin"));
        using var _c = client;
        using var admin = await app.Data.AdminClientAsync();

        var body = await (await admin.PostAsync($"/api/providers/{providerId}/verification", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("ByPlatformAdmin", body.GetProperty("verifiedBy").GetString());
        Assert.True(await UseDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.EmailConfirmed).SingleAsync()));
        Assert.True(await UseDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.ProviderVerified && a.ProviderId == providerId)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/provider/referrals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/providers/{providerId}/verification", null)).StatusCode);
    }

    [Fact]
    public async Task AdminVerification_UnknownProvider_Returns404()
    {
        using var admin = await app.Data.AdminClientAsync();

        await (await admin.PostAsync($"/api/providers/{Guid.NewGuid()}/verification", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Role.ProviderUser)]
    [InlineData(Role.Commissioner)]
    [InlineData(Role.PlacingOfficer)]
    public async Task AdminVerification_OtherRoles_Return403AndVerifyNothing(Role role)
    {
        var (providerId, _, own) = await RegisterAsync(NewEmail("self"));
        using var _o = own;
        using var client = role == Role.ProviderUser ? own : await app.Data.ClientForAsync(role);

        var response = await client.PostAsync($"/api/providers/{providerId}/verification", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await UseDbAsync(db => db.Providers.AnyAsync(p => p.Id == providerId && p.VerifiedAt != null)));
    }

    [Fact]
    public async Task AdminVerification_Anonymous_Returns401()
    {
        var (providerId, _, client) = await RegisterAsync(NewEmail("anon"));
        using var _c = client;
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/providers/{providerId}/verification", null)).StatusCode);
    }

    [Fact]
    public async Task Unverified_ListedForAdmins_UntilVerified()
    {
        var (providerId, _, client) = await RegisterAsync(NewEmail("listed"));
        using var _c = client;
        using var admin = await app.Data.AdminClientAsync();

        var before = await (await admin.GetAsync("/api/providers/unverified?pageSize=100")).ReadJsonAsync(HttpStatusCode.OK);
        await admin.PostAsync($"/api/providers/{providerId}/verification", null);
        var after = await (await admin.GetAsync("/api/providers/unverified?pageSize=100")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Contains(providerId.ToString(), before.GetRawText());
        Assert.DoesNotContain(providerId.ToString(), after.GetRawText());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/providers/unverified")).StatusCode);
    }

    [Fact]
    public async Task RegisterAndVerifyHelper_GivesAProviderThatMayApply()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var anonymous = app.CreateClient();
        using var admin = await app.Data.AdminClientAsync();

        var provider = await app.Data.RegisterAndVerifyProviderAsync(anonymous, admin);

        using var client = await app.Data.ClientForAsync(provider.User);
        var applied = await client.PostAsJsonAsync($"/api/lots/{dps.LotId}/applications", new
        {
            providerId = provider.Id, answers = new { insurance = "Yes", safeguarding = "Yes" }, evidenceReference = "Evidence pack 2026",
        });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
    }

    [GeneratedRegex(@"/Account/ConfirmEmail\?code=([A-Za-z0-9%_\-]+)")]
    private static partial Regex CodeInLink();
}

public class ProviderVerificationApiSqliteTests(SqliteApp app) : ProviderVerificationApiTests(app), IClassFixture<SqliteApp>;

public class ProviderVerificationApiServerTests(ServerApp app) : ProviderVerificationApiTests(app), IClassFixture<ServerApp>;
