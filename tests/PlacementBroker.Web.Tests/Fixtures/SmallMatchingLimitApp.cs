using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Api;
using PlacementBroker.Web.Tests.Pages.Provider;
using System.Net.Http.Json;
using System.Net;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>Matching considers at most three vacancies for one referral's potential matches, so a test can go past the limit.</summary>
public class SmallMatchingLimitApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["PlacementBroker:Matching:CandidateLimit"] = "3" };
}

public class PostgresSmallMatchingLimitApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["PlacementBroker:Matching:CandidateLimit"] = "3" };
}
