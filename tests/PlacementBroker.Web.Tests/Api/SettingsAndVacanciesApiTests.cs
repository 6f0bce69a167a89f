using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>The contract's "Settings and vacancies" routes.</summary>
public abstract class SettingsAndVacanciesApiTests(PlacementBrokerApp app)
{
    private static object Setting(string urn, double? latitude = null, double? longitude = null, string postcode = "LS6 2AB") => new
    {
        name = "Meadow View", ofstedUrn = urn, postcode, latitude, longitude, ofstedGrade = "Good", lastInspectionDate = "2026-03-14", registeredPlaces = 4,
    };

    private static string Urn() => "SC" + Random.Shared.Next(100_000, 999_999);

    private static object Vacancy(Guid settingId, Guid lotId, int places = 1, int ageMin = 12, int ageMax = 17) => new
    {
        settingId, lotId, places, ageMin, ageMax, genders = new[] { "Female", "Male" }, needsMet = new[] { "EmotionalBehavioural", "SelfHarm" },
        weeklyPrice = 5600.00, availableFrom = "2026-12-01",
    };

    [Fact]
    public async Task AddSetting_PostcodeOnly_IsLocatedFromThePostcodeDistrict()
    {
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        using var client = await app.Data.ClientForAsync(provider.User);

        var body = await (await client.PostAsJsonAsync($"/api/providers/{provider.Id}/settings", Setting(Urn()))).ReadJsonAsync(HttpStatusCode.Created);

        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        Assert.InRange(body.GetProperty("latitude").GetDouble(), 53.7, 53.9);
        Assert.InRange(body.GetProperty("longitude").GetDouble(), -1.7, -1.4);
    }

    [Fact]
    public async Task AddSetting_CoordinatesGiven_WinOverThePostcode()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);

        var body = await (await client.PostAsJsonAsync($"/api/providers/{provider.Id}/settings", Setting(Urn(), 51.5074, -0.1278))).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(51.5074, body.GetProperty("latitude").GetDouble(), 4);
    }

    [Fact]
    public async Task AddSetting_AnotherProvidersOrganisation_Is404LikeAnUnknownOne()
    {
        var provider = await app.Data.CreateProviderAsync();
        var other = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);

        await (await client.PostAsJsonAsync($"/api/providers/{other.Id}/settings", Setting(Urn()))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync($"/api/providers/{Guid.NewGuid()}/settings", Setting(Urn()))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Role.Commissioner)]
    [InlineData(Role.QaOfficer)]
    public async Task AddSetting_NotAProvider_Is403(Role role)
    {
        var provider = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(role);

        await (await client.PostAsJsonAsync($"/api/providers/{provider.Id}/settings", Setting(Urn()))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AddSetting_NonsenseInput_Is400NamingEachField()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);

        var response = await client.PostAsJsonAsync($"/api/providers/{provider.Id}/settings",
            new { name = "", ofstedUrn = "12", postcode = "nowhere", latitude = 53.8, registeredPlaces = 0, lastInspectionDate = "2030-01-01" });

        await response.AssertValidationProblemAsync("name", "ofstedUrn", "postcode", "longitude", "ofstedGrade", "registeredPlaces", "lastInspectionDate");
    }

    [Fact]
    public async Task AddSetting_UnknownGradeOrBadDate_Is400NamingTheField()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);

        await (await client.PostAsJsonAsync($"/api/providers/{provider.Id}/settings", new { name = "x", ofstedGrade = "Excellent" })).AssertValidationProblemAsync("ofstedGrade");
        await (await client.PostAsJsonAsync($"/api/providers/{provider.Id}/settings", new { name = "x", lastInspectionDate = "14/03/2026" })).AssertValidationProblemAsync("lastInspectionDate");
    }

    [Fact]
    public async Task AddSetting_DistrictNobodyKnowsWithoutCoordinates_AsksToCheckThePostcode()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);

        var problem = await (await client.PostAsJsonAsync($"/api/providers/{provider.Id}/settings", Setting(Urn(), postcode: "ZZ9 9ZZ"))).AssertValidationProblemAsync("postcode");

        Assert.Equal("We could not find where ZZ9 is. Check the postcode is right", problem.GetProperty("errors").GetProperty("postcode")[0].GetString());
    }

    [Fact]
    public async Task AddSetting_DuplicateUrn_Is409()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);
        var urn = Urn();
        await (await client.PostAsJsonAsync($"/api/providers/{provider.Id}/settings", Setting(urn))).ReadJsonAsync(HttpStatusCode.Created);

        await (await client.PostAsJsonAsync($"/api/providers/{provider.Id}/settings", Setting(urn))).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PublishVacancy_AdmittedProvider_IsOpenAndListed()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        var setting = await app.Data.CreateSettingAsync(provider);
        using var client = await app.Data.ClientForAsync(provider.User);

        var created = await (await client.PostAsJsonAsync("/api/vacancies", Vacancy(setting, dps.LotId))).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("Open", created.GetProperty("status").GetString());
        var listed = await (await client.GetAsync($"/api/vacancies?lotId={dps.LotId}")).ReadJsonAsync(HttpStatusCode.OK);
        var vacancy = listed.EnumerateArray().Single();
        Assert.Equal(5600.00m, vacancy.GetProperty("weeklyPrice").GetDecimal());
        Assert.Equal(["EmotionalBehavioural", "SelfHarm"], vacancy.GetProperty("needsMet").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("LS6", vacancy.GetProperty("area").GetString());
        Assert.Equal("2026-12-01", vacancy.GetProperty("availableFrom").GetString());
    }

    [Fact]
    public async Task PublishVacancy_NotAdmitted_Is422()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps, admit: false);
        var setting = await app.Data.CreateSettingAsync(provider);
        using var client = await app.Data.ClientForAsync(provider.User);

        await (await client.PostAsJsonAsync("/api/vacancies", Vacancy(setting, dps.LotId))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task PublishVacancy_Suspended_Is422()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var (_, membershipId) = await app.Data.ApplyAsync(provider, dps);
        var setting = await app.Data.CreateSettingAsync(provider);
        using (var commissioner = await app.Data.ClientForAsync(dps.Commissioner))
        {
            await (await commissioner.PostAsJsonAsync($"/api/memberships/{membershipId}/suspend", new { reason = "Open safeguarding concern" })).ReadJsonAsync(HttpStatusCode.OK);
        }
        using var client = await app.Data.ClientForAsync(provider.User);

        var problem = await (await client.PostAsJsonAsync("/api/vacancies", Vacancy(setting, dps.LotId))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("suspended", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PublishVacancy_NonsenseInput_Is400NamingEachField()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var setting = await app.Data.CreateSettingAsync(provider, places: 2);
        using var client = await app.Data.ClientForAsync(provider.User);

        var response = await client.PostAsJsonAsync("/api/vacancies", new
        {
            settingId = setting, lotId = dps.LotId, places = 3, ageMin = 30, ageMax = 12, genders = Array.Empty<string>(), weeklyPrice = 0,
        });

        await response.AssertValidationProblemAsync("places", "ageMin", "genders", "weeklyPrice", "availableFrom");
    }

    [Fact]
    public async Task PublishVacancy_MinAgeAboveMax_Is400()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var setting = await app.Data.CreateSettingAsync(provider);
        using var client = await app.Data.ClientForAsync(provider.User);

        await (await client.PostAsJsonAsync("/api/vacancies", Vacancy(setting, dps.LotId, ageMin: 16, ageMax: 11))).AssertValidationProblemAsync("ageMax");
    }

    [Theory]
    [InlineData("needsMet", "Naughtiness")]
    [InlineData("genders", "Unknown")]
    public async Task PublishVacancy_OutsideTheVocabulary_Is400NamingTheField(string field, string value)
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var setting = await app.Data.CreateSettingAsync(provider);
        using var client = await app.Data.ClientForAsync(provider.User);
        var body = new Dictionary<string, object?>
        {
            ["settingId"] = setting, ["lotId"] = dps.LotId, ["places"] = 1, ["ageMin"] = 10, ["ageMax"] = 17,
            ["genders"] = new[] { "Female" }, ["needsMet"] = new[] { "Autism" }, ["weeklyPrice"] = 5000, ["availableFrom"] = "2026-12-01",
        };
        body[field] = new[] { value };

        await (await client.PostAsJsonAsync("/api/vacancies", body)).AssertValidationProblemAsync(field);
    }

    [Fact]
    public async Task PublishVacancy_AnotherProvidersSetting_Is400()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var other = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var theirs = await app.Data.CreateSettingAsync(other);
        using var client = await app.Data.ClientForAsync(provider.User);

        await (await client.PostAsJsonAsync("/api/vacancies", Vacancy(theirs, dps.LotId))).AssertValidationProblemAsync("settingId");
    }

    [Theory]
    [InlineData(Role.Commissioner)]
    [InlineData(Role.PlacingOfficer)]
    public async Task PublishVacancy_NotAProvider_Is403(Role role)
    {
        using var client = await app.Data.ClientForAsync(role);

        await (await client.PostAsJsonAsync("/api/vacancies", Vacancy(Guid.NewGuid(), Guid.NewGuid()))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ListVacancies_CommissionerSeesTheirDpsOnlyAndFilters()
    {
        var participantAuthority = await app.Data.CreateLocalAuthorityAsync();
        var dps = await app.Data.CreateDpsAsync(participants: [participantAuthority.Id]);
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var good = await app.Data.CreateSettingAsync(provider, grade: OfstedGrade.Good);
        var vacancyId = await app.Data.CreateVacancyAsync(provider, good, dps.LotId);
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);
        using var participant = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.Commissioner, participantAuthority.Id));
        using var stranger = await app.Data.ClientForAsync(Role.Commissioner);
        string Ids(System.Text.Json.JsonElement list) => string.Join(",", list.EnumerateArray().Select(v => v.GetProperty("id").GetString()));

        Assert.Contains(vacancyId.ToString(), Ids(await (await lead.GetAsync($"/api/vacancies?lotId={dps.LotId}")).ReadJsonAsync(HttpStatusCode.OK)));
        Assert.Contains(vacancyId.ToString(), Ids(await (await participant.GetAsync("/api/vacancies")).ReadJsonAsync(HttpStatusCode.OK)));
        Assert.DoesNotContain(vacancyId.ToString(), Ids(await (await stranger.GetAsync("/api/vacancies")).ReadJsonAsync(HttpStatusCode.OK)));
        Assert.Contains(vacancyId.ToString(), Ids(await (await lead.GetAsync($"/api/vacancies?need=Autism&grade=Good&area=LS6")).ReadJsonAsync(HttpStatusCode.OK)));
        Assert.DoesNotContain(vacancyId.ToString(), Ids(await (await lead.GetAsync($"/api/vacancies?need=SubstanceMisuse")).ReadJsonAsync(HttpStatusCode.OK)));
        Assert.DoesNotContain(vacancyId.ToString(), Ids(await (await lead.GetAsync($"/api/vacancies?grade=Outstanding")).ReadJsonAsync(HttpStatusCode.OK)));
        Assert.DoesNotContain(vacancyId.ToString(), Ids(await (await lead.GetAsync($"/api/vacancies?area=BD")).ReadJsonAsync(HttpStatusCode.OK)));
        await (await lead.GetAsync("/api/vacancies?need=Happiness")).AssertValidationProblemAsync("need");
    }

    [Fact]
    public async Task ListVacancies_ProviderSeesOnlyItsOwn()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var other = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        await app.Data.ApplyAsync(other, dps);
        var theirs = await app.Data.CreateVacancyAsync(other, await app.Data.CreateSettingAsync(other), dps.LotId);
        using var client = await app.Data.ClientForAsync(provider.User);

        var list = await (await client.GetAsync($"/api/vacancies?lotId={dps.LotId}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Empty(list.EnumerateArray());
        await (await client.GetAsync($"/api/vacancies/{theirs}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.QaOfficer)]
    public async Task ListVacancies_OtherRoles_Are403(Role role)
    {
        using var client = await app.Data.ClientForAsync(role);

        await (await client.GetAsync("/api/vacancies")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task WithdrawVacancy_Own_Is204AndIdempotentAndOthersGet404()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        var other = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var vacancyId = await app.Data.CreateVacancyAsync(provider, await app.Data.CreateSettingAsync(provider), dps.LotId);
        using var client = await app.Data.ClientForAsync(provider.User);
        using var otherClient = await app.Data.ClientForAsync(other.User);

        await (await otherClient.DeleteAsync($"/api/vacancies/{vacancyId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/vacancies/{vacancyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/vacancies/{vacancyId}")).StatusCode);

        var vacancy = await (await client.GetAsync($"/api/vacancies/{vacancyId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", vacancy.GetProperty("status").GetString());
        await (await client.PutAsJsonAsync($"/api/vacancies/{vacancyId}", Vacancy(vacancy.GetProperty("settingId").GetGuid(), dps.LotId)))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task EditVacancy_OpenVacancy_ChangesItsPrice()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var setting = await app.Data.CreateSettingAsync(provider);
        var vacancyId = await app.Data.CreateVacancyAsync(provider, setting, dps.LotId);
        using var client = await app.Data.ClientForAsync(provider.User);

        var edited = new Dictionary<string, object?>
        {
            ["settingId"] = setting, ["lotId"] = dps.LotId, ["places"] = 2, ["ageMin"] = 11, ["ageMax"] = 16, ["genders"] = new[] { "Female" },
            ["needsMet"] = new[] { "Autism" }, ["weeklyPrice"] = 4999.99, ["availableFrom"] = "2026-12-14",
        };
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/vacancies/{vacancyId}", edited)).StatusCode);

        var vacancy = await (await client.GetAsync($"/api/vacancies/{vacancyId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(4999.99m, vacancy.GetProperty("weeklyPrice").GetDecimal());
        Assert.Equal(2, vacancy.GetProperty("places").GetInt32());
    }
}

public class SettingsAndVacanciesApiSqliteTests(SqliteApp app) : SettingsAndVacanciesApiTests(app), IClassFixture<SqliteApp>;

public class SettingsAndVacanciesApiServerTests(ServerApp app) : SettingsAndVacanciesApiTests(app), IClassFixture<ServerApp>;
