using System.Net;
using System.Text.RegularExpressions;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages;

/// <summary>A cookie-carrying browser stand-in for the pages: reads forms' antiforgery tokens and posts them back.</summary>
public sealed partial class PageSession(PlacementBrokerApp app) : IDisposable
{
    private readonly HttpClient _client = app.CreateBrowserlessClient();

    public static async Task<PageSession> SignedInAsync(PlacementBrokerApp app, string email, string password)
    {
        var session = new PageSession(app);
        var response = await session.PostFormAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    public async Task<string> GetPageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {path}: expected {(int)expected} but got {(int)response.StatusCode} {response.Headers.Location}");
        return html;
    }

    /// <summary>Loads the form page, then posts the fields with its antiforgery token, as a browser would.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? action = null) =>
        PostFormPairsAsync(path, fields, action);

    /// <summary>As <see cref="PostFormAsync"/>, for forms that send a name more than once (checkboxes).</summary>
    public async Task<HttpResponseMessage> PostFormPairsAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await GetPageAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token");
        var form = fields.Where(f => f.Key != "__RequestVerificationToken").ToList();
        form.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await _client.PostAsync(action ?? path, new FormUrlEncodedContent(form));
    }

    /// <summary>Loads the form page, then posts a multipart form with one file and its antiforgery token, as a browser would.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string path, string field, string fileName, string content, string contentType = "text/csv")
    {
        var page = await GetPageAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token");
        using var form = new MultipartFormDataContent();
        var file = new StringContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        return await _client.PostAsync(path, form);
    }

    /// <summary>Posts the form and follows the redirect the page answers with, returning the page it leads to.</summary>
    public async Task<string> PostFormAndFollowAsync(string path, Dictionary<string, string> fields, string? action = null)
    {
        var response = await PostFormAsync(path, fields, action);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {action ?? path}: expected a redirect but got {(int)response.StatusCode}\n{html}");
        return await GetPageAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>A form post without the antiforgery token, as another site would forge it.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string path, Dictionary<string, string>? fields = null) =>
        _client.PostAsync(path, new FormUrlEncodedContent(fields ?? []));

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
