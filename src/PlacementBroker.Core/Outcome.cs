using System.Diagnostics.CodeAnalysis;

namespace PlacementBroker.Core;

public enum OutcomeKind
{
    Success,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
    BusinessRule,
    /// <summary>An upload bigger than allowed (413).</summary>
    TooLarge,
    /// <summary>An upload of a kind not accepted, judged by its content (415).</summary>
    UnsupportedType,
}

/// <summary>
/// What a service operation came to. Pages turn it into an error summary, the API into problem details.
/// </summary>
public sealed record Outcome<T>
{
    public OutcomeKind Kind { get; private init; }
    public T? Value { get; private init; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private init; } = new Dictionary<string, string[]>();
    public string? Message { get; private init; }

    public bool Succeeded => Kind == OutcomeKind.Success;

    public static Outcome<T> Success(T value) => new() { Kind = OutcomeKind.Success, Value = value };
    public static Outcome<T> Invalid(FieldErrors errors) => new() { Kind = OutcomeKind.Invalid, Errors = errors.ToDictionary(), Message = errors.FirstMessage };
    public static Outcome<T> Invalid(string field, string message) => Invalid(new FieldErrors().Add(field, message));
    public static Outcome<T> NotFound(string message = "Not found.") => new() { Kind = OutcomeKind.NotFound, Message = message };
    public static Outcome<T> Forbidden(string message) => new() { Kind = OutcomeKind.Forbidden, Message = message };
    public static Outcome<T> Conflict(string message) => new() { Kind = OutcomeKind.Conflict, Message = message };
    public static Outcome<T> BusinessRule(string message) => new() { Kind = OutcomeKind.BusinessRule, Message = message };

    /// <summary>
    /// The order every change checks its caller in. What the caller may not see (<paramref name="found"/> is null, the
    /// record read within the caller's tenancy) is not found: another tenant's record is never told apart from an unknown
    /// id. What the caller sees but its role may not change is forbidden. True, with the refusal, when either applies.
    /// </summary>
    public static bool Refused([NotNullWhen(false)] object? found, string notFound, bool roleMay, string forbidden,
        [NotNullWhen(true)] out Outcome<T>? refusal)
    {
        refusal = found is null ? NotFound(notFound) : roleMay ? null : Forbidden(forbidden);
        return refusal is not null;
    }

    /// <summary>This refusal as the outcome of an operation that cannot go ahead because of it: the same kind, message and errors.</summary>
    public Outcome<TOther> As<TOther>() => Succeeded
        ? throw new InvalidOperationException("A success has a value of its own; only a refusal passes on.")
        : new() { Kind = Kind, Errors = Errors, Message = Message };

    /// <summary>Rules broken by several fields' values (422), each field named.</summary>
    public static Outcome<T> BusinessRule(FieldErrors errors) =>
        new() { Kind = OutcomeKind.BusinessRule, Message = errors.FirstMessage, Errors = errors.ToDictionary() };

    /// <summary>An upload over the size limit (413), the field named.</summary>
    public static Outcome<T> TooLarge(string field, string message) =>
        new() { Kind = OutcomeKind.TooLarge, Message = message, Errors = new FieldErrors().Add(field, message).ToDictionary() };

    /// <summary>An upload whose content is not of an accepted kind (415), the field named.</summary>
    public static Outcome<T> UnsupportedType(string field, string message) =>
        new() { Kind = OutcomeKind.UnsupportedType, Message = message, Errors = new FieldErrors().Add(field, message).ToDictionary() };

    /// <summary>A rule broken by one field's value (422): the field is named so a form can point at it.</summary>
    public static Outcome<T> BusinessRule(string field, string message) =>
        new() { Kind = OutcomeKind.BusinessRule, Message = message, Errors = new FieldErrors().Add(field, message).ToDictionary() };
}

/// <summary>Field-level validation messages, keyed by the camelCase field name the caller sent.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;
    public string? FirstMessage => _errors.Values.SelectMany(v => v).FirstOrDefault();

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public FieldErrors Required(string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, message);
        }
        return this;
    }

    /// <summary>A value the caller must give: a choice (<c>Select …</c>), a date or a number.</summary>
    public FieldErrors Required<TValue>(string field, TValue? value, string message) where TValue : struct
    {
        if (value is null)
        {
            Add(field, message);
        }
        return this;
    }

    /// <summary>A text the caller must give in one case only, like the reason for a rejection.</summary>
    public FieldErrors RequiredWhen(bool needed, string field, string? value, string message) =>
        needed ? Required(field, value, message) : this;

    /// <summary>
    /// A record the caller must choose: <paramref name="missing"/> when none is chosen, <paramref name="unknown"/> when
    /// <paramref name="find"/> finds nothing. Where <paramref name="find"/> reads within the caller's organisation, another
    /// organisation's record is never told apart from an unknown id. The record, or null.
    /// </summary>
    public async Task<TRecord?> ChosenAsync<TRecord>(string field, Guid? id, Func<Guid, Task<TRecord?>> find, string missing, string unknown)
        where TRecord : class
    {
        if (id is not { } chosen)
        {
            Add(field, missing);
            return null;
        }
        var found = await find(chosen);
        if (found is null)
        {
            Add(field, unknown);
        }
        return found;
    }

    /// <summary>
    /// A text the caller must give that must also read as what it is (a postcode, an Ofsted URN): <paramref name="missing"/>
    /// when it is blank, <paramref name="unreadable"/> when it is given but does not read.
    /// </summary>
    public FieldErrors Required(string field, string? value, bool reads, string missing, string unreadable)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, missing);
        }
        else if (!reads)
        {
            Add(field, unreadable);
        }
        return this;
    }

    public FieldErrors MaxLength(string field, string? value, int max, string what)
    {
        if (value is not null && value.Trim().Length > max)
        {
            Add(field, $"{what} must be {max} characters or fewer");
        }
        return this;
    }

    /// <summary>
    /// Optional coordinates: both or neither, and inside the United Kingdom's bounding box (49.8°N to 60.9°N,
    /// 8.7°W to 1.8°E). <paramref name="what"/> starts the out-of-range message, like "The coordinates".
    /// </summary>
    public FieldErrors Coordinates(string latitudeField, string longitudeField, double? latitude, double? longitude, string what)
    {
        if ((latitude is null) != (longitude is null))
        {
            Add(latitude is null ? latitudeField : longitudeField, "Enter both latitude and longitude, or neither");
        }
        else if (latitude is { } lat && longitude is { } lon && (lat is < 49.8 or > 60.9 || lon is < -8.7 or > 1.8))
        {
            Add(latitudeField, $"{what} must be in the United Kingdom");
        }
        return this;
    }

    public FieldErrors Email(string field, string? value, string what = "Email address")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, $"Enter an email address");
        }
        if (!EmailAddress.IsValid(value))
        {
            Add(field, $"Enter an email address in the correct format, like name@example.com");
        }
        else if (value.Length > 256)
        {
            Add(field, $"{what} must be 256 characters or fewer");
        }
        return this;
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}

public static class EmailAddress
{
    public static bool IsValid(string value)
    {
        var trimmed = value.Trim();
        var at = trimmed.IndexOf('@');
        return at > 0
            && at == trimmed.LastIndexOf('@')
            && at < trimmed.Length - 3
            && trimmed.IndexOf('.', at) > at + 1
            && !trimmed.EndsWith('.')
            && !trimmed.Any(char.IsWhiteSpace);
    }
}
