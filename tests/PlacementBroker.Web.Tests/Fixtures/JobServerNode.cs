using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Jobs;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Referrals;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;
using PlacementBroker.Web.Tests.Jobs;
using System.Net.Http.Json;
using System.Net;
using Xunit.Abstractions;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>One node of a farm: a real Hangfire server over the shared PostgreSQL database, delivering through a shared recorder.</summary>
public sealed class JobServerNode(TestDatabase database, RecordingDelivery delivery) : PlacementBrokerApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override bool RealJobServer => true;
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);
    protected override bool OwnsDatabase => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IEmailDelivery>(delivery));
    }
}
