namespace PlacementBroker.Web.Api;

public static class QueryParameters
{
    /// <summary>An optional enum in the query string; an unknown name is a field error, not a 500 or a silent ignore.</summary>
    public static T? Enum<T>(string? raw, string field, FieldErrors errors) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        // Enum.TryParse also takes numbers ("99") and lists ("A,B" is a combination of two values): neither is a name.
        if (!raw.Contains(',', StringComparison.Ordinal) && System.Enum.TryParse<T>(raw.Trim(), ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            && !int.TryParse(raw, out _))
        {
            return value;
        }
        errors.Add(field, $"'{raw}' is not one of: {string.Join(", ", System.Enum.GetNames<T>())}");
        return null;
    }

    public static Guid? Id(string? raw, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        if (Guid.TryParse(raw, out var id))
        {
            return id;
        }
        errors.Add(field, $"'{raw}' is not a valid id");
        return null;
    }

    /// <summary>
    /// A list filtered by an optional <c>status</c> in the query string: an unknown status is a 400 naming the field;
    /// otherwise <paramref name="list"/> answers for the status asked for (null: every status).
    /// </summary>
    public static async Task<IResult> ByStatus<T>(string? status, Func<T?, Task<IResult>> list) where T : struct, System.Enum
    {
        var errors = new FieldErrors();
        var parsed = Enum<T>(status, "status", errors);
        return errors.Any ? Invalid(errors) : await list(parsed);
    }

    public static IResult Invalid(FieldErrors errors) =>
        Results.ValidationProblem(errors.ToDictionary(), title: "Some of the request is not valid");
}
