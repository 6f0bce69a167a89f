using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlacementBroker.Core.Sufficiency;

/// <summary>Drafts, edits and publishes an authority's sufficiency statements. Commissioners of the authority only.</summary>
public class SufficiencyStatementService(PlacementBrokerDbContext db, SufficiencyService sufficiency, AuditTrail audit, TimeProvider clock)
{
    public const int MaxCommentary = 20_000;
    public const int MaxTitle = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<Outcome<List<StatementSummary>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (AuthorityOf(actor) is not { } authorityId)
        {
            return Outcome<List<StatementSummary>>.Forbidden("Sufficiency statements are for commissioners.");
        }
        return Outcome<List<StatementSummary>>.Success(await db.SufficiencyStatements.AsNoTracking()
            .Where(s => s.LocalAuthorityId == authorityId)
            .OrderByDescending(s => s.PeriodTo).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new StatementSummary(s.Id, s.Title, s.PeriodFrom, s.PeriodTo, s.Status, s.UpdatedAt, s.PublishedAt))
            .ToListAsync(ct));
    }

    /// <summary>The financial year before the one today is in (April to March), the period most councils report on.</summary>
    public static (DateOnly From, DateOnly To) LastFinancialYear(DateOnly today)
    {
        var endYear = today.Month >= 4 ? today.Year : today.Year - 1;
        return (new DateOnly(endYear - 1, 4, 1), new DateOnly(endYear, 3, 31));
    }

    public async Task<Outcome<StatementSummary>> StartAsync(Actor actor, StartStatementRequest request, CancellationToken ct = default)
    {
        if (AuthorityOf(actor) is not { } authorityId)
        {
            return Outcome<StatementSummary>.Forbidden("Sufficiency statements are for commissioners.");
        }
        var today = UkTime.Today(clock);
        var errors = new FieldErrors();
        errors.Required("periodFrom", request.PeriodFrom, "Enter the first day the statement covers");
        if (request.PeriodTo is null)
        {
            errors.Add("periodTo", "Enter the last day the statement covers");
        }
        else if (request.PeriodTo > today)
        {
            errors.Add("periodTo", "The period must have ended: a statement reports on a year that is over");
        }
        if (request.PeriodFrom is { } from && request.PeriodTo is { } to && !errors.Has("periodTo"))
        {
            if (to < from)
            {
                errors.Add("periodTo", "The last day must be on or after the first day");
            }
            else if (to.DayNumber - from.DayNumber > 365)
            {
                errors.Add("periodTo", "A statement covers a year at most");
            }
        }
        var title = request.Title?.Trim();
        if (title?.Length > MaxTitle)
        {
            errors.Add("title", $"The title must be {MaxTitle} characters or fewer");
        }
        if (errors.Any)
        {
            return Outcome<StatementSummary>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var statement = new SufficiencyStatement
        {
            LocalAuthorityId = authorityId,
            PeriodFrom = request.PeriodFrom!.Value,
            PeriodTo = request.PeriodTo!.Value,
            Title = string.IsNullOrEmpty(title) ? DefaultTitle(request.PeriodFrom.Value, request.PeriodTo.Value) : title,
            Status = StatementStatus.Draft,
            CreatedByUserId = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.SufficiencyStatements.Add(statement);
        audit.Record(actor, "SufficiencyStatementStarted", nameof(SufficiencyStatement), statement.Id, $"{statement.PeriodFrom:yyyy-MM-dd} to {statement.PeriodTo:yyyy-MM-dd}",
            localAuthorityId: authorityId);
        await db.SaveChangesAsync(ct);
        return Outcome<StatementSummary>.Success(Summary(statement));
    }

    public async Task<Outcome<StatementView>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (AuthorityOf(actor) is not { } authorityId)
        {
            return Outcome<StatementView>.Forbidden("Sufficiency statements are for commissioners.");
        }
        var statement = await db.SufficiencyStatements.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.LocalAuthorityId == authorityId, ct);
        if (statement is null)
        {
            return Outcome<StatementView>.NotFound("No such statement for your authority.");
        }
        SufficiencyReport figures;
        if (statement.PublishedFigures is { } frozen)
        {
            figures = JsonSerializer.Deserialize<SufficiencyReport>(frozen, Json)!;
        }
        else
        {
            var live = await sufficiency.ReportAsync(actor, new SufficiencyQuery(statement.PeriodFrom, statement.PeriodTo, null, SufficiencyScope.Authority), ct);
            if (!live.Succeeded)
            {
                return Outcome<StatementView>.Forbidden(live.Message ?? "The figures are not available to you.");
            }
            figures = live.Value!;
        }
        var authority = await db.LocalAuthorities.AsNoTracking().Where(a => a.Id == authorityId).Select(a => a.Name).SingleAsync(ct);
        var publishedBy = statement.PublishedByUserId is { } by
            ? await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            : null;
        return Outcome<StatementView>.Success(new StatementView(statement.Id, statement.Title, authority, statement.PeriodFrom, statement.PeriodTo, statement.Status,
            statement.UpdatedAt, statement.PublishedAt, publishedBy, Commentary(statement), figures));
    }

    public async Task<Outcome<StatementSummary>> UpdateAsync(Actor actor, Guid id, StatementCommentary request, CancellationToken ct = default)
    {
        var (statement, refused) = await EditableAsync(actor, id, ct);
        if (statement is null)
        {
            return refused!;
        }
        var errors = new FieldErrors();
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add("title", "Enter a title for the statement");
        }
        else if (title.Length > MaxTitle)
        {
            errors.Add("title", $"The title must be {MaxTitle} characters or fewer");
        }
        foreach (var (field, text) in Fields(request))
        {
            if (text?.Length > MaxCommentary)
            {
                errors.Add(field, $"Keep this section to {MaxCommentary:N0} characters or fewer");
            }
        }
        if (errors.Any)
        {
            return Outcome<StatementSummary>.Invalid(errors);
        }
        statement.Title = title!;
        statement.Introduction = Clean(request.Introduction);
        statement.DemandCommentary = Clean(request.DemandCommentary);
        statement.SupplyCommentary = Clean(request.SupplyCommentary);
        statement.OutcomesCommentary = Clean(request.OutcomesCommentary);
        statement.PriceCommentary = Clean(request.PriceCommentary);
        statement.QualityCommentary = Clean(request.QualityCommentary);
        statement.CommissioningIntentions = Clean(request.CommissioningIntentions);
        statement.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "SufficiencyStatementEdited", nameof(SufficiencyStatement), statement.Id, localAuthorityId: statement.LocalAuthorityId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<StatementSummary>.Conflict("Someone else changed or published the statement meanwhile. Reload it to see their version.");
        }
        return Outcome<StatementSummary>.Success(Summary(statement));
    }

    /// <summary>Freezes the figures with the commentary. A statement needs at least its introduction and commissioning intentions.</summary>
    public async Task<Outcome<StatementSummary>> PublishAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (statement, refused) = await EditableAsync(actor, id, ct);
        if (statement is null)
        {
            return refused!;
        }
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(statement.Introduction))
        {
            errors.Add("introduction", "Write the introduction before publishing");
        }
        if (string.IsNullOrWhiteSpace(statement.CommissioningIntentions))
        {
            errors.Add("commissioningIntentions", "Write the commissioning intentions before publishing: what the authority will do about what the figures show");
        }
        if (errors.Any)
        {
            return Outcome<StatementSummary>.Invalid(errors);
        }
        var figures = await sufficiency.ReportAsync(actor, new SufficiencyQuery(statement.PeriodFrom, statement.PeriodTo, null, SufficiencyScope.Authority), ct);
        if (!figures.Succeeded)
        {
            return Outcome<StatementSummary>.Forbidden(figures.Message ?? "The figures are not available to you.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        statement.PublishedFigures = JsonSerializer.Serialize(figures.Value, Json);
        statement.Status = StatementStatus.Published;
        statement.PublishedAt = now;
        statement.PublishedByUserId = actor.UserId;
        statement.UpdatedAt = now;
        audit.Record(actor, "SufficiencyStatementPublished", nameof(SufficiencyStatement), statement.Id, statement.Title, localAuthorityId: statement.LocalAuthorityId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<StatementSummary>.Conflict("The statement was changed at the same time. Reload it and publish again.");
        }
        return Outcome<StatementSummary>.Success(Summary(statement));
    }

    public static string DefaultTitle(DateOnly from, DateOnly to) =>
        from.Year == to.Year ? $"Placement sufficiency statement {from.Year}" : $"Placement sufficiency statement {from.Year} to {to.Year}";

    private async Task<(SufficiencyStatement? Statement, Outcome<StatementSummary>? Refused)> EditableAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (AuthorityOf(actor) is not { } authorityId)
        {
            return (null, Outcome<StatementSummary>.Forbidden("Sufficiency statements are for commissioners."));
        }
        var statement = await db.SufficiencyStatements.SingleOrDefaultAsync(s => s.Id == id && s.LocalAuthorityId == authorityId, ct);
        if (statement is null)
        {
            return (null, Outcome<StatementSummary>.NotFound("No such statement for your authority."));
        }
        return statement.Status == StatementStatus.Published
            ? (null, Outcome<StatementSummary>.Conflict("The statement is published and can no longer change. Start a new draft for a corrected version."))
            : (statement, null);
    }

    private static Guid? AuthorityOf(Actor actor) => actor.Role == Role.Commissioner ? actor.LocalAuthorityId : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");

    private static IEnumerable<(string Field, string? Text)> Fields(StatementCommentary c) =>
    [
        ("introduction", c.Introduction), ("demandCommentary", c.DemandCommentary), ("supplyCommentary", c.SupplyCommentary),
        ("outcomesCommentary", c.OutcomesCommentary), ("priceCommentary", c.PriceCommentary), ("qualityCommentary", c.QualityCommentary),
        ("commissioningIntentions", c.CommissioningIntentions),
    ];

    private static StatementCommentary Commentary(SufficiencyStatement s) =>
        new(s.Title, s.Introduction, s.DemandCommentary, s.SupplyCommentary, s.OutcomesCommentary, s.PriceCommentary, s.QualityCommentary, s.CommissioningIntentions);

    private static StatementSummary Summary(SufficiencyStatement s) => new(s.Id, s.Title, s.PeriodFrom, s.PeriodTo, s.Status, s.UpdatedAt, s.PublishedAt);
}
