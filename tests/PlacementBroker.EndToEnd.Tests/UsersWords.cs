using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PlacementBroker.Core.Vocabulary;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// Users' words, not ours: no identifier of the product's enums ("CannotMeetNeeds", "PlacementManager"), no "RI", no
/// "(+25)", no payment processor's name or Identity's own password sentences reach people. Read from the page's whole
/// text, hidden explanations and closed details included.
/// </summary>
public static partial class UsersWords
{
    /// <summary>The identifiers of the product's enum values that would show as code if printed raw ("OutOfArea", "PlacementManager").</summary>
    private static readonly string[] EnumIdentifiers =
    [
        .. typeof(Words).Assembly.GetExportedTypes().Where(t => t.IsEnum)
            .SelectMany(Enum.GetNames).Where(n => n.Skip(1).Any(char.IsUpper)).Distinct().Order(),
    ];

    /// <summary>Wordings of ours, or of the libraries underneath, that people should never read.</summary>
    private static readonly (Regex Pattern, string Why)[] NotUsersWords =
    [
        (RiAbbreviation(), "\"RI\" for an Ofsted grade"),
        (PointsInBrackets(), "points as \"(+25)\""),
        (new Regex("Stripe", RegexOptions.IgnoreCase), "the payment processor's name"),
        (new Regex("not configured", RegexOptions.IgnoreCase), "\"not configured\""),
        (new Regex("Passwords must|non alphanumeric|alphanumeric character", RegexOptions.IgnoreCase), "Identity's own password sentences"),
    ];

    /// <summary>What the page shows that is not the service's words; empty when it reads well.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IPage page)
    {
        var text = await page.EvaluateAsync<string>(
            "() => { const c = document.body.cloneNode(true); c.querySelectorAll('script,style,template,noscript').forEach(e => e.remove()); return c.textContent.replace(/\\s+/g, ' '); }");
        // Test accounts are named after their role ("Test PlacingOfficer"): test data, not the service's words.
        text = TestAccountName().Replace(text, "");
        return NotUsersWords.Where(w => w.Pattern.IsMatch(text)).Select(w => $"{w.Why}: \"{w.Pattern.Match(text).Value}\"")
            .Concat(EnumIdentifiers.Where(n => Regex.IsMatch(text, $@"\b{n}\b")).Select(n => $"an enum's identifier: \"{n}\""))
            .ToList();
    }

    /// <summary>axe, then the page's words.</summary>
    public static async Task AssertAsync(IPage page)
    {
        await page.AssertNoSeriousViolationsAsync();
        var found = await FindAsync(page);
        Assert.True(found.Count == 0, $"{page.Url} shows {string.Join("; ", found)}");
    }

    [GeneratedRegex(@"\bTest [A-Z][A-Za-z]+\b")]
    private static partial Regex TestAccountName();

    [GeneratedRegex(@"\bRI\b")]
    private static partial Regex RiAbbreviation();

    [GeneratedRegex(@"\(\s*[+-]\s*\d")]
    private static partial Regex PointsInBrackets();
}
