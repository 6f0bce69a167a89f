using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute.ExceptionExtensions;
using NSubstitute;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Jobs;
using System.Net.Http.Json;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>A host whose email delivery is a substitute, so a test can make the delivery service fail.</summary>
public class JobsApp : PlacementBrokerApp
{
    public IEmailDelivery Delivery { get; } = Substitute.For<IEmailDelivery>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Delivery.Name.Returns("GovukNotify");
        builder.ConfigureTestServices(services => services.AddSingleton(Delivery));
    }
}
