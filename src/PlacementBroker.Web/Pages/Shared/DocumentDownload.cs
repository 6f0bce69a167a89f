using PlacementBroker.Core.Sharing;

namespace PlacementBroker.Web.Pages;

/// <summary>A document served to a page's user as the API serves it: an attachment, never cached, never run by the browser.</summary>
public static class DocumentDownload
{
    public static IActionResult Result(HttpResponse response, DocumentFile file)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return new FileContentResult(file.Content, file.ContentType) { FileDownloadName = file.FileName };
    }

    /// <summary>"2.4 MB", "310 KB".</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024d * 1024):0.#} MB"
        : $"{Math.Max(1, (int)Math.Round(bytes / 1024d))} KB";
}
