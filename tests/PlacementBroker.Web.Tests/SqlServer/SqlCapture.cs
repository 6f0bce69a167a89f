using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;

namespace PlacementBroker.Web.Tests.SqlServer;

/// <summary>
/// The commands EF Core would send to SQL Server, kept instead of sent: the connection is never opened, every query
/// answers with no rows and every write with nothing done. The product's own services run on it unchanged, so what is
/// captured is exactly the SQL their queries become on SQL Server, up to the first query whose answer they need.
/// </summary>
public sealed class SqlCapture : IDbCommandInterceptor, IDbConnectionInterceptor
{
    private readonly List<string> _commands = [];

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    private void Keep(DbCommand command)
    {
        lock (_commands)
        {
            _commands.Add(command.CommandText);
        }
    }

    /// <summary>
    /// No rows; except that a count answers 1 (so a paged list goes on to ask for its page, which then has no rows) and
    /// an existence test answers false, so a service carries on to its next query.
    /// </summary>
    private static DbDataReader NoRows(DbCommand command)
    {
        var table = new DataTable();
        var sql = command.CommandText.TrimStart();
        if (sql.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal) || sql.StartsWith("SELECT COUNT_BIG(*)", StringComparison.Ordinal))
        {
            table.Columns.Add("Value", sql.StartsWith("SELECT COUNT_BIG", StringComparison.Ordinal) ? typeof(long) : typeof(int));
            table.Rows.Add(sql.StartsWith("SELECT COUNT_BIG", StringComparison.Ordinal) ? 1L : 1);
        }
        else if (sql.StartsWith("SELECT CASE", StringComparison.Ordinal) && sql.Contains("EXISTS", StringComparison.Ordinal))
        {
            table.Columns.Add("Value", typeof(bool));
            table.Rows.Add(false);
        }
        return table.CreateDataReader();
    }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Keep(command);
        return InterceptionResult<DbDataReader>.SuppressWithResult(NoRows(command));
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        Keep(command);
        return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(NoRows(command)));
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Keep(command);
        return InterceptionResult<object>.SuppressWithResult(DBNull.Value);
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Keep(command);
        return ValueTask.FromResult(InterceptionResult<object>.SuppressWithResult(DBNull.Value));
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Keep(command);
        return InterceptionResult<int>.SuppressWithResult(0);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Keep(command);
        return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
    }

    /// <summary>
    /// The product's Core services as the host registers them, on a SQL Server context whose commands this captures.
    /// The hub notifier and the document store are stand-ins (ports the product owns); nothing else is.
    /// </summary>
    public ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => WorkingDayCalendar.FromFile(Path.Combine(AppContext.BaseDirectory, "seed", "bank-holidays-england-and-wales.json")));
        services.AddDbContext<PlacementBrokerDbContext>(db => db
            .UseSqlServer("Server=unused;Database=PlacementBroker;Encrypt=false", o => o.MigrationsAssembly("PlacementBroker.Migrations.SqlServer"))
            .AddInterceptors(this));
        services.AddPlacementBrokerCore(configuration)
            .AddSingleton(Substitute.For<Core.Referrals.IMarketplaceNotifier>())
            .AddSingleton(Substitute.For<Core.Sharing.IDocumentStore>());
        return services.BuildServiceProvider();
    }
}
