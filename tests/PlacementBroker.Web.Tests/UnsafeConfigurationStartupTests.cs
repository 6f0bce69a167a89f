using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests;

/// <summary>
/// Outside Development the host refuses to start with the demo seed, a published or short admin password, or a signing
/// key or secret from a sample file, naming the setting; with its own settings a Production host starts.
/// </summary>
public class UnsafeConfigurationStartupTests
{
    private sealed class ProductionApp(IDictionary<string, string?> settings) : PlacementBrokerApp
    {
        protected override string HostEnvironment => "Production";
        protected override IDictionary<string, string?> ExtraSettings => settings;
    }

    [Theory]
    [InlineData("PlacementBroker:Seed", "demo", "PlacementBroker:Seed")]
    [InlineData("PlacementBroker:Admin:Password", "Demo-Passw0rd!", "PlacementBroker:Admin:Password is a password published")]
    [InlineData("PlacementBroker:Admin:Password", "ChangeMe-Admin-2025!", "PlacementBroker:Admin:Password is a password published")]
    [InlineData("PlacementBroker:Admin:Password", "Sh0rt-Pass!", "PlacementBroker:Admin:Password must be at least 12 characters")]
    [InlineData("PlacementBroker:Jwt:SigningKey", "dev-only-placementbroker-jwt-signing-key-change-me-0123456789abcdef", "PlacementBroker:Jwt:SigningKey is a sample value")]
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

    [Fact]
    public async Task Start_InProductionWithItsOwnSettings_Serves()
    {
        var app = new ProductionApp(new Dictionary<string, string?>
        {
            ["PlacementBroker:Admin:Password"] = "Kx7-unpublished-admin-password",
            ["PlacementBroker:Jwt:SigningKey"] = "a-deployment-s-own-signing-key-9f8e7d6c5b4a39281706",
        });
        try
        {
            await app.InitializeAsync();
            using var client = app.CreateClient();
            var ready = await client.GetAsync("/health/live");
            Assert.True(ready.IsSuccessStatusCode, $"/health/live answered {(int)ready.StatusCode}");
            using var scope = app.Services.CreateScope();
            Assert.NotNull(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>());
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static string Flatten(Exception error) => error.InnerException is { } inner ? $"{error.Message} | {Flatten(inner)}" : error.Message;
}
