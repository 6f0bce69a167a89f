using System.Net;
using System.Text.RegularExpressions;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages;

/// <summary>A cookie-carrying browser stand-in for the pages: reads forms' antiforgery tokens and posts them back.</summary>
public sealed partial class PageSession(HttpClient client) : IDisposable
{
    private readonly HttpClient _client = client;

    public PageSession(PlacementBrokerApp app) : this(app.CreateBrowserlessClient())
    {
    }

    /// <summary>
    /// A session on a host that runs on a real port (Kestrel), where the factory's clients follow redirects whatever
    /// they are told: its own handler keeps the cookies and follows none.
    /// </summary>
    public static PageSession OnRealServer(PlacementBrokerApp app) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = app.ServerAddress });

    /// <summary>Signs in with the password and, for an account with a second factor, the code <paramref name="code"/> gives (the platform admin's by default).</summary>
    public static Task<PageSession> SignedInAsync(PlacementBrokerApp app, string email, string password, Func<string>? code = null) =>
        SignedInAsync(new PageSession(app), app, email, password, code);

    /// <summary>As <see cref="SignedInAsync(PlacementBrokerApp, string, string, Func{string}?)"/>, in the given (not yet signed-in) session.</summary>
    public static async Task<PageSession> SignedInAsync(PageSession session, PlacementBrokerApp app, string email, string password, Func<string>? code = null)
    {
        var response = await session.PostFormAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location?.OriginalString.StartsWith("/sign-in/code", StringComparison.Ordinal) == true)
        {
            // The account has a second factor (the platform admin always): the second step takes the current code.
            Assert.True(code is not null || email == PlacementBrokerApp.AdminEmail, $"{email} was asked for a one-time code");
            response = await session.PostFormAsync(response.Headers.Location.OriginalString, new() { ["Code"] = code?.Invoke() ?? app.NextAdminCode() });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
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
    public async Task<HttpResponseMessage> PostFileAsync(string path, string field, string fileName, string content, string contentType = "text/csv",
        Dictionary<string, string>? fields = null)
    {
        var page = await GetPageAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token");
        using var form = new MultipartFormDataContent();
        var file = new StringContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }
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
