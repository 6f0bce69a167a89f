using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PlacementBroker.Web.Tests.SqlServer;

/// <summary>
/// The SQL Server migrations, proven without a server: the idempotent script a council's DBA runs (or the host applies)
/// is generated from the committed migrations and parsed as SQL Server 2022 T-SQL, statement by statement and inside
/// every piece of dynamic SQL. A migration SQL Server would reject for its syntax fails here, naming the line.
/// </summary>
public class SqlServerScriptTests
{
    private static string IdempotentScript()
    {
        using var db = TSql.SqlServerContext();
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    [Fact]
    public void MigrationScript_EveryMigration_IsInTheScript()
    {
        using var db = TSql.SqlServerContext();
        var script = IdempotentScript();

        var migrations = db.Database.GetMigrations().ToList();

        Assert.True(migrations.Count > 20, $"{migrations.Count} migrations");
        Assert.All(migrations, m => Assert.Contains($"N'{m}'", script));
    }

    [Fact]
    public void MigrationScript_ParsesAsSqlServer2022TSql()
    {
        var script = IdempotentScript();

        var (fragment, errors) = TSql.Parse(script);

        Assert.True(errors.Count == 0, "The SQL Server migration script does not parse:\n" + string.Join("\n", errors.Take(20)));
        Assert.NotNull(fragment);
        Assert.Contains("CREATE TABLE [Referrals]", script);
    }

    [Fact]
    public void MigrationScript_EveryPieceOfDynamicSql_Parses()
    {
        var (fragment, _) = TSql.Parse(IdempotentScript());

        var dynamic = TSql.DynamicSql(fragment!);

        Assert.NotEmpty(dynamic);
        var failures = dynamic.SelectMany(d => TSql.Errors(d.Sql).Select(e => $"EXEC at line {d.Line}: {e}\n  {d.Sql.Split('\n')[0]}")).ToList();
        Assert.True(failures.Count == 0, "Dynamic SQL in the migration script does not parse:\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void BrokenScript_IsReportedWithItsLine()
    {
        // What a hand-edited migration with a stray comma and an unknown keyword would put in the script.
        const string broken = """
            IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
            BEGIN
                CREATE TABLE [Settings] (
                    [Id] uniqueidentifier NOT NULL,,
                    [Name] nvarchar(200) NOT NULL
                );
            END;
            GO
            """;

        var errors = TSql.Errors(broken);

        var error = Assert.Single(errors.Take(1));
        Assert.Equal(4, error.Line);
        Assert.Contains("line 4", error.ToString());
    }

    [Fact]
    public void BrokenDynamicSql_IsReportedWithTheLineOfItsExec()
    {
        const string script = """
            IF NOT EXISTS (SELECT * FROM [__EFMigrationsHistory] WHERE [MigrationId] = N'20260101000000_Broken')
            BEGIN
                EXEC(N'CREATE UNIQUE INDEX [IX_Settings_OfstedUrn] ON [Settings] ([OfstedUrn] WHERE [OfstedUrn] IS NOT NULL');
            END;
            GO
            """;
        var (fragment, errors) = TSql.Parse(script);
        Assert.Empty(errors);

        var dynamic = Assert.Single(TSql.DynamicSql(fragment!));

        Assert.Equal(3, dynamic.Line);
        Assert.NotEmpty(TSql.Errors(dynamic.Sql));
    }
}
