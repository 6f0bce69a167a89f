using System.Net;
using System.Net.Http.Json;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>With Redis, the nodes behind a load balancer count together: spreading requests over nodes gains nothing.</summary>
public class SharedAbuseLimitTests(TwoLimitedNodes nodes) : IClassFixture<TwoLimitedNodes>
{
    [Fact]
    public async Task Registrations_SpreadOverTwoNodes_CountOnce()
    {
        using var toA = new HttpClient { BaseAddress = nodes.A.ServerAddress };
        using var toB = new HttpClient { BaseAddress = nodes.B.ServerAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < LimitedNode.Registrations; i++)
        {
            statuses.Add((await (i % 2 == 0 ? toA : toB).PostAsJsonAsync("/api/providers/register", new { })).StatusCode);
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);

        // Node B has itself seen fewer requests than the limit: only the shared count refuses this one.
        var onB = await toB.PostAsJsonAsync("/api/providers/register", new { });
        var onA = await toA.PostAsJsonAsync("/api/providers/register", new { });

        await onB.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(onB.Headers.RetryAfter?.Delta?.TotalSeconds is >= 1 and <= 3600);
        await onA.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }
}

/// <summary>While Redis is out, the limits hold on each node and requests are still answered.</summary>
public class AbuseLimitsWithoutRedisTests(RedisDownNode node) : IClassFixture<RedisDownNode>
{
    [Fact]
    public async Task Registrations_WhileRedisIsUnreachable_AreCountedOnTheNode()
    {
        using var client = new HttpClient { BaseAddress = node.ServerAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < RedisDownNode.Registrations; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/providers/register", new { })).StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/providers/register", new { });

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
