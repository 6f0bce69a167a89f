using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PlacementBroker.Web.TagHelpers;

/// <summary>
/// GOV.UK pagination (govuk-frontend's govuk-pagination) for a list shown a page at a time: previous, the first, last and
/// nearby page numbers with ellipses, and next. Links keep the address's other query parameters and change <c>?page=</c>
/// (or the parameter named). Nothing is written when the list fits on one page.
/// <code>&lt;govuk-pagination info="Model.Vacancies.Info" /&gt;</code>
/// </summary>
[HtmlTargetElement("govuk-pagination", TagStructure = TagStructure.WithoutEndTag)]
public class GovukPaginationTagHelper : TagHelper
{
    private const string PrevIcon = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>";
    private const string NextIcon = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg>";

    [HtmlAttributeName("info")]
    public required PageInfo Info { get; set; }

    /// <summary>The query parameter that carries the page number, when a page shows more than one paged list.</summary>
    [HtmlAttributeName("parameter")]
    public string Parameter { get; set; } = "page";

    /// <summary>What the list holds, for the navigation's accessible name ("Pagination" by default).</summary>
    [HtmlAttributeName("label")]
    public string Label { get; set; } = "Pagination";

    /// <summary>The previous link's words ("Previous"; "Newer" for a list newest first, as the emails are).</summary>
    [HtmlAttributeName("previous-text")]
    public string PreviousText { get; set; } = "Previous";

    [HtmlAttributeName("next-text")]
    public string NextText { get; set; } = "Next";

    [HtmlAttributeNotBound]
    [ViewContext]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Info.PageCount <= 1 && Info.Page <= 1)
        {
            output.SuppressOutput();
            return;
        }
        var request = ViewContext.HttpContext.Request;
        string Href(int page) => HtmlEncoder.Default.Encode(Paging.PageUrl(request, page, Parameter));
        var html = new StringBuilder();
        if (Info.HasPrevious)
        {
            html.Append($"<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(Math.Min(Info.Page - 1, Info.PageCount))}\" rel=\"prev\">")
                .Append(PrevIcon)
                .Append($"<span class=\"govuk-pagination__link-title\">{HtmlEncoder.Default.Encode(PreviousText)}<span class=\"govuk-visually-hidden\"> page</span></span></a></div>");
        }
        html.Append("<ul class=\"govuk-pagination__list\">");
        var previous = 0;
        foreach (var page in Numbers(Info.Page, Info.PageCount))
        {
            if (page > previous + 1)
            {
                html.Append("<li class=\"govuk-pagination__item govuk-pagination__item--ellipsis\">&ctdot;</li>");
            }
            var number = page.ToString(CultureInfo.InvariantCulture);
            html.Append(page == Info.Page
                ? $"<li class=\"govuk-pagination__item govuk-pagination__item--current\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(page)}\" aria-label=\"Page {number}\" aria-current=\"page\">{number}</a></li>"
                : $"<li class=\"govuk-pagination__item\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(page)}\" aria-label=\"Page {number}\">{number}</a></li>");
            previous = page;
        }
        html.Append("</ul>");
        if (Info.HasNext)
        {
            html.Append($"<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(Info.Page + 1)}\" rel=\"next\">")
                .Append($"<span class=\"govuk-pagination__link-title\">{HtmlEncoder.Default.Encode(NextText)}<span class=\"govuk-visually-hidden\"> page</span></span>")
                .Append(NextIcon)
                .Append("</a></div>");
        }
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-pagination");
        output.Attributes.SetAttribute("aria-label", Label);
        output.Content.SetHtmlContent(html.ToString());
    }

    /// <summary>The first and last pages, and the current page with one either side (as the design system advises).</summary>
    public static IEnumerable<int> Numbers(int current, int count) =>
        new[] { 1, current - 1, current, current + 1, count }.Where(p => p >= 1 && p <= count).Distinct().Order();
}
