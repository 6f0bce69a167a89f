using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PlacementBroker.Core.Placements;

/// <summary>
/// The agreement's reference people quote on the phone and on invoices: "PB-2026-000123", the year (UTC) the placement
/// was made and its place in that year's placements. It is given once, when the placement is made, and stored on the
/// placement (unique, never reused): it never shifts, whatever happens to other placements.
/// </summary>
public static class AgreementReference
{
    /// <summary>The written notice either party gives of a planned ending, in days (an emergency ending is told at once).</summary>
    public const int NoticeDays = 28;

    public const int MaxLength = 20;

    private const string NewYearSavepoint = "AgreementReferenceYear";

    public static string For(int year, int ordinal) => $"PB-{year:D4}-{ordinal:D6}";

    /// <summary>
    /// The next reference of the year <paramref name="createdAt"/> falls in, taken inside the caller's transaction: the
    /// year's counter row is incremented in one statement, so PostgreSQL and SQL Server hold its lock (SQLite its write
    /// lock) until the placement commits, and two placements made at once get different references. The first placement
    /// of a year creates the row; if another creates it at the same moment, this one increments theirs.
    /// </summary>
    public static async Task<string> NextAsync(PlacementBrokerDbContext db, DateTime createdAt, CancellationToken ct)
    {
        var year = createdAt.Year;
        if (await BumpAsync(db, year, ct) == 0)
        {
            var transaction = db.Database.CurrentTransaction
                ?? throw new InvalidOperationException("An agreement reference is taken inside the transaction that makes the placement.");
            await transaction.CreateSavepointAsync(NewYearSavepoint, ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync(InsertYearSql(db), [year], ct);
                await transaction.ReleaseSavepointAsync(NewYearSavepoint, ct);
            }
            catch (DbException)
            {
                // Another placement opened the year at the same moment: its row is there now.
                await transaction.RollbackToSavepointAsync(NewYearSavepoint, ct);
            }
            if (await BumpAsync(db, year, ct) != 1)
            {
                throw new InvalidOperationException($"The agreement reference counter of {year} could not be taken.");
            }
        }
        var last = await db.AgreementReferenceCounters.AsNoTracking().Where(c => c.Year == year).Select(c => c.Last).SingleAsync(ct);
        return For(year, last);
    }

    /// <summary>
    /// Gives references to placements made together outside the service's own path (the demo data set), in the order they
    /// were made (then by id), continuing each year's counter. Not for concurrent use.
    /// </summary>
    public static async Task AssignAsync(PlacementBrokerDbContext db, IEnumerable<Placement> placements, CancellationToken ct = default)
    {
        foreach (var year in placements.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).GroupBy(p => p.CreatedAt.Year))
        {
            var counter = await db.AgreementReferenceCounters.SingleOrDefaultAsync(c => c.Year == year.Key, ct);
            if (counter is null)
            {
                counter = new AgreementReferenceCounter { Year = year.Key };
                db.AgreementReferenceCounters.Add(counter);
            }
            foreach (var placement in year)
            {
                placement.Reference = For(year.Key, ++counter.Last);
            }
        }
    }

    private static Task<int> BumpAsync(PlacementBrokerDbContext db, int year, CancellationToken ct) =>
        db.AgreementReferenceCounters.Where(c => c.Year == year).ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), ct);

    private static string InsertYearSql(PlacementBrokerDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(AgreementReferenceCounter))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        return $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({Column(nameof(AgreementReferenceCounter.Year))}, "
            + $"{Column(nameof(AgreementReferenceCounter.Last))}) VALUES ({{0}}, 0)";
    }
}

/// <summary>The last agreement reference given in a year (UTC): one row per year, incremented as each placement is made.</summary>
public class AgreementReferenceCounter
{
    public required int Year { get; init; }
    public int Last { get; set; }
}
