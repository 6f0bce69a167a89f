using Microsoft.AspNetCore.Diagnostics;

namespace PlacementBroker.Web.Api;

/// <summary>
/// The database cannot be reached: a 503 with <c>Retry-After</c>, never a 500. The API answers problem details; pages
/// fall through to the "Sorry, there is a problem with the service" page, which keeps the 503 (see the status code
/// selector in <see cref="HostingExtensions.UseApplication"/>). Either way the request's transaction never committed,
/// so nothing was half written. The pooled connections the outage broke are dropped, so the host recovers by itself.
/// </summary>
public class DatabaseUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.IsUnavailable(exception))
        {
            return false;
        }
        logger.LogWarning("The database is unavailable; {Method} {Path} answered 503: {Reason}",
            context.Request.Method, context.Request.Path, exception.GetBaseException().Message);
        if (context.RequestServices.GetService<PlacementBrokerDbContext>() is { } db)
        {
            DatabaseOutage.ForgetPooledConnections(db);
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (!HostingExtensions.IsMachineRequest(context))
        {
            // Pages: the exception handler path renders the GOV.UK page with this status.
            return false;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is unavailable",
                Detail = $"The database cannot be reached. Nothing from this request was saved. Try again in {DatabaseOutage.RetryAfterSeconds} seconds.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
            },
            Exception = exception,
        });
    }
}
