using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Contracts;

/// <summary>KPI figures as people read them: "75.0%", "3", "4.5 days", "£1,250".</summary>
public static class KpiFormat
{
    public static string Value(KpiUnit unit, decimal? value) => value is not { } v ? "No figure" : unit switch
    {
        KpiUnit.Percent => $"{v.ToString("0.0", CultureInfo.InvariantCulture)}%",
        KpiUnit.Money => v.ToString("C0", CultureInfo.GetCultureInfo("en-GB")),
        KpiUnit.Days => $"{v.ToString("0.#", CultureInfo.InvariantCulture)} {(v == 1 ? "day" : "days")}",
        _ => v.ToString("0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>"at least 95.0%" or "at most 0".</summary>
    public static string Target(KpiUnit unit, decimal target, bool higherIsBetter) => $"{(higherIsBetter ? "at least" : "at most")} {Value(unit, target)}";

    /// <summary>What goes before a figure's input box: £ for money.</summary>
    public static string? Prefix(KpiUnit unit) => unit == KpiUnit.Money ? "£" : null;

    /// <summary>What goes after it: % or days.</summary>
    public static string? Suffix(KpiUnit unit) => unit switch
    {
        KpiUnit.Percent => "%",
        KpiUnit.Days => "days",
        _ => null,
    };

    /// <summary>Where a submitted return stands, in a sentence.</summary>
    public static string SubmittedState(KpiReturnStatus status) => status == KpiReturnStatus.Accepted ? "accepted" : "waiting for the commissioner's review";

    /// <summary>The figure for a chart's data-value: invariant, empty when there is none.</summary>
    public static string Data(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string StatusTag(KpiReturnStatus status, bool overdue) => overdue ? "govuk-tag--red" : status switch
    {
        KpiReturnStatus.Accepted => "govuk-tag--green",
        KpiReturnStatus.Submitted => "govuk-tag--blue",
        KpiReturnStatus.Queried => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };

    public static string StatusText(KpiReturnStatus status, bool overdue) => overdue
        ? status == KpiReturnStatus.Queried ? "Queried, overdue" : "Overdue"
        : status switch
        {
            KpiReturnStatus.Draft => "Due",
            KpiReturnStatus.Submitted => "Awaiting review",
            _ => status.ToString(),
        };
}

/// <summary>A table of returns under a caption, as the contract-management pages list them.</summary>
public sealed record ReturnsTable(string Caption, IReadOnlyList<KpiReturnSummary> Returns);
