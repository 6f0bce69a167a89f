using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;
using PlacementBroker.Web.Tests.Api;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>A node started when the bank holiday data has less than a year left (the data runs to the end of 2030).</summary>
public abstract class ShortBankHolidaysApp : PlacementBrokerApp
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Log { get; } = new();

    protected ShortBankHolidaysApp() => Clock.SetUtcNow(new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Log)));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<(LogLevel, string)> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(log);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(LogLevel, string)> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Enqueue((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}

public class ShortBankHolidaysSqliteApp : ShortBankHolidaysApp;

public class ShortBankHolidaysPostgresApp : ShortBankHolidaysApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
