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

    /// <summary>
    /// The schema the migrations arrive at, loaded into a DacFx model of a SQL Server 2022 database and validated as
    /// SQL Server's own tools would: unresolved references (an index on a column that is not there, a foreign key to a
    /// missing table), types, and names. DacFx takes definitions, not the migration script's ALTERs and IF blocks, so it
    /// is given the create script of the model the migrations build (that they build it is MigrationTests' check).
    /// </summary>
    [Fact]
    public void Schema_LoadsIntoASqlServer2022Model_WithNoErrors()
    {
        using var db = TSql.SqlServerContext();
        var create = db.Database.GenerateCreateScript();
        using var model = new Microsoft.SqlServer.Dac.Model.TSqlModel(Microsoft.SqlServer.Dac.Model.SqlServerVersion.Sql160,
            new Microsoft.SqlServer.Dac.Model.TSqlModelOptions());

        // DacFx takes one statement at a time: the script is cut into its statements by the parser.
        var (fragment, errors) = TSql.Parse(create);
        Assert.Empty(errors);
        var statements = ((Microsoft.SqlServer.TransactSql.ScriptDom.TSqlScript)fragment!).Batches.SelectMany(b => b.Statements).ToList();
        Assert.True(statements.Count > 50, $"{statements.Count} statements");
        foreach (var statement in statements)
        {
            model.AddObjects(create.Substring(statement.StartOffset, statement.FragmentLength));
        }
        var problems = model.Validate().Where(m => m.MessageType == Microsoft.SqlServer.Dac.DacMessageType.Error).ToList();

        Assert.True(problems.Count == 0, "SQL Server would refuse the schema:\n" + string.Join("\n", problems.Take(20).Select(p => $"{p.Number}: {p.Message}")));
        Assert.Contains(model.GetObjects(Microsoft.SqlServer.Dac.Model.DacQueryScopes.UserDefined, Microsoft.SqlServer.Dac.Model.ModelSchema.Table),
            t => t.Name.Parts[^1] == "Referrals");
    }

    [Fact]
    public void BrokenSchema_IsReportedByTheModel()
    {
        using var model = new Microsoft.SqlServer.Dac.Model.TSqlModel(Microsoft.SqlServer.Dac.Model.SqlServerVersion.Sql160,
            new Microsoft.SqlServer.Dac.Model.TSqlModelOptions());
        model.AddObjects("CREATE TABLE [Settings] ([Id] uniqueidentifier NOT NULL PRIMARY KEY, [Name] nvarchar(200) NOT NULL);");
        model.AddObjects("CREATE INDEX [IX_Settings_OfstedUrn] ON [Settings] ([OfstedUrn]);");

        var problems = model.Validate().Where(m => m.MessageType == Microsoft.SqlServer.Dac.DacMessageType.Error).ToList();

        Assert.Contains(problems, p => p.Message.Contains("OfstedUrn"));
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
