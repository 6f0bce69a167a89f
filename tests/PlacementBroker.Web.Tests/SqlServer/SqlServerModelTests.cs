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
    /// <summary>
    /// Instants are datetime2 (never the legacy datetime, which rounds to 1/300 s and would break the equality of a
    /// concurrency token), and days are date, so a day never carries a time or a zone (ADR 0015).
    /// </summary>
    [Fact]
    public void Instants_AreDatetime2_AndDays_AreDate()
    {
        var columns = Model().GetEntityTypes().SelectMany(e => e.GetProperties())
            .Select(p => (Name: $"{p.DeclaringType.DisplayName()}.{p.Name}", Type: Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType, Store: p.GetColumnType()))
            .ToList();

        var instants = columns.Where(c => c.Type == typeof(DateTime)).ToList();
        var days = columns.Where(c => c.Type == typeof(DateOnly)).ToList();
        Assert.NotEmpty(instants);
        Assert.NotEmpty(days);
        Assert.All(instants, c => Assert.True(c.Store == "datetime2", $"{c.Name} is {c.Store}"));
        Assert.All(days, c => Assert.True(c.Store == "date", $"{c.Name} is {c.Store}"));
        // Only ASP.NET Core Identity's own lockout end is an offset (datetimeoffset on SQL Server); the product's instants are UTC.
        Assert.Equal(["User.LockoutEnd"], columns.Where(c => c.Type == typeof(DateTimeOffset)).Select(c => c.Name));
    }

    /// <summary>
    /// Instants are cut to the microsecond as they are written, except concurrency tokens, whose value in an update's WHERE
    /// must be the one read, seven digits and all for a row written before (ADR 0015). Every token is a non-null instant
    /// converted without cutting; every other instant is cut.
    /// </summary>
    [Fact]
    public void InstantTokens_AreComparedAsRead_AndOtherInstantsAreCut()
    {
        using var db = TSql.SqlServerContext();
        var instants = db.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(DateTime)).ToList();
        var tokens = instants.Where(p => p.IsConcurrencyToken).ToList();
        var seventh = new DateTime(2026, 12, 4, 9, 30, 15, DateTimeKind.Utc).AddTicks(1_234_567);

        Assert.Equal(5, tokens.Count);
        Assert.All(tokens, p => Assert.Equal(typeof(DateTime), p.ClrType));
        Assert.All(tokens, p => Assert.Equal(seventh, p.GetTypeMapping().Converter!.ConvertToProvider(seventh)));
        Assert.All(instants.Except(tokens), p => Assert.Equal(seventh.AddTicks(-7), p.GetTypeMapping().Converter!.ConvertToProvider(seventh)));
    }

    /// <summary>
    /// How each text column that must be unique, or is a key, is compared, so it behaves the same on SQL Server (whose
    /// usual collation ignores case) as on PostgreSQL and SQLite (which do not). A new one fails here until it is placed.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UniqueText = new Dictionary<string, string>
    {
        ["AspNetUsers.NormalizedEmail"] = FoldedByTheProduct,
        ["AspNetUsers.NormalizedUserName"] = FoldedByTheProduct,
        ["Settings.OfstedUrn"] = FoldedByTheProduct,
        ["OfstedRegister.Urn"] = FoldedByTheProduct,
        ["LocalAuthorities.Code"] = FoldedByTheProduct,
        ["LocalAuthorities.Name"] = ComparedWithoutCaseByTheProduct,
        ["Kpis.Code"] = FoldedByTheProduct,
        ["KpiReturns.Quarter"] = WrittenByTheProduct,
        ["PaymentEvents.Id"] = Exact,
        ["Placements.Reference"] = WrittenByTheProduct,
        ["OutboxEmails.Reference"] = WrittenByTheProduct,
        ["AccountLinkCodes.CodeHash"] = WrittenByTheProduct,
        ["EmailConfirmationCodes.CodeHash"] = WrittenByTheProduct,
        ["LotQuestions.Key"] = ComparedWithoutCaseByTheProduct,
        ["ApplicationAnswers.QuestionKey"] = WrittenByTheProduct,
        ["AspNetUserLogins.LoginProvider"] = Exact,
        ["AspNetUserLogins.ProviderKey"] = Exact,
        ["AspNetUserTokens.LoginProvider"] = WrittenByTheProduct,
        ["AspNetUserTokens.Name"] = WrittenByTheProduct,
        ["Offers.IdempotencyKey"] = Exact,
    };

    private const string FoldedByTheProduct = "folded to capitals by the product before it is stored or looked up";
    private const string ComparedWithoutCaseByTheProduct = "stored as written, compared in lower case by the product";
    private const string WrittenByTheProduct = "written by the product in one case only";
    private const string Exact = "written by someone else and compared exactly: a binary collation on SQL Server";

    [Fact]
    public void UniqueText_IsComparedAlikeOnEveryProvider()
    {
        var model = Model();
        var found = model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().Where(i => i.IsUnique).Select(i => i.Properties)
                .Concat(e.GetKeys().Select(k => k.Properties)))
            .SelectMany(properties => properties)
            .Where(p => p.ClrType == typeof(string))
            .Select(p => (Name: $"{p.DeclaringType.ContainingEntityType.GetTableName()}.{p.GetColumnName()}", Property: p))
            .DistinctBy(x => x.Name)
            .ToList();

        var unplaced = found.Select(f => f.Name).Except(UniqueText.Keys).ToList();
        Assert.True(unplaced.Count == 0, "Say how these unique text columns are compared, so SQL Server and PostgreSQL agree: " + string.Join(", ", unplaced));
        foreach (var (name, property) in found)
        {
            var collation = property.GetCollation();
            if (UniqueText[name] == Exact)
            {
                Assert.True(collation == PlacementBroker.Core.Data.PlacementBrokerDbContext.ExactCollation, $"{name} is compared with {collation ?? "the database's collation"} on SQL Server");
            }
            else
            {
                Assert.True(collation is null, $"{name} has its own collation {collation}");
            }
        }
    }
}
