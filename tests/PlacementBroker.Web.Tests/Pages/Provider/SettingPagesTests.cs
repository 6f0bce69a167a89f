using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Provider;

public class SettingPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static int _urn = Random.Shared.Next(500_000, 900_000);

    [Fact]
    public async Task AddSetting_ValidFormWithAPostcode_ListsTheSetting()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);
        var urn = $"SC{Interlocked.Increment(ref _urn)}";

        var list = await session.PostFormAndOpenAsync("/provider/settings/new", Form(urn));

        Assert.Contains("Success Rowan House has been added", list.Text);
        Assert.Contains($"Rowan House Ofsted URN {urn} LS6 2AB Requires improvement to be good 14 March 2026 3", list.Text);
    }

    [Fact]
    public async Task AddSetting_Nonsense_ShowsTheErrorSummaryNamingEachField()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);

        var response = await session.PostFormAsync("/provider/settings/new", new()
        {
            ["Input.Name"] = "", ["Input.OfstedUrn"] = "ofsted", ["Input.Postcode"] = "nowhere", ["Input.OfstedGrade"] = "",
            ["Input.LastInspection.Day"] = "31", ["Input.LastInspection.Month"] = "2", ["Input.LastInspection.Year"] = "2026",
            ["Input.RegisteredPlaces"] = "lots",
        });

        var page = await response.PageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = page.Errors();
        Assert.Contains("Enter the setting's name", errors);
        Assert.Contains("Enter an Ofsted URN like SC123456 or 2123456", errors);
        Assert.Contains("Enter a full UK postcode, like LS6 2AB", errors);
        Assert.Contains("Select the latest Ofsted grade, or not yet inspected", errors);
        Assert.Contains("Registered places must be a whole number, like 4", errors);
        Assert.Contains("The last inspection date must be a real date", errors);
        foreach (var field in new[] { "Name", "OfstedUrn", "Postcode", "OfstedGrade", "RegisteredPlaces", "LastInspection" })
        {
            Assert.Contains($"Input_{field}", page.ErrorFields());
        }
        Assert.Equal("Input.LastInspection.Day", page.Document.GetElementById("Input_LastInspection")?.GetAttribute("name"));
    }

    [Fact]
    public async Task AddSetting_RealPostcode_IsLocatedWithoutAskingForCoordinates()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);
        var form = await session.OpenAsync("/provider/settings/new");
        Assert.Null(form.Document.QuerySelector("[name='Input.Latitude'], [name='Input.Longitude']"));
        var urn = $"SC{Interlocked.Increment(ref _urn)}";
        var filled = Form(urn);
        filled["Input.Postcode"] = "LS12 3AB";

        await session.PostFormAndOpenAsync("/provider/settings/new", filled);

        using var scope = app.Services.CreateScope();
        var setting = await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Settings.SingleAsync(s => s.OfstedUrn == urn);
        Assert.Equal(53.79, setting.Latitude!.Value, 0.01);
        Assert.Equal(-1.60, setting.Longitude!.Value, 0.01);
    }

    [Fact]
    public async Task AddSetting_PostcodeOfNoKnownDistrict_AsksToCheckThePostcodeAndAddsNothing()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);
        var form = Form($"SC{Interlocked.Increment(ref _urn)}");
        form["Input.Postcode"] = "WF90 1AA";

        var response = await session.PostFormAsync("/provider/settings/new", form);

        var page = await response.PageAsync();
        Assert.Equal([("We could not find where WF90 is. Check the postcode is right", "Input_Postcode")], page.ErrorSummary());
        Assert.Contains("Your organisation has no settings yet.", (await session.OpenAsync("/provider/settings")).Text);
    }

    [Fact]
    public async Task AddSetting_UrnAlreadyRegisteredByTheProvider_IsShownAtTheUrnAndNothingIsAdded()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(provider.User);
        var urn = $"SC{Interlocked.Increment(ref _urn)}";
        await session.PostFormAndOpenAsync("/provider/settings/new", Form(urn));
        var again = Form(urn);
        again["Input.Name"] = "Rowan House Annexe";

        var response = await session.PostFormAsync("/provider/settings/new", again);

        var page = await response.PageAsync();
        Assert.Equal([($"A setting with Ofsted URN {urn} is already registered.", "Input_OfstedUrn")], page.ErrorSummary());
        Assert.NotNull(page.FieldError("Input_OfstedUrn"));
        Assert.DoesNotContain("Rowan House Annexe", (await session.OpenAsync("/provider/settings")).Text);
    }

    private static Dictionary<string, string> Form(string urn) => new()
    {
        ["Input.Name"] = "Rowan House",
        ["Input.OfstedUrn"] = urn,
        ["Input.Postcode"] = "ls6 2ab",
        ["Input.OfstedGrade"] = "RequiresImprovement",
        ["Input.LastInspection.Day"] = "14",
        ["Input.LastInspection.Month"] = "3",
        ["Input.LastInspection.Year"] = "2026",
        ["Input.RegisteredPlaces"] = "3",
    };
}
