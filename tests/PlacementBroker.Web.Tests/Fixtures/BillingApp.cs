using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Payments;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Api;
using System.Net.Http.Json;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>The platform with Stripe pointed at a local stand-in and a webhook secret.</summary>
public class BillingApp : PlacementBrokerApp
{
    public const string WebhookSecret = "whsec_test_placementbroker";

    public StripeStandIn Stripe { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Stripe = await StripeStandIn.StartAsync(Clock);
        await base.InitializeAsync();
    }

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Stripe:SecretKey"] = "sk_test_placementbroker",
        ["Stripe:ApiBase"] = Stripe.Address.ToString(),
        ["Stripe:WebhookSecret"] = WebhookSecret,
        ["Stripe:TimeoutSeconds"] = "5",
        ["Stripe:MaxNetworkRetries"] = "0",
    };

    protected override async Task DisposeAppAsync()
    {
        await base.DisposeAppAsync();
        await Stripe.DisposeAsync();
    }
}

public class PostgresBillingApp : BillingApp
{
    public override Web.Hosting.DatabaseProvider Provider => Web.Hosting.DatabaseProvider.PostgreSql;
}
