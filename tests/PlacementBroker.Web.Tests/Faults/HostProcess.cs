using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PlacementBroker.Web.Tests.Faults;

/// <summary>
/// The real host as a process of its own (<c>dotnet PlacementBroker.Web.dll --urls ...</c>), built with the solution
/// beside this test project's own output, so that a test can kill it as an operating system would.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the host wrote to its console (its log), to explain a failure.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Starts the host with the settings (configuration keys as in appsettings.json) and waits until it is ready.</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan readyWithin)
    {
        var dll = WebDll();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        var process = new Process { StartInfo = start };
        var host = new HostProcess(process, address);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {dll}");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = host.CreateClient();
            await OwnPostgresApp.WaitUntilReadyAsync(client, readyWithin, () => host.HasExited ? $"; the host exited:\n{host.Output}" : $"\n{host.Output}");
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>Kills the process with SIGKILL: no shutdown, no flush, nothing it has not already written survives.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>
    /// The Web project's own build output for this test project's configuration: src/PlacementBroker.Web/bin/Debug/net10.0
    /// when the tests are bin/Debug/net10.0. Building the solution (as scripts/test.sh does) puts it there.
    /// </summary>
    private static string WebDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlacementBroker.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "PlacementBroker.Web", "bin", configuration, framework, "PlacementBroker.Web.dll");
                return File.Exists(dll)
                    ? dll
                    : throw new InvalidOperationException($"{dll} is missing: build the solution (dotnet build PlacementBroker.sln) before running the tests.");
            }
        }
        throw new InvalidOperationException($"No PlacementBroker.sln above {output.FullName}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
