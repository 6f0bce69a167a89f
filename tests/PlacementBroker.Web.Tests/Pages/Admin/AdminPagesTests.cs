using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Admin;

public class AdminPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/new")]
    [InlineData("/admin/local-authorities")]
    [InlineData("/admin/local-authorities/new")]
    public async Task AdminPages_OtherRoles_SeeTheNoAccessPage(string path)
    {
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner);
        using var session = await PageSession.SignedInAsync(app, commissioner.Email, commissioner.Password);

        var response = await session.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery);
        var page = await session.OpenAsync(response.Headers.Location.PathAndQuery, HttpStatusCode.Forbidden);
        Assert.Contains("You do not have access to this page", page.Text);
    }

    [Fact]
    public async Task AddLocalAuthority_ValidForm_CreatesItAndListsIt()
    {
        using var session = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);
        var code = TestData.Unique("P").ToUpperInvariant()[..9];

        var response = await session.PostFormAsync("/admin/local-authorities/new", new() { ["Input.Name"] = $"{code} County Council", ["Input.Code"] = code });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await session.OpenAsync("/admin/local-authorities");
        Assert.Contains($"{code} County Council was added", list.Text);
        Assert.Contains(code, list.All("td.govuk-table__cell").Select(cell => PageDocument.VisibleText(cell)));
    }

    [Fact]
    public async Task AddLocalAuthority_BlankForm_ShowsErrorSummaryAndInlineErrors()
    {
        using var session = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);

        var response = await session.PostFormAsync("/admin/local-authorities/new", new() { ["Input.Name"] = "", ["Input.Code"] = "" });

        var page = await response.PageAsync();
        Assert.Contains("There is a problem", page.Text);
        Assert.Contains(("Enter the authority's name", "Input_Name"), page.ErrorSummary());
        Assert.NotNull(page.FieldError("Input_Name"));
    }

    [Fact]
    public async Task AddUser_ValidForm_CreatesAnAccountThatCanSignIn()
    {
        var authority = await app.Data.CreateLocalAuthorityAsync();
        using var session = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);
        var email = $"{TestData.Unique("manager")}@test.placementbroker.uk";

        var response = await session.PostFormAsync("/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Morgan Manager",
            ["Input.Email"] = email,
            ["Input.Role"] = "PlacementManager",
            ["Input.LocalAuthorityId"] = authority.Id.ToString(),
            ["Input.ProviderId"] = "",
            ["Input.Password"] = "Manager-Passw0rd!",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var manager = await PageSession.SignedInAsync(app, email, "Manager-Passw0rd!");
        Assert.Contains("Your placements team", (await manager.OpenAsync("/")).Text);
    }

    [Fact]
    public async Task AddLocalAuthority_CodeAlreadyUsed_IsShownAtTheNameAndNothingIsAdded()
    {
        using var session = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);
        var code = TestData.Unique("D").ToUpperInvariant()[..9];
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/admin/local-authorities/new",
            new() { ["Input.Name"] = $"{code} County Council", ["Input.Code"] = code })).StatusCode);

        var response = await session.PostFormAsync("/admin/local-authorities/new", new() { ["Input.Name"] = $"{code} Borough Council", ["Input.Code"] = code });

        var page = await response.PageAsync();
        Assert.Equal([("A local authority with that name or code already exists.", "Input_Name")], page.ErrorSummary());
        Assert.NotNull(page.FieldError("Input_Name"));
        Assert.Equal($"{code} Borough Council", page.ByLabel("Name").GetAttribute("value"));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.Equal(1, await db.LocalAuthorities.CountAsync(a => a.Code == code));
    }

    [Fact]
    public async Task AddUser_AddressAlreadyInUse_IsShownAtTheEmailWithTheChoicesStillThere()
    {
        var existing = await app.Data.CreateUserAsync(Role.Commissioner);
        using var session = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);

        var response = await session.PostFormAsync("/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Second Account", ["Input.Email"] = existing.Email, ["Input.Role"] = "Commissioner",
            ["Input.LocalAuthorityId"] = existing.LocalAuthorityId!.Value.ToString(), ["Input.ProviderId"] = "", ["Input.Password"] = "Second-Passw0rd!",
        });

        var page = await response.PageAsync();
        Assert.Equal([("An account with that email address already exists.", "Input_Email")], page.ErrorSummary());
        Assert.NotNull(page.FieldError("Input_Email"));
        Assert.Contains(page.ByLabel("Role").QuerySelectorAll("option"), option => option.GetAttribute("value") == "Commissioner");
    }

    [Fact]
    public async Task AddUser_MissingRoleAndWeakPassword_ShowsEachProblem()
    {
        using var session = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);

        var response = await session.PostFormAsync("/admin/users/new", new()
        {
            ["Input.DisplayName"] = "No Role", ["Input.Email"] = "norole@test.placementbroker.uk", ["Input.Role"] = "",
            ["Input.LocalAuthorityId"] = "", ["Input.ProviderId"] = "", ["Input.Password"] = "weak",
        });

        var page = await response.PageAsync();
        Assert.Contains(("Select a role", "Input_Role"), page.ErrorSummary());
        Assert.Contains("Input_Password", page.ErrorFields());
    }

    [Fact]
    public async Task RegisterProvider_Page_CreatesTheOrganisationAndAsksToCheckEmail()
    {
        using var session = new PageSession(app);
        var email = $"{TestData.Unique("selfreg")}@test.placementbroker.uk";

        var response = await session.PostFormAsync("/providers/register", new()
        {
            ["Input.OrganisationName"] = "Moorside Fostering Ltd",
            ["Input.ProviderType"] = "IndependentFosteringAgency",
            ["Input.RegistrationNumber"] = "07654321",
            ["Input.ContactEmail"] = "referrals@moorside.example",
            ["Input.DisplayName"] = "Jo Moorside",
            ["Input.Email"] = email,
            ["Input.Password"] = "Moorside-Passw0rd!",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/providers/registered", response.Headers.Location!.OriginalString);
        Assert.Contains($"We have sent an email to {email}", (await session.OpenAsync("/providers/registered")).Text);
        using var signedIn = await PageSession.SignedInAsync(app, email, "Moorside-Passw0rd!");
        var home = await signedIn.OpenAsync("/");
        Assert.Contains("Moorside Fostering Ltd", home.Text);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.True(await db.Providers.AnyAsync(p => p.Name == "Moorside Fostering Ltd" && p.RegistrationNumber == "07654321"));
    }

    [Fact]
    public async Task RegisterProvider_BlankForm_ShowsEveryProblem()
    {
        using var session = new PageSession(app);

        var response = await session.PostFormAsync("/providers/register", new()
        {
            ["Input.OrganisationName"] = "", ["Input.ProviderType"] = "", ["Input.RegistrationNumber"] = "",
            ["Input.ContactEmail"] = "", ["Input.DisplayName"] = "", ["Input.Email"] = "", ["Input.Password"] = "",
        });

        var page = await response.PageAsync();
        foreach (var field in new[] { "OrganisationName", "ProviderType", "RegistrationNumber", "ContactEmail", "DisplayName", "Email", "Password" })
        {
            Assert.Contains($"Input_{field}", page.ErrorFields());
        }
    }
}
