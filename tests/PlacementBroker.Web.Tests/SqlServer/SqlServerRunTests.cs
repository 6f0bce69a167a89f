using System.Diagnostics;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.SqlServer;

/// <summary>
/// scripts/test-sqlserver.sh, the one command that runs the API and race tests on a real SQL Server where Docker exists
/// (ADR 0015). What it selects, and what it says where it cannot run, are checked here; the run itself needs Docker.
/// </summary>
public class SqlServerRunTests
{
    private static readonly string Root = FindRoot();

    /// <summary>
    /// The script selects the classes named *ServerTests: each must be a host on <see cref="ServerApp"/>, and each test
    /// class on a <see cref="ServerApp"/> must be named so, or SQL Server would silently miss it.
    /// </summary>
    [Fact]
    public void TheScriptsSelection_IsExactlyTheTestsOnServerApp()
    {
        var classes = typeof(SqlServerRunTests).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }).ToList();
        var onServerApp = classes.Where(t => t.GetInterfaces().Any(i => i == typeof(IClassFixture<ServerApp>))).Select(t => t.Name).ToHashSet();
        var named = classes.Where(t => t.Name.EndsWith("ServerTests", StringComparison.Ordinal)).Select(t => t.Name).ToHashSet();

        Assert.True(onServerApp.Count >= 25, $"Only {onServerApp.Count} classes run on ServerApp");
        Assert.Contains("BedCountServerTests", onServerApp);
        Assert.Contains("PlannedEndRaceServerTests", onServerApp);
        Assert.Empty(onServerApp.Except(named));
        Assert.Empty(named.Except(onServerApp));
        var script = File.ReadAllText(Path.Combine(Root, "scripts", "test-sqlserver.sh"));
        Assert.Contains("FullyQualifiedName~ServerTests", script);
        // These checks are about the suite (PostgreSQL, no Docker): the SQL Server run leaves them out.
        Assert.Contains("FullyQualifiedName!~SqlServerRunTests", script);
    }

    [Fact]
    public void ServerApp_IsPostgres_UnlessTheScriptChoosesSqlServer()
    {
        // The suite sets nothing: the server tests run on PostgreSQL, beside their SQLite twins.
        Assert.Null(Environment.GetEnvironmentVariable(TestEnvironment.ServerDatabaseVariable));
        Assert.Equal(DatabaseProvider.PostgreSql, TestEnvironment.ServerDatabase);
    }

    [Fact]
    public async Task WithoutDocker_TheScriptSaysSo_AndFails()
    {
        // A PATH holding only what the script needs before it looks for Docker: no docker, whatever this machine has.
        var bin = Directory.CreateTempSubdirectory("placementbroker-nodocker-");
        try
        {
            File.CreateSymbolicLink(Path.Combine(bin.FullName, "dirname"), "/usr/bin/dirname");
            var start = new ProcessStartInfo("/bin/bash", [Path.Combine(Root, "scripts", "test-sqlserver.sh")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["PATH"] = bin.FullName;

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, process.ExitCode);
            Assert.Contains("Docker is not installed here", await error);
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlacementBroker.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("No PlacementBroker.sln above the test output");
    }
}
