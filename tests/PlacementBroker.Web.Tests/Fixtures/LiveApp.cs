using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hubs;
using PlacementBroker.Web.Tests.Hubs;

namespace PlacementBroker.Web.Tests.Fixtures;

public class LiveApp : PlacementBrokerApp
{
    protected override bool RealServer => true;
}
