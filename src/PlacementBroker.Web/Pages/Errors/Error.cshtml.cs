namespace PlacementBroker.Web.Pages.Errors;

/// <summary>The GOV.UK error pages: page not found, no access, sorry there is a problem with the service.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PlacementBrokerPageModel
{
    public string Heading { get; private set; } = "";
    public string[] Lines { get; private set; } = [];

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        // An exception re-executes /error/500 with the status already chosen: 503 when the database is unavailable.
        var failed = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
        if (failed && Response.StatusCode is >= 500 and < 600)
        {
            code = Response.StatusCode;
        }
        (Heading, Lines) = code switch
        {
            404 => ("Page not found", new[]
            {
                "If you typed the web address, check it is correct.",
                "If you pasted the web address, check you copied the entire address.",
            }),
            403 => ("You do not have access to this page", new[]
            {
                "Your account does not have the role this page needs.",
                "If you think you should have access, contact your organisation's PlacementBroker administrator.",
            }),
            400 => ("Sorry, there is a problem with your request", new[] { "Go back and try again." }),
            429 => ("You have tried to do this too many times", new[]
            {
                RetryAfterMinutes() is { } minutes
                    ? $"Try again in {minutes} {(minutes == 1 ? "minute" : "minutes")}."
                    : "Try again later.",
                "Nothing you entered in the last attempt has been saved.",
            }),
            _ => ("Sorry, there is a problem with the service", new[]
            {
                "Try again later.",
                "Nothing you entered has been saved unless you saw a confirmation.",
            }),
        };
        // Keep the original status: a re-executed 404 must stay a 404.
        if (!failed && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600)
        {
            Response.StatusCode = code;
        }
    }

    /// <summary>The wait an abuse limit set in Retry-After (seconds), in whole minutes.</summary>
    private int? RetryAfterMinutes() =>
        int.TryParse(Response.Headers.RetryAfter.ToString(), out var seconds) && seconds > 0 ? (seconds + 59) / 60 : null;
}
