using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Hosting;

/// <summary>
/// Outside Development the host refuses to start with the demo seed, a published or short admin password, or a signing
/// key or secret from a sample file, naming the setting; with its own settings a Production host starts.
/// </summary>
public class UnsafeConfigurationStartupTests
{
    private sealed class ProductionApp(IDictionary<string, string?> settings, DatabaseProvider provider = DatabaseProvider.Sqlite) : PlacementBrokerApp
    {
        public override DatabaseProvider Provider => provider;
        protected override string HostEnvironment => "Production";
        protected override IDictionary<string, string?> ExtraSettings => settings;
    }

    [Theory]
    [InlineData("PlacementBroker:Seed", "demo", "PlacementBroker:Seed")]
    [InlineData("PlacementBroker:Admin:Password", "Demo-Passw0rd!", "PlacementBroker:Admin:Password is a password published")]
    [InlineData("PlacementBroker:Admin:Password", "ChangeMe-Admin-2025!", "PlacementBroker:Admin:Password is a password published")]
    [InlineData("PlacementBroker:Admin:Password", "Sh0rt-Pass!", "PlacementBroker:Admin:Password must be at least 12 characters")]
    [InlineData("PlacementBroker:Jwt:SigningKey", "dev-only-placementbroker-jwt-signing-key-change-me-0123456789abcdef", "PlacementBroker:Jwt:SigningKey is a sample value")]
    [InlineData("PlacementBroker:Admin:TotpSecret", "PBDEMOADMINTOTPSECRETFORDEVONLY2", "PlacementBroker:Admin:TotpSecret is a sample value")]
    [InlineData("Stripe:WebhookSecret", "dev-only-placementbroker-jwt-signing-key-change-me-0123456789abcdef", "Stripe:WebhookSecret is a sample value")]
    public async Task Start_InProductionWithAnUnsafeSetting_FailsNamingTheSetting(string key, string value, string message)
    {
        var app = new ProductionApp(new Dictionary<string, string?> { [key] = value });
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);
            Assert.Contains(message, Flatten(error));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Start_InProductionWithItsOwnSettings_Serves(DatabaseProvider provider)
    {
        var app = new ProductionApp(new Dictionary<string, string?>
        {
            ["PlacementBroker:Admin:Password"] = "Kx7-unpublished-admin-password",
            ["PlacementBroker:Jwt:SigningKey"] = "a-deployment-s-own-signing-key-9f8e7d6c5b4a39281706",
        }, provider);
        try
        {
            await app.InitializeAsync();
            using var client = app.CreateClient();
            var ready = await client.GetAsync("/health/live");
            Assert.True(ready.IsSuccessStatusCode, $"/health/live answered {(int)ready.StatusCode}");
            using var admin = app.CreateClient();
            var token = await admin.PostAsJsonAsync("/api/auth/token", new { email = PlacementBrokerApp.AdminEmail, password = "Kx7-unpublished-admin-password", code = app.NextAdminCode() });
            Assert.Equal(System.Net.HttpStatusCode.OK, token.StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public void Check_InDevelopment_AllowsTheDemoAndItsPassword()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PlacementBroker:Seed"] = "demo",
            ["PlacementBroker:Admin:Password"] = "Demo-Passw0rd!",
        }).Build();
        var development = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" };
        var staging = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Staging" };

        Assert.Empty(UnsafeConfigurationCheck.Problems(configuration, development));
        Assert.Equal(2, UnsafeConfigurationCheck.Problems(configuration, staging).Count);
    }

    private static string Flatten(Exception error) => error.InnerException is { } inner ? $"{error.Message} | {Flatten(inner)}" : error.Message;
}
