using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Identity;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Pages;
using PlacementBroker.Web.Pages.Placements;
using PlacementBroker.Web.Pages.Provider.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Layout;

/// <summary>
/// Users' words: ASP.NET Identity's errors reach people in GOV.UK's words (one describer), and every error summary
/// lists its problems in the order of the fields on the page.
/// </summary>
public class UsersWordsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Every error Identity can describe, with the arguments its describer takes.</summary>
    private static IEnumerable<(string Method, IdentityError Error)> Describe(IdentityErrorDescriber describer) =>
        typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(IdentityError))
            .Select(m => (m.Name, (IdentityError)m.Invoke(describer, [.. m.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)12 : "someone@example.com")])!));

    [Fact]
    public void EveryIdentityError_HasItsOwnGovukWording_AndKeepsItsCode()
    {
        var ours = Describe(new IdentityMessages()).ToDictionary(e => e.Method, e => e.Error);
        var theirs = Describe(new IdentityErrorDescriber()).ToDictionary(e => e.Method, e => e.Error);

        Assert.Equal(theirs.Keys.Order(), ours.Keys.Order());
        foreach (var (method, error) in ours)
        {
            Assert.Equal(theirs[method].Code, error.Code);
            Assert.NotEqual(theirs[method].Description, error.Description);
            // GOV.UK error messages: no full stop at the end, no quoted values, no "Passwords must".
            Assert.False(error.Description.EndsWith('.'), $"{method}: {error.Description}");
            Assert.DoesNotContain("'", error.Description);
            Assert.DoesNotContain("Passwords must", error.Description);
        }
        Assert.Equal("Password must be 12 characters or more", ours["PasswordTooShort"].Description);
    }

    [Fact]
    public void TheAppsUserManager_UsesTheDescriber()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();

        Assert.IsType<IdentityMessages>(users.ErrorDescriber);
    }

    [Fact]
    public void DeclaredFieldOrder_IsTheBoundPropertiesAndTheirInputModelsInDeclaredOrder()
    {
        Assert.Equal(["Input.EndDate", "Input.Reason", "Input.Notes"], PlacementBrokerPageModel.DeclaredFieldOrder(typeof(EndModel)));
        Assert.Equal(["Reason", "Detail"], new DeclineModel(null!).FieldOrder);
    }

    [Fact]
    public async Task ProviderRegistration_Empty_ListsTheProblemsInTheOrderOfTheFields()
    {
        using var session = new PageSession(app);

        var page = await (await session.PostFormAsync("/providers/register", [])).PageAsync();

        Assert.True(page.ErrorFields().Count >= 3, string.Join(", ", page.ErrorFields()));
        AssertSummaryInFieldOrder(page);
    }

    [Fact]
    public async Task NewUser_Empty_ListsTheProblemsInTheOrderOfTheFields()
    {
        using var admin = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword, app.NextAdminCode);

        var page = await (await admin.PostFormAsync("/admin/users/new", [])).PageAsync();

        Assert.True(page.ErrorFields().Count >= 2, string.Join(", ", page.ErrorFields()));
        AssertSummaryInFieldOrder(page);
    }

    /// <summary>The fields the error summary links to come in the order the fields appear on the page.</summary>
    internal static void AssertSummaryInFieldOrder(PageDocument page)
    {
        var linked = page.ErrorFields().Where(f => f.Length > 0).ToList();
        var onPage = page.All("[id]").Select(e => e.Id!).Where(linked.Contains).Distinct().ToList();
        Assert.True(linked.All(onPage.Contains), $"The summary links to fields the page does not have: {string.Join(", ", linked.Except(onPage))}");
        Assert.Equal(onPage, linked);
    }
}
