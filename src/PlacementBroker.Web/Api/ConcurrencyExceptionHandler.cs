using Microsoft.AspNetCore.Diagnostics;

namespace PlacementBroker.Web.Api;

/// <summary>
/// A change that lost a race to another (a referral, offer, approval or placement whose state moved on since it was read,
/// or a transaction the database rolled back to break a deadlock) is a 409 with problem details, never a 500. The services answer the races they expect themselves; this is the net
/// under every other write.
/// </summary>
public class ConcurrencyExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!(exception is DbUpdateConcurrencyException || IsLostRace(exception)) || !context.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }
        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "Someone else changed this at the same moment. Reload it and try again.",
            },
            Exception = exception,
        });
    }

    /// <summary>
    /// A deadlock or serialisation failure: the database chose this transaction to roll back so that another could
    /// finish (PostgreSQL 40P01/40001, SQL Server 1205). Nothing was written; trying again is safe.
    /// </summary>
    public static bool IsLostRace(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException db
                && (db.SqlState is "40P01" or "40001" || db.Message.Contains("deadlock", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }
        return false;
    }
}
