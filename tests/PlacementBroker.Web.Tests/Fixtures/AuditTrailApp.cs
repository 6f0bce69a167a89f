using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Api;
using PlacementBroker.Web.Tests.Pages.Provider;
using PlacementBroker.Web.Tests.Pages.Referrals;
using PlacementBroker.Web.Tests.Pages;
using System.Net.Http.Json;
using System.Net;

namespace PlacementBroker.Web.Tests.Fixtures;

public class AuditTrailApp : PostgresApp;
