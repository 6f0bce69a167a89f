using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Commissioning;
using System.Net;

namespace PlacementBroker.Web.Tests.Fixtures;

public class ProductionApp : SqliteApp
{
    // Outside Development cookies are Secure: the browser-less clients speak https, as a browser would.
    public ProductionApp() => ClientOptions.BaseAddress = new Uri("https://localhost");

    protected override string HostEnvironment => "Production";
}

public class DevelopmentWithNotifyApp : DevelopmentApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Notify:ApiKey"] = "test_key-00000000-0000-0000-0000-000000000000-00000000-0000-0000-0000-000000000000",
        ["Notify:TemplateId"] = "00000000-0000-0000-0000-000000000000",
    };
}
