namespace PlacementBroker.Web.Documents;

/// <summary>A document served as the API and the pages both serve it: an attachment, never cached, never run by the browser.</summary>
public static class DocumentDownload
{
    /// <summary>The headers every download carries, from the API or a page.</summary>
    public static void Protect(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        // Opened by mistake in the browser, the file can run nothing and reach nothing.
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
    }

    /// <summary>"2.4 MB", "310 KB".</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024d * 1024):0.#} MB"
        : $"{Math.Max(1, (int)Math.Round(bytes / 1024d))} KB";
}
