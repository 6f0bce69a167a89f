using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace PlacementBroker.Web.Api;

/// <summary>
/// A body that is not valid JSON, or holds a value of the wrong type (an unknown enum name, a malformed id or
/// date), becomes a 400 with the offending field named, never a 500.
/// </summary>
public class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        var errors = new Dictionary<string, string[]>();
        var json = FindJsonException(badRequest);
        if (json is not null)
        {
            var field = FieldFromPath(json.Path);
            errors[field] = [field.Length == 0 ? "The request body is not valid JSON" : $"The value of '{field}' is not valid"];
        }
        else
        {
            errors[""] = [badRequest.Message];
        }
        context.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ValidationProblemDetails(errors)
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read",
                Detail = json is null ? badRequest.Message : "Check the request body against the API reference.",
            },
            Exception = exception,
        });
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }
        return null;
    }

    /// <summary>"$.user.email" becomes "user.email"; "$.genders[1]" becomes "genders".</summary>
    public static string FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var bracket = field.IndexOf('[');
        return bracket >= 0 ? field[..bracket] : field;
    }
}
