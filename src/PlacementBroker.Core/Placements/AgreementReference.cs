namespace PlacementBroker.Core.Placements;

/// <summary>
/// The agreement's reference people quote on the phone and on invoices: "PB-2026-000123", the year the placement was
/// made and its place in that year's placements, in the order they were made. Placements are never deleted, so a
/// placement keeps its reference.
/// </summary>
public static class AgreementReference
{
    /// <summary>The written notice either party gives of a planned ending, in days (an emergency ending is told at once).</summary>
    public const int NoticeDays = 28;

    public static string For(int year, int ordinal) => $"PB-{year:D4}-{ordinal:D6}";
}
