using System.Text.Json;
using PlacementBroker.Benchmarks;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;
using Xunit.Abstractions;

namespace PlacementBroker.Web.Tests.Data;

/// <summary>
/// The performance harness end to end on the Tiny data set (SQLite): the host in its own process, real clients, and a
/// results.json with every field. No timing is asserted: only that each measure was taken.
/// </summary>
public class HarnessTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["dataset"] = ["localAuthorities", "providers", "settings", "openVacancies", "referrals", "offers", "placements"],
        ["matching"] = ["p50Ms", "p95Ms", "baselineP95Ms"],
        ["offerToOfficer"] = ["connections", "p50Ms", "p95Ms"],
        ["referralFanOut"] = ["providers", "p95Ms"],
        ["sufficiency"] = ["p95Ms", "baselineP95Ms"],
        ["offerThroughput"] = ["perSecond", "errors"],
        ["peakWorkingSetMb"] = [],
    };

    [Fact]
    public async Task Tiny_WritesEveryMeasure_AsPositiveNumbers_WithNoErrors()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Path.Combine(database.Folder, "harness");
        var options = HarnessOptions.For(DataSize.Tiny) with { Connection = database.ConnectionString, OutputDirectory = folder };
        var log = new StringWriter();
        try
        {
            await Harness.RunAsync(options, log);
        }
        finally
        {
            output.WriteLine(log.ToString());
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "results.json")));
        var root = results.RootElement;
        Assert.Equal(Fields.Keys.Order(), root.EnumerateObject().Select(p => p.Name).Order());
        foreach (var (name, fields) in Fields)
        {
            var value = root.GetProperty(name);
            if (fields.Length == 0)
            {
                Assert.True(value.GetDouble() > 0, $"{name} is {value}");
                continue;
            }
            Assert.Equal(fields.Order(), value.EnumerateObject().Select(p => p.Name).Order());
            foreach (var field in fields)
            {
                var number = value.GetProperty(field);
                Assert.Equal(JsonValueKind.Number, number.ValueKind);
                if (name == "offerThroughput" && field == "errors")
                {
                    Assert.Equal(0, number.GetInt32());
                }
                else
                {
                    Assert.True(number.GetDouble() > 0, $"{name}.{field} is {number}");
                }
            }
        }
        var declared = NationalData.CountsFor(DataSize.Tiny);
        Assert.Equal(declared.Referrals, root.GetProperty("dataset").GetProperty("referrals").GetInt32());
        Assert.Equal(options.Providers, root.GetProperty("referralFanOut").GetProperty("providers").GetInt32());
        Assert.Equal(options.Connections, root.GetProperty("offerToOfficer").GetProperty("connections").GetInt32());
        // The live phase worked on a copy, removed afterwards: the data set itself is untouched and reusable.
        Assert.False(File.Exists(Path.Combine(folder, "live-copy.db")));
        await using var db = NationalData.CreateContext(DatabaseKind.Sqlite, database.ConnectionString);
        Assert.Equal(declared.Referrals, db.Referrals.Count());
        Assert.DoesNotContain(db.Users, u => u.Email!.EndsWith("@load.test"));
    }
}
