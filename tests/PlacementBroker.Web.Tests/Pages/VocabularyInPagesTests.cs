using System.Reflection;
using System.Text.RegularExpressions;
using PlacementBroker.Core.Vocabulary;
using PlacementBroker.Web.Pages;

namespace PlacementBroker.Web.Tests.Pages;

/// <summary>
/// The pages take the words for the product's enums from the one vocabulary (<see cref="Words"/>, with
/// <see cref="Display"/> adding tags and form choices): a view that prints an enum as it is, calls <c>ToString()</c>
/// on one, or writes its own wording for an enum value (<c>Status.Open ? "…"</c>, <c>Status.Open =&gt; "…"</c>) fails
/// here, naming the file and line.
/// </summary>
public partial class VocabularyInPagesTests
{
    private static readonly Assembly[] Assemblies = [typeof(Words).Assembly, typeof(Display).Assembly];

    private static readonly Type[] Enums =
        [.. Assemblies.SelectMany(a => a.GetExportedTypes()).Where(t => t.IsEnum)];

    /// <summary>The names of the members (properties, fields, record parameters) whose value is one of the enums, or a list of them.</summary>
    /// <summary>
    /// The names of the members (properties, fields, record parameters) that hold one of the enums, or a list of them,
    /// in most of the types that have a member of that name (a view's text does not say which type it reads: "Status"
    /// is an enum almost everywhere, "Reason" almost always a string).
    /// </summary>
    private static readonly (HashSet<string> Single, HashSet<string> Lists) EnumMembers = FindEnumMembers();

    private static (HashSet<string>, HashSet<string>) FindEnumMembers()
    {
        var votes = new Dictionary<string, (int Enum, int List, int Other)>();
        foreach (var type in Assemblies.SelectMany(a => a.GetExportedTypes()))
        {
            foreach (var member in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (p.Name, Type: p.PropertyType))
                .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(f => (f.Name, Type: f.FieldType))))
            {
                var memberType = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
                var (isEnum, isList, other) = votes.GetValueOrDefault(member.Name);
                if (memberType.IsEnum)
                {
                    isEnum++;
                }
                else if (memberType != typeof(string) && memberType.GetInterfaces().Append(memberType)
                    .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>) && i.GetGenericArguments()[0].IsEnum))
                {
                    isList++;
                }
                else
                {
                    other++;
                }
                votes[member.Name] = (isEnum, isList, other);
            }
        }
        return ([.. votes.Where(v => v.Value.Enum > v.Value.Other + v.Value.List).Select(v => v.Key)],
            [.. votes.Where(v => v.Value.List > v.Value.Other + v.Value.Enum).Select(v => v.Key)]);
    }

    /// <summary>
    /// Wordings a view may choose by an enum value because they are not the value's name. Each says why.
    /// </summary>
    private static readonly (string View, string Value, string Why)[] NotANameOfTheValue =
    [
        ("Index.cshtml", "Role.", "the heading of each role's part of the service (\"Platform administration\"), not the role's name"),
    ];

    public static TheoryData<string> Views()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(PagesFolder(), "*.cshtml", SearchOption.AllDirectories).Order())
        {
            data.Add(Path.GetRelativePath(PagesFolder(), file));
        }
        return data;
    }

    [Fact]
    public void TheScan_FindsTheViewsAndTheEnumMembers()
    {
        Assert.True(Views().Cast<object[]>().Count() > 80, "the scan found too few views");
        Assert.Contains("Status", EnumMembers.Single);
        Assert.Contains("Urgency", EnumMembers.Single);
        Assert.Contains("MustHaveNeeds", EnumMembers.Lists);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void AView_TakesEveryEnumWordingFromTheVocabulary(string view)
    {
        var problems = Problems(File.ReadAllText(Path.Combine(PagesFolder(), view)))
            .Where(p => !NotANameOfTheValue.Any(n => n.View == view && p.Contains($"\"{n.Value}", StringComparison.Ordinal))).ToList();
        Assert.True(problems.Count == 0, $"{view}:\n{string.Join("\n", problems)}");
    }

    /// <summary>The scan itself: each kind of mistake it must catch, and what it must let through.</summary>
    [Theory]
    [InlineData("<td>@r.Status</td>", true)]
    [InlineData("<td>@Model.Referral.Urgency</td>", true)]
    [InlineData("<td>@(r.Status)</td>", true)]
    [InlineData("<p>It is @r.Status.ToString().ToLowerInvariant()</p>", true)]
    [InlineData("<td>@(r.Status == ReferralStatus.Open ? \"Open\" : \"Closed\")</td>", true)]
    [InlineData("@{ var text = status switch { OfferStatus.Submitted => \"Sent\", _ => \"\" }; }", true)]
    [InlineData("<td>@(run.Status == BillingRunStatus.Completed ? $\"Complete on {date}\" : \"\")</td>", true)]
    [InlineData("<strong class=\"govuk-tag @(a.Status == ApprovalStatus.Approved ? \"govuk-tag--green\" : \"govuk-tag--red\")\">", true)]
    [InlineData("<p>@($\"{a.Status} on {date}\")</p>", true)]
    [InlineData("<p>@(r.Status == ReferralStatus.Unfilled ? \"This referral went unfilled.\" : \"\")</p>", false)]
    [InlineData("<td>@(r.Status == ReferralStatus.Draft ? \"—\" : r.Count)</td>", false)]
    [InlineData("<p>@($\"{Words.Name(a.Status)} on {date}\")</p>", false)]
    [InlineData("@foreach (var need in r.MustHaveNeeds) { <li>@need</li> }", true)]
    [InlineData("@if (s.DeclaredOfstedGrade is { } declared) { <span>@declared</span> }", true)]
    [InlineData("<td>@Words.Name(r.Status)</td>", false)]
    [InlineData("<td>@Display.Tag(r.Urgency)</td>", false)]
    [InlineData("<input value=\"@r.Status\" />", false)]
    [InlineData("<a href=\"/referrals?status=@r.Status\">", false)]
    [InlineData("@foreach (var need in r.MustHaveNeeds) { <li>@Words.Name(need)</li> }", false)]
    [InlineData("<td>@(r.Status == ReferralStatus.Open ? Words.Name(r.Status) : \"\")</td>", false)]
    [InlineData("<td>@r.StatusNote</td>", false)]
    public void TheScan_CatchesRawPrintsAndSecondWordings(string razor, bool caught) =>
        Assert.Equal(caught, Problems(razor).Count > 0);

    private static List<string> Problems(string razor)
    {
        var problems = new List<string>();
        var text = Regex.Replace(razor, @"@\*.*?\*@", m => new string('\n', m.Value.Count(c => c == '\n')), RegexOptions.Singleline);
        var enumVariables = new HashSet<string>();
        foreach (Match loop in LoopOverEnums().Matches(text))
        {
            if (EnumMembers.Lists.Contains(loop.Groups["member"].Value))
            {
                enumVariables.Add(loop.Groups["var"].Value);
            }
        }
        foreach (Match bound in BoundFromEnum().Matches(text))
        {
            if (EnumMembers.Single.Contains(bound.Groups["member"].Value))
            {
                enumVariables.Add(bound.Groups["var"].Value);
            }
        }
        var enumNames = string.Join("|", Enums.Select(e => e.Name));
        var secondWording = new Regex($@"\b(?<enum>{enumNames})\.(?<value>\w+)\s*(?:\}}\s*)?(?:\?|=>)\s*\$?""(?<literal>[^""{{]*)(?<end>""?)");
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            foreach (Match print in Printed().Matches(line))
            {
                var path = print.Groups["path"].Value.Split('.');
                var last = path[^1];
                var raw = path.Length == 1 ? enumVariables.Contains(last) : EnumMembers.Single.Contains(last);
                if (raw && !InsideATag(text, Offset(lines, i) + print.Index))
                {
                    problems.Add($"line {i + 1}: prints {print.Groups["path"].Value} as it is; use Words.Name(...) or Display.Tag(...)");
                }
            }
            foreach (Match call in ToStringOnEnum().Matches(line))
            {
                if (EnumMembers.Single.Contains(call.Groups["member"].Value) || enumVariables.Contains(call.Groups["member"].Value))
                {
                    problems.Add($"line {i + 1}: {call.Value} writes an enum's identifier; use Words.Name(...)");
                }
            }
            foreach (Match own in secondWording.Matches(line))
            {
                if (RewordsTheValue(own.Groups["enum"].Value, own.Groups["value"].Value, own.Groups["literal"].Value, whole: own.Groups["end"].Length > 0))
                {
                    problems.Add($"line {i + 1}: \"{own.Value}…\" words or colours an enum value here; take it from Words or Display");
                }
            }
            foreach (Match hole in InterpolatedPath().Matches(line))
            {
                var last = hole.Groups["path"].Value.Split('.')[^1];
                if (EnumMembers.Single.Contains(last) || enumVariables.Contains(last))
                {
                    problems.Add($"line {i + 1}: {hole.Value} writes an enum's identifier into a sentence; use Words.Name(...) or Words.InSentence(...)");
                }
            }
        }
        return problems;
    }

    private static int Offset(string[] lines, int line) => lines.Take(line).Sum(l => l.Length + 1);

    /// <summary>
    /// Whether a text a view picks by an enum value is a wording or a colour of the value: a tag colour, a bare label
    /// of one or two words, or a text that starts as the value's name does ("Complete on …" for "Complete").
    /// </summary>
    private static bool RewordsTheValue(string enumName, string valueName, string literal, bool whole)
    {
        var text = literal.Trim().TrimStart(',', ' ', '(');
        if (text.Length == 0 || text == Words.Missing)
        {
            return false;
        }
        if (text.StartsWith("govuk-tag--", StringComparison.Ordinal))
        {
            return true;
        }
        if (whole && Regex.IsMatch(text, @"^[A-Z][a-z]+(?: [A-Za-z]+)?$"))
        {
            return true;
        }
        var type = Enums.Single(e => e.Name == enumName);
        if (!Enum.TryParse(type, valueName, out var value))
        {
            return false;
        }
        var firstWord = Words.Name((Enum)value!).Split(' ', ':', '(')[0];
        return text.Split(' ', ':', '(', ',', '.')[0].Equals(firstWord, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the position is inside an HTML tag (an attribute's value: a machine value, not words).</summary>
    private static bool InsideATag(string text, int position)
    {
        var open = text.LastIndexOf('<', position);
        var close = text.LastIndexOf('>', position);
        return open > close && open + 1 < text.Length && (char.IsLetter(text[open + 1]) || text[open + 1] == '/');
    }

    /// <summary>An implicit Razor expression (<c>@a.b.c</c>) or a parenthesised plain path (<c>@(a.b.c)</c>), not a call.</summary>
    [GeneratedRegex(@"(?<![\w@])@(?:(?<path>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?![\w(])(?!\.\w)|\(\s*(?<path>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\))")]
    private static partial Regex Printed();

    [GeneratedRegex(@"(?<![\w{])\{(?<path>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\}")]
    private static partial Regex InterpolatedPath();

    [GeneratedRegex(@"(?<member>\w+)\.ToString\(\)")]
    private static partial Regex ToStringOnEnum();

    [GeneratedRegex(@"foreach\s*\(\s*var\s+(?<var>\w+)\s+in\s+[\w.]*?(?<member>\w+)\s*\)")]
    private static partial Regex LoopOverEnums();

    [GeneratedRegex(@"(?<member>\w+)\s+is\s+\{\s*\}\s+(?<var>\w+)")]
    private static partial Regex BoundFromEnum();

    private static string PagesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlacementBroker.sln")))
            {
                return Path.Combine(dir.FullName, "src", "PlacementBroker.Web", "Pages");
            }
        }
        throw new InvalidOperationException("The repository's PlacementBroker.sln was not found above " + AppContext.BaseDirectory);
    }
}
