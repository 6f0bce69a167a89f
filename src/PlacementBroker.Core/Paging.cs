using System.Globalization;

namespace PlacementBroker.Core;

/// <summary>
/// Which page of a list to read: 1-based, at most <see cref="MaxPageSize"/> items. Lists are complete or paged, never
/// silently cut: every list is read through one of these after an order that ends with a unique key.
/// </summary>
public sealed record PageRequest
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public PageRequest(int page = 1, int pageSize = DefaultPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        Page = page;
        PageSize = pageSize;
    }

    public int Page { get; }
    public int PageSize { get; }

    /// <summary>The first page of the default size.</summary>
    public static PageRequest First { get; } = new();

    /// <summary>The whole list on one page, for in-process callers whose list is bounded by nature (a provider's vacancies in one lot).</summary>
    public static PageRequest All { get; } = new(1, int.MaxValue);

    public int Skip => (int)Math.Min(int.MaxValue, (long)(Page - 1) * PageSize);

    /// <summary>
    /// The query string's <c>page</c> and <c>pageSize</c>; each is optional. A value that is not a whole number, or out of
    /// range, is a field error (never clamped); the answer is then null.
    /// </summary>
    public static PageRequest? Parse(string? page, string? pageSize, FieldErrors errors)
    {
        var number = Whole(page, "page", 1, int.MaxValue, "The page must be a whole number, 1 or more", errors) ?? 1;
        var size = Whole(pageSize, "pageSize", 1, MaxPageSize, $"The page size must be a whole number from 1 to {MaxPageSize}", errors) ?? DefaultPageSize;
        return errors.Has("page") || errors.Has("pageSize") ? null : new PageRequest(number, size);
    }

    private static int? Whole(string? raw, string field, int min, int max, string message, FieldErrors errors)
    {
        if (raw is null)
        {
            return null;
        }
        if (int.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors.Add(field, message);
        return null;
    }
}

/// <summary>Where a page sits in its list: what a page's links and the API's headers are made from.</summary>
public sealed record PageInfo(int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (int)((TotalCount + (long)PageSize - 1) / PageSize);
    public bool HasNext => (long)Page * PageSize < TotalCount;
    public bool HasPrevious => Page > 1;
}

/// <summary>One page of a list, with the size of the whole list.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, PageInfo Info)
{
    public Paged(IReadOnlyList<T> items, int totalCount, PageRequest request) : this(items, new PageInfo(request.Page, request.PageSize, totalCount))
    {
    }

    public int TotalCount => Info.TotalCount;

    public Paged<TOut> Map<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Info);
}

public static class PagingExtensions
{
    /// <summary>One page read in the database: the count, then Skip/Take after the caller's order (which must end with a unique key).</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, PageRequest page, CancellationToken ct = default)
    {
        var total = await ordered.CountAsync(ct);
        List<T> items = page.Skip >= total ? [] : await ordered.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<T>(items, total, page);
    }

    /// <summary>One page read in the database, the page's rows projected after Skip/Take (a projection with subqueries stays cheap).</summary>
    public static async Task<Paged<TOut>> ToPagedAsync<T, TOut>(this IQueryable<T> ordered, PageRequest page, Func<IQueryable<T>, IQueryable<TOut>> project, CancellationToken ct = default)
    {
        var total = await ordered.CountAsync(ct);
        List<TOut> items = page.Skip >= total ? [] : await project(ordered.Skip(page.Skip).Take(page.PageSize)).ToListAsync(ct);
        return new Paged<TOut>(items, total, page);
    }

    /// <summary>One page of a list already ordered in memory (a ranking, or a list the database cannot order).</summary>
    public static Paged<T> ToPaged<T>(this IEnumerable<T> ordered, PageRequest page)
    {
        var all = ordered as IReadOnlyList<T> ?? [.. ordered];
        return new Paged<T>([.. all.Skip(page.Skip).Take(page.PageSize)], all.Count, page);
    }
}
