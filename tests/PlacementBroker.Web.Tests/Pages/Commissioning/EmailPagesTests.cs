using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Notifications;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

/// <summary>The email outbox on a developer's machine (Development, GOV.UK Notify off): the only place it exists.</summary>
public class EmailPagesTests(DevelopmentApp app) : IClassFixture<DevelopmentApp>
{
    [Fact]
    public async Task Outbox_Admission_PlatformAdminReadsTheEmailToTheProvidersContact()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var lot = await app.LotNameAsync(dps.LotId);
        using var admin = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);

        var outbox = await admin.OpenAsync("/emails");
        var href = outbox.Links().FirstOrDefault(l => l.Name.StartsWith($"You have been admitted to {lot}", StringComparison.Ordinal)).Href;
        Assert.True(href is not null, "The admission email is listed");
        var email = await admin.OpenAsync(href);

        Assert.Contains("referrals@test.placementbroker.uk", outbox.Text);
        Assert.Contains("Waiting", outbox.Tags());
        Assert.Contains($"You have been admitted to {lot}", email.Text);
        Assert.Contains($"{provider.Name} has been admitted to {lot}", email.Text);
        Assert.Contains("\n\nReason: Meets every criterion", email.All(".app-pre-wrap").Single().TextContent);
        Assert.Equal("/emails", email.Link("Back to emails").GetAttribute("href"));
    }

    [Fact]
    public async Task Outbox_SomeoneElsesEmail_IsNeitherListedNorReadable()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        using var admin = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);
        var adminOutbox = await admin.OpenAsync("/emails");
        var href = adminOutbox.Links().Select(l => l.Href).First(h => h.StartsWith("/emails/", StringComparison.Ordinal));
        using var session = await PageSession.SignedInAsync(app, provider.User.Email, provider.User.Password);

        var outbox = await session.OpenAsync("/emails");
        var email = await session.OpenAsync(href, HttpStatusCode.NotFound);

        Assert.Contains($"sent to your email address, {provider.User.Email}", outbox.Text);
        // Only the link that confirms their own address, sent at registration; not the notices sent to the contact address.
        Assert.Contains("Confirm your email address for PlacementBroker", outbox.Text);
        Assert.DoesNotContain("referrals@test.placementbroker.uk", outbox.PageText);
        Assert.DoesNotContain(outbox.Addresses(), address => address.Contains("referrals@test.placementbroker.uk", StringComparison.Ordinal));
        Assert.Contains("Page not found", email.Text);
    }

    [Theory]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.QaOfficer)]
    [InlineData(Role.PlacementManager)]
    public async Task Navigation_AuthorityRoles_LinkToTheirEmails(Role role)
    {
        var user = await app.Data.CreateUserAsync(role);
        using var session = await PageSession.SignedInAsync(app, user.Email, user.Password);

        var home = await session.OpenAsync("/");
        var outbox = await session.OpenAsync("/emails");

        Assert.True(home.HasLinkTo("/emails"));
        Assert.False(home.HasLinkTo("/dps"));
        Assert.Equal("Emails", outbox.Heading());
    }

    [Fact]
    public async Task Outbox_SignedOut_AsksToSignIn()
    {
        using var session = new PageSession(app);

        var response = await session.GetAsync("/emails");

        Assert.StartsWith("/sign-in", response.RedirectedTo());
    }

    [Fact]
    public async Task Outbox_KeptEmailAfterTheDeliveryRun_KeepsItsBodyToRead()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        var lot = await app.LotNameAsync(dps.LotId);
        await app.Jobs.RunRecurringAsync(EmailDeliveryJob.RecurringId);
        using var admin = await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);

        var outbox = await admin.OpenAsync("/emails");
        var href = outbox.Links().FirstOrDefault(l => l.Name.StartsWith($"You have been admitted to {lot}", StringComparison.Ordinal)).Href;
        Assert.True(href is not null, "The admission email is listed");
        var email = await admin.OpenAsync(href);

        Assert.Contains("Kept here", outbox.Tags());
        Assert.Contains($"{provider.Name} has been admitted to {lot}", email.Text);
    }
}

/// <summary>Where the outbox is closed: Production, and Development with GOV.UK Notify configured.</summary>
public abstract class ClosedOutboxTests(PlacementBrokerApp app)
{
    public static TheoryData<Role> Roles => [.. Enum.GetValues<Role>()];

    private async Task<PageSession> SignedInAsync(Role role)
    {
        if (role == Role.PlatformAdmin)
        {
            return await PageSession.SignedInAsync(app, PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword);
        }
        var user = await app.Data.CreateUserAsync(role);
        return await PageSession.SignedInAsync(app, user.Email, user.Password);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Outbox_OutsideADevelopersMachine_IsNotFoundForEveryRole_AndNotInTheNavigation(Role role)
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(provider, dps);
        Guid emailId;
        using (var scope = app.Services.CreateScope())
        {
            emailId = await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().OutboxEmails
                .OrderByDescending(e => e.CreatedAt).Select(e => e.Id).FirstAsync();
        }
        using var session = await SignedInAsync(role);

        var home = await session.OpenAsync("/");
        var outbox = await session.OpenAsync("/emails", HttpStatusCode.NotFound);
        var email = await session.OpenAsync($"/emails/{emailId}", HttpStatusCode.NotFound);

        Assert.DoesNotContain(home.Links(), l => l.Href.StartsWith("/emails", StringComparison.Ordinal));
        Assert.Contains("Page not found", outbox.Text);
        Assert.Contains("Page not found", email.Text);
    }
}

public class ProductionOutboxTests(ProductionApp app) : ClosedOutboxTests(app), IClassFixture<ProductionApp>;

public class DevelopmentWithNotifyOutboxTests(DevelopmentWithNotifyApp app) : ClosedOutboxTests(app), IClassFixture<DevelopmentWithNotifyApp>;
