using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PlacementBroker.Core.Data;

namespace PlacementBroker.Web.Tests.SqlServer;

/// <summary>A T-SQL syntax error, where it is: line and column in the text that was parsed.</summary>
public sealed record TSqlError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

/// <summary>
/// T-SQL read by <c>Microsoft.SqlServer.TransactSql.ScriptDom</c>, the parser SQL Server's own tools use, for SQL Server
/// 2022 (the version docker-compose runs and Azure SQL speaks). No server is needed.
/// </summary>
public static class TSql
{
    /// <summary>The errors in a script of batches separated by <c>GO</c>; empty when it parses.</summary>
    public static IReadOnlyList<TSqlError> Errors(string sql) => Parse(sql).Errors;

    public static (TSqlFragment? Fragment, IReadOnlyList<TSqlError> Errors) Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        return (fragment, [.. errors.Select(e => new TSqlError(e.Line, e.Column, e.Message))]);
    }

    /// <summary>
    /// The SQL held in <c>EXEC(N'…')</c> statements: EF Core's idempotent script runs some statements (views, indexes
    /// with filters, data changes) as dynamic SQL, which the parser sees only as a string. Each is returned with the
    /// line of the script it starts on.
    /// </summary>
    public static IReadOnlyList<(int Line, string Sql)> DynamicSql(TSqlFragment script)
    {
        var found = new List<(int, string)>();
        script.Accept(new ExecuteStringVisitor(found));
        return found;
    }

    private sealed class ExecuteStringVisitor(List<(int, string)> found) : TSqlFragmentVisitor
    {
        public override void ExplicitVisit(ExecutableStringList node)
        {
            // EF Core builds some statements from a variable (N'ALTER TABLE [Offers] DROP CONSTRAINT ' + @var + ';', where
            // @var holds a QUOTENAME'd constraint): a variable stands for such a name.
            var text = string.Concat(node.Strings.Select(s => s switch
            {
                StringLiteral literal => literal.Value,
                VariableReference variable => $"[{variable.Name.TrimStart('@')}]",
                _ => "",
            }));
            if (node.Strings.Count > 0)
            {
                found.Add((node.StartLine, text));
            }
            base.ExplicitVisit(node);
        }
    }

    /// <summary>
    /// A context for the SQL Server provider, as production configures it, with no server behind it: enough to
    /// generate the migration script and to render queries with <c>ToQueryString()</c>.
    /// </summary>
    public static PlacementBrokerDbContext SqlServerContext() => new(new DbContextOptionsBuilder<PlacementBrokerDbContext>()
        .UseSqlServer("Server=unused;Database=PlacementBroker;Encrypt=false", o => o.MigrationsAssembly("PlacementBroker.Migrations.SqlServer"))
        .Options);
}
