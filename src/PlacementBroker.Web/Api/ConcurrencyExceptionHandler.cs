using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace PlacementBroker.Web.Api;

/// <summary>
/// A change that lost a race to another (a referral, offer, approval or placement whose state moved on since it was read)
/// is a 409 with problem details, never a 500. The services answer the races they expect themselves; this is the net
/// under every other write.
/// </summary>
public class ConcurrencyExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DbUpdateConcurrencyException || !context.Request.Path.StartsWithSegments("/api"))
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
}
