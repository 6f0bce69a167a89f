namespace PlacementBroker.Web.Api;

/// <summary>Turns a service outcome into the contract's answers: problem details for every failure.</summary>
public static class ApiResults
{
    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> onSuccess) => outcome.Kind switch
    {
        OutcomeKind.Success => onSuccess(outcome.Value!),
        OutcomeKind.Invalid => Results.ValidationProblem(
            outcome.Errors.ToDictionary(e => e.Key, e => e.Value), title: "Some of the request is not valid",
            detail: outcome.Message),
        OutcomeKind.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: outcome.Message),
        OutcomeKind.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: outcome.Message),
        OutcomeKind.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: outcome.Message),
        OutcomeKind.BusinessRule => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The request breaks a rule", detail: outcome.Message,
            extensions: outcome.Errors.Count > 0 ? new Dictionary<string, object?> { ["errors"] = outcome.Errors } : null),
        OutcomeKind.TooLarge => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large", detail: outcome.Message,
            extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors }),
        OutcomeKind.UnsupportedType => Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The file is not of a kind accepted",
            detail: outcome.Message, extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors }),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome.Kind}"),
    };

    /// <summary>
    /// 404 problem details: the answer for what does not exist and, alike, for what the caller may not see (another
    /// tenant's resource is never told apart from an unknown id).
    /// </summary>
    public static IResult NotFound(string? detail = null) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    /// <summary>200 with what a read found, or <see cref="NotFound"/> when it found nothing the caller may see.</summary>
    public static IResult OkOrNotFound<T>(T? found, string? detail = null) where T : class =>
        found is null ? NotFound(detail) : Results.Ok(found);

    public static IResult MissingBody() => Results.ValidationProblem(
        new Dictionary<string, string[]> { [""] = ["Send a JSON request body"] }, title: "The request body is missing");
}
