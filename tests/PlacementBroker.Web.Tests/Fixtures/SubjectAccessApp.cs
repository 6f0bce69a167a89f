using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Api;
using PlacementBroker.Web.Tests.Pages.Provider;
using PlacementBroker.Web.Tests.Pages;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;

namespace PlacementBroker.Web.Tests.Fixtures;

public class SubjectAccessApp : PostgresApp;
