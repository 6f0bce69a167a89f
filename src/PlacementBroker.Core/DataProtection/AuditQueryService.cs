using System.Globalization;
using System.Text;

namespace PlacementBroker.Core.DataProtection;

/// <summary>
/// The audit trail as a council's data protection lead reads it: only the entries recorded against their council, never
/// another's, whatever the filters say.
/// </summary>
public class AuditQueryService(PlacementBrokerDbContext db)
{
    public const int MaxCsvRows = 100_000;

    /// <summary>Checks and reads the query string's filters; a bad value is a field error.</summary>
    public static (AuditFilter? Filter, FieldErrors Errors) Parse(string? from, string? to, string? action, string? userEmail, string? entityType, string? entityId)
    {
        var errors = new FieldErrors();
        DateOnly? Date(string? raw, string field)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }
            if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            errors.Add(field, $"'{raw}' is not a date: use YYYY-MM-DD");
            return null;
        }
        var start = Date(from, "from");
        var end = Date(to, "to");
        if (start is not null && end is not null && end < start)
        {
            errors.Add("to", "The end date must be on or after the start date");
        }
        errors.MaxLength("action", action, 100, "Action").MaxLength("userEmail", userEmail, 256, "User email")
            .MaxLength("entityType", entityType, 100, "Entity type").MaxLength("entityId", entityId, 100, "Entity id");
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return (errors.Any ? null : new AuditFilter(start, end, Clean(action), Clean(userEmail), Clean(entityType), Clean(entityId)), errors);
    }

    public async Task<Outcome<Paged<AuditEntryView>>> SearchAsync(Actor actor, AuditFilter filter, PageRequest page, CancellationToken ct = default)
    {
        if (Scope(actor) is not { } council)
        {
            return Outcome<Paged<AuditEntryView>>.Forbidden("Only a council's data protection lead reads its audit trail.");
        }
        return Outcome<Paged<AuditEntryView>>.Success(await Query(council, filter).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).ToPagedAsync(page, q => q.Select(View), ct));
    }

    /// <summary>The filtered entries as CSV (oldest first), at most <see cref="MaxCsvRows"/>; spreadsheet formulas are defused.</summary>
    public async Task<Outcome<string>> CsvAsync(Actor actor, AuditFilter filter, CancellationToken ct = default)
    {
        if (Scope(actor) is not { } council)
        {
            return Outcome<string>.Forbidden("Only a council's data protection lead reads its audit trail.");
        }
        var csv = new StringBuilder("id,occurredAt,actorEmail,action,entityType,entityId,providerId,detail,ipAddress,sequence,hash\n");
        await foreach (var e in Query(council, filter).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(MaxCsvRows).Select(View).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.AppendJoin(',', [
                e.Id.ToString(CultureInfo.InvariantCulture), e.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                CsvField.Of(e.ActorEmail), CsvField.Of(e.Action), CsvField.Of(e.EntityType), CsvField.Of(e.EntityId), e.ProviderId?.ToString() ?? "",
                CsvField.Of(e.Detail), CsvField.Of(e.IpAddress), e.Sequence?.ToString(CultureInfo.InvariantCulture) ?? "", e.Hash ?? ""]).Append('\n');
        }
        return Outcome<string>.Success(csv.ToString());
    }

    /// <summary>The distinct actions recorded against the council, for the page's filter.</summary>
    public async Task<List<string>> ActionsAsync(Actor actor, CancellationToken ct = default) =>
        Scope(actor) is { } council
            ? await db.AuditEvents.AsNoTracking().Where(e => e.LocalAuthorityId == council).Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct)
            : [];

    private static Guid? Scope(Actor actor) => actor.Role == Role.DataProtectionLead ? actor.LocalAuthorityId : null;

    private IQueryable<AuditEvent> Query(Guid council, AuditFilter f)
    {
        var q = db.AuditEvents.AsNoTracking().Where(e => e.LocalAuthorityId == council);
        if (f.From is { } from)
        {
            var start = StartOfDay(from);
            q = q.Where(e => e.OccurredAt >= start);
        }
        if (f.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            q = q.Where(e => e.OccurredAt < end);
        }
        if (f.Action is { } action)
        {
            q = q.Where(e => e.Action == action);
        }
        if (f.UserEmail is { } email)
        {
            var lower = email.ToLowerInvariant();
            q = q.Where(e => e.ActorEmail != null && e.ActorEmail.ToLower() == lower);
        }
        if (f.EntityType is { } type)
        {
            q = q.Where(e => e.EntityType == type);
        }
        if (f.EntityId is { } id)
        {
            q = q.Where(e => e.EntityId == id);
        }
        return q;
    }

    private static readonly System.Linq.Expressions.Expression<Func<AuditEvent, AuditEntryView>> View = e => new AuditEntryView(
        e.Id, e.OccurredAt, e.ActorEmail, e.ActorUserId, e.Action, e.EntityType, e.EntityId, e.LocalAuthorityId, e.ProviderId, e.Detail, e.IpAddress,
        e.Sequence, e.Hash);

    /// <summary>Midnight in England on the day, as UTC.</summary>
    public static DateTime StartOfDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), UkTime.London);
}
