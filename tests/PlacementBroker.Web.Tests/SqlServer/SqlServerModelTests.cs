using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PlacementBroker.Web.Tests.SqlServer;

/// <summary>
/// Rules SQL Server enforces that SQLite and PostgreSQL do not, checked on the model as SQL Server's provider builds it
/// (ADR 0014): they would otherwise surface only when a council's server runs the migrations.
/// </summary>
public class SqlServerModelTests
{
    private static IModel Model()
    {
        using var db = TSql.SqlServerContext();
        return db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
    }

    /// <summary>
    /// SQL Server refuses a foreign key whose referential action (cascade or set null) would reach a table by a second
    /// path, or in a cycle (error 1785), at CREATE time only. Every table must be reachable from any other by at most
    /// one path of such actions.
    /// </summary>
    [Fact]
    public void DeleteActions_ReachNoTableByTwoPaths()
    {
        var edges = Model().GetEntityTypes().SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull)
            .Select(fk => (From: fk.PrincipalEntityType.GetTableName()!, To: fk.DeclaringEntityType.GetTableName()!))
            .Where(e => e.From is not null && e.To is not null)
            .ToList();
        Assert.NotEmpty(edges);

        var problems = SecondPaths(edges);

        Assert.True(problems.Count == 0, "SQL Server would refuse these foreign keys (error 1785):\n" + string.Join("\n", problems.Distinct().Take(20)));
    }

    /// <summary>Every table reached by a second path of delete actions, or in a cycle, from any table.</summary>
    public static List<string> SecondPaths(IReadOnlyList<(string From, string To)> edges)
    {
        var problems = new List<string>();
        foreach (var start in edges.Select(e => e.From).Distinct())
        {
            // Every path of delete actions from this table; a table met twice is two paths (or a cycle).
            var reached = new Dictionary<string, string>();
            var stack = new Stack<(string Table, string Path)>([(start, start)]);
            while (stack.Count > 0)
            {
                var (table, path) = stack.Pop();
                foreach (var edge in edges.Where(e => e.From == table))
                {
                    var next = $"{path} -> {edge.To}";
                    if (edge.To == start)
                    {
                        problems.Add($"cycle: {next}");
                        continue;
                    }
                    if (reached.TryGetValue(edge.To, out var other))
                    {
                        problems.Add($"two paths to {edge.To}: {other} and {next}");
                        continue;
                    }
                    reached[edge.To] = next;
                    stack.Push((edge.To, next));
                }
            }
        }

        return problems;
    }

    [Fact]
    public void SecondPaths_AreFound_InADiamondAndACycle()
    {
        // Referrals -> Offers -> Placements and Referrals -> Placements: two paths, as SQL Server would refuse.
        Assert.Contains(SecondPaths([("Referrals", "Offers"), ("Offers", "Placements"), ("Referrals", "Placements")]), p => p.Contains("two paths to Placements"));
        Assert.Contains(SecondPaths([("A", "B"), ("B", "A")]), p => p.StartsWith("cycle"));
        Assert.Empty(SecondPaths([("Referrals", "Offers"), ("Offers", "Placements")]));
    }

    /// <summary>Money and rates are stored with a stated precision: SQL Server's default decimal(18,2) would silently round anything else.</summary>
    [Fact]
    public void EveryDecimal_HasAStatedPrecision()
    {
        var unstated = Model().GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(decimal) && p.GetPrecision() is null && p.GetColumnType() is null)
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}")
            .ToList();

        Assert.True(unstated.Count == 0, "Decimals without a precision: " + string.Join(", ", unstated));
    }
}
