using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PlacementBroker.Web.Hosting;

/// <summary>
/// SQLite lets one writer at a time into the file, and Microsoft.Data.Sqlite waits for a busy file by putting the
/// request's thread to sleep 150 ms at a time. Under load those sleeps, and the thread-pool threads they hold, dominated
/// every write. So this node's writers queue here instead, without holding a thread: a transaction (every SaveChanges
/// is one) enters before its <c>BEGIN IMMEDIATE</c> and leaves when it commits, rolls back, fails or its connection
/// closes. Writers in other processes, and single statements outside a transaction, still meet SQLite's own locking;
/// a writer that waits here longer than <see cref="MaxWait"/> goes on and meets it too, so the gate can delay a write
/// but never refuse one that SQLite would have let through.
/// </summary>
public sealed class SqliteWriteGate
{
    /// <summary>As long as Microsoft.Data.Sqlite's own default wait for a busy file.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<DbContext, byte> _holders = new(ReferenceEqualityComparer.Instance);

    /// <summary>How many contexts hold the gate now: 0 or 1.</summary>
    public int Holders => _holders.Count;

    public async ValueTask EnterAsync(DbContext context, CancellationToken ct)
    {
        // A context already holding it (a transaction disposed without commit, its connection still open) keeps it.
        if (!_holders.ContainsKey(context) && await _gate.WaitAsync(MaxWait, ct))
        {
            _holders[context] = 0;
        }
    }

    public void Enter(DbContext context)
    {
        if (!_holders.ContainsKey(context) && _gate.Wait(MaxWait))
        {
            _holders[context] = 0;
        }
    }

    public void Leave(DbContext? context)
    {
        if (context is not null && _holders.TryRemove(context, out _))
        {
            _gate.Release();
        }
    }
}

/// <summary>Takes and gives back <see cref="SqliteWriteGate"/> around each transaction of a SQLite context.</summary>
public sealed class SqliteWriteGateInterceptor(SqliteWriteGate gate) : DbTransactionInterceptor, IDbConnectionInterceptor
{
    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (eventData.Context is { } context)
        {
            gate.Enter(context);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await gate.EnterAsync(context, cancellationToken);
        }
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => gate.Leave(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.Leave(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => gate.Leave(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.Leave(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => gate.Leave(eventData.Context);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.Leave(eventData.Context);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback ends when its connection closes (SQLite rolls it back then).
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        gate.Leave(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        gate.Leave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        gate.Leave(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        gate.Leave(eventData.Context);
        return ValueTask.FromResult(result);
    }
}
