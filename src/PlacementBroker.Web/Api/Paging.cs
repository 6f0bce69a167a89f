using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;

namespace PlacementBroker.Web.Api;

/// <summary>Marks an endpoint that answers one page of a list, so the OpenAPI document declares its paging.</summary>
public sealed class PagedListMetadata
{
    public static PagedListMetadata Instance { get; } = new();
}

/// <summary>
/// The contract's paging, once for every list endpoint: <c>page</c> and <c>pageSize</c> in the query string (a bad value
/// is a 400 naming the field), the JSON array as the body, <c>X-Total-Count</c>, and an RFC 8288 <c>Link</c> header with
/// <c>next</c> (when there is more), <c>prev</c>, <c>first</c> and <c>last</c>.
/// </summary>
public static class Paging
{
    public const string TotalCountHeader = "X-Total-Count";
    private static readonly object PageKey = new();

    /// <summary>Reads and checks the page before the handler runs; the handler takes it with <see cref="PageRequest(HttpContext)"/>.</summary>
    public static RouteHandlerBuilder WithPaging(this RouteHandlerBuilder builder) => builder
        .AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var errors = new FieldErrors();
            var page = Core.PageRequest.Parse(Single(http.Request.Query["page"]), Single(http.Request.Query["pageSize"]), errors);
            if (page is null)
            {
                return QueryParameters.Invalid(errors);
            }
            http.Items[PageKey] = page;
            return await next(context);
        })
        .WithMetadata(PagedListMetadata.Instance);

    /// <summary>The page asked for, as checked by <see cref="WithPaging"/>.</summary>
    public static PageRequest PageRequest(this HttpContext http) =>
        http.Items[PageKey] as PageRequest ?? throw new InvalidOperationException("The endpoint reads a page: declare it with WithPaging().");

    /// <summary>The page's items as the body, with its headers.</summary>
    public static IResult Paged<T>(this HttpContext http, Paged<T> page)
    {
        WriteHeaders(http, page.Info);
        return Results.Ok(page.Items);
    }

    /// <summary>
    /// A list the service answers whole (ranked in memory, or small by nature), paged here: the page asked for with its
    /// headers, as <c>Paged</c> answers.
    /// </summary>
    public static IResult PagedList<T>(this HttpContext http, IEnumerable<T> items) => http.Paged(items.ToPaged(http.PageRequest()));

    public static void WriteHeaders(HttpContext http, PageInfo info)
    {
        http.Response.Headers[TotalCountHeader] = info.TotalCount.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        void Link(int page, string rel) => links.Add($"<{PageUrl(http.Request, page)}>; rel=\"{rel}\"");
        if (info.HasNext)
        {
            Link(info.Page + 1, "next");
        }
        if (info.HasPrevious)
        {
            Link(Math.Min(info.Page - 1, info.PageCount), "prev");
        }
        Link(1, "first");
        Link(info.PageCount, "last");
        http.Response.Headers.Link = string.Join(", ", links);
    }

    /// <summary>The same address (root-relative) with another page, keeping every other query parameter.</summary>
    public static string PageUrl(HttpRequest request, int page, string parameter = "page")
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var pairs = query.Where(q => !string.Equals(q.Key, parameter, StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>(parameter, page.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", pairs);
    }

    /// <summary>
    /// The page a web page shows, from <c>?page=</c>: people follow links, so a missing or unreadable number is the first page
    /// (the API, which programs call, answers 400 instead).
    /// </summary>
    public static PageRequest WebPage(this HttpRequest request, string parameter = "page", int pageSize = WebPageSize) =>
        int.TryParse(request.Query[parameter].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
            ? new PageRequest(page, pageSize)
            : new PageRequest(1, pageSize);

    /// <summary>How many rows a web page's list shows at a time.</summary>
    public const int WebPageSize = 50;

    private static string? Single(StringValues values) => values.Count == 0 ? null : values.Count == 1 ? values[0] : string.Join(",", values.ToArray());

    /// <summary>Declares <c>page</c>, <c>pageSize</c>, <c>X-Total-Count</c> and <c>Link</c> on every endpoint marked with <see cref="WithPaging"/>.</summary>
    public static OpenApiOptions AddPagingToOpenApi(this OpenApiOptions options) => options.AddOperationTransformer((operation, context, _) =>
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<PagedListMetadata>().Any())
        {
            return Task.CompletedTask;
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "page",
            In = ParameterLocation.Query,
            Required = false,
            Description = "The page to read, 1-based (default 1)",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Default = 1 },
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "pageSize",
            In = ParameterLocation.Query,
            Required = false,
            Description = $"Items per page (default {Core.PageRequest.DefaultPageSize}, at most {Core.PageRequest.MaxPageSize}); a bad value is a 400",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1",
                Maximum = Core.PageRequest.MaxPageSize.ToString(CultureInfo.InvariantCulture), Default = Core.PageRequest.DefaultPageSize,
            },
        });
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[TotalCountHeader] = new OpenApiHeader
            {
                Description = "How many items the whole list holds",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            };
            response.Headers["Link"] = new OpenApiHeader
            {
                Description = "RFC 8288 links to the next (when there is more), previous, first and last pages",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
        return Task.CompletedTask;
    });
}
