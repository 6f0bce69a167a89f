using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PlacementBroker.TestCommon;

/// <summary>
/// A PostgreSQL cluster of the test's own, in a temporary folder on a free 127.0.0.1 port, that the test may stop and
/// start (the shared server the other tests use is never touched). PostgreSQL refuses to run as root: as root, its
/// programs run as the postgres user, as scripts/test.sh does.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _data;
    private readonly string _bin;

    private ThrowawayPostgres(string folder, string bin, int port)
    {
        _folder = folder;
        _data = Path.Combine(folder, "data");
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server, without a database; connections fail fast while it is stopped.</summary>
    public string ServerConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Timeout=5;Include Error Detail=true";

    public bool Running { get; private set; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "placementbroker-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var cluster = new ThrowawayPostgres(folder, BinFolder(), FreePort());
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder]);
        }
        await RunAsync("chmod", ["755", folder]);
        await cluster.RunPostgresAsync("initdb", ["-D", cluster._data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary>A new database on this cluster, with its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "pb_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops the server as a crash or a pulled plug would: at once, with connections open.</summary>
    public async Task StopAsync()
    {
        await RunPostgresAsync("pg_ctl", ["-D", _data, "-m", "immediate", "-w", "stop"]);
        Running = false;
    }

    public async Task StartAgainAsync()
    {
        // Not synchronous_commit=off: an immediate stop must not lose what was committed, or the tests could not tell.
        await RunPostgresAsync("pg_ctl", ["-D", _data, "-w", "-t", "60", "-l", Path.Combine(_folder, "server.log"), "-o",
            $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={_folder} -c fsync=off -c full_page_writes=off -c max_connections=100",
            "start"]);
        Running = true;
        // Connections pooled before the restart are dead: the next test on this server must not be handed one.
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Running)
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned eventually.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The newest installed PostgreSQL's programs, as in <c>ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1</c>.</summary>
    private static string BinFolder()
    {
        var root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(dir => (Dir: dir, Version: Version.TryParse(Path.GetFileName(dir) + (Path.GetFileName(dir).Contains('.') ? "" : ".0"), out var v) ? v : null))
                .Where(x => x.Version is not null && File.Exists(Path.Combine(x.Dir, "bin", "pg_ctl")))
                .OrderBy(x => x.Version)
                .LastOrDefault().Dir
            : null;
        return newest is null
            ? throw new InvalidOperationException("No PostgreSQL under /usr/lib/postgresql: install the postgresql package (scripts/test.sh does).")
            : Path.Combine(newest, "bin");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private Task RunPostgresAsync(string program, string[] arguments)
    {
        var path = Path.Combine(_bin, program);
        return IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
