using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Placements;

namespace PlacementBroker.Web.Tests.SqlServer;

/// <summary>
/// The statements that keep the bed count, as SQL Server receives them (ADR 0015). Each is one UPDATE whose WHERE holds
/// the rule and whose SET computes the new count from the row itself: SQL Server takes an update lock on each row it
/// considers and evaluates the WHERE against the latest committed row (under READ COMMITTED, and under read committed
/// snapshot too, for the table being updated), so two bookings racing for the last place cannot both succeed, whatever
/// the isolation level. A step rewritten as read-then-write (a SELECT, then an UPDATE of a value computed in .NET) fails here.
/// </summary>
public class SqlServerConcurrencyTests
{
    private static readonly Guid Setting = Guid.CreateVersion7();
    private static readonly Guid Vacancy = Guid.CreateVersion7();
    private static readonly Guid Referral = Guid.CreateVersion7();
    private static readonly DateTime Now = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>A guarded step: what runs it, the columns its WHERE must test, and the counters its SET must compute from themselves.</summary>
    public sealed record Step(Func<IServiceProvider, Task> Run, string[] Guards, string[] Counters);

    public static readonly IReadOnlyDictionary<string, Step> Steps = new Dictionary<string, Step>
    {
        ["the setting's lock, only while its registration is open and approved"] = new(
            s => s.GetRequiredService<PlaceLedger>().LockSettingAsync(Setting, default), ["Id", "ClosedAt", "ReviewStatus"], []),
        ["the referral's lock"] = new(s => s.GetRequiredService<PlaceLedger>().LockReferralAsync(Referral, Now, default), ["Id"], []),
        ["holding places for a manager's decision, only if that many are free"] = new(
            s => s.GetRequiredService<PlaceLedger>().HoldAsync(Vacancy, 2, Now, default), ["Id", "Status", "Places", "PlacesHeld"], ["PlacesHeld"]),
        ["giving held places back, never more than are held"] = new(
            s => s.GetRequiredService<PlaceLedger>().ReleaseAsync(Vacancy, 1, Now, default), ["Id", "PlacesHeld"], ["PlacesHeld"]),
        ["taking free places, only if that many are free"] = new(
            s => s.GetRequiredService<PlaceLedger>().TakeAsync(Vacancy, 1, fromHold: false, Now, default), ["Id", "Status", "Places", "PlacesHeld"], ["Places"]),
        ["taking the places held for an approval, only if they are still held"] = new(
            s => s.GetRequiredService<PlaceLedger>().TakeAsync(Vacancy, 1, fromHold: true, Now, default), ["Id", "Places", "PlacesHeld"], ["Places", "PlacesHeld"]),
        ["the year's next agreement reference"] = new(
            async s =>
            {
                try
                {
                    await AgreementReference.NextAsync(s.GetRequiredService<PlacementBrokerDbContext>(), Now, default);
                }
                catch (InvalidOperationException)
                {
                    // No counter row came back (there is no server): the first statement, the increment, is the one checked.
                }
            }, ["Year"], ["Last"]),
    };

    public static TheoryData<string> Names() => [.. Steps.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task GuardedStep_IsOneUpdateThatTestsAndCountsOnTheRow(string name)
    {
        var step = Steps[name];
        var capture = new SqlCapture();
        await using var services = capture.Services();
        using var scope = services.CreateScope();

        await step.Run(scope.ServiceProvider);

        var sql = capture.Commands[0];
        var (fragment, errors) = TSql.Parse(sql);
        Assert.Empty(errors);
        var statements = ((TSqlScript)fragment!).Batches.SelectMany(b => b.Statements).ToList();
        var update = Assert.IsType<UpdateStatement>(Assert.Single(statements));
        var where = Columns(update.UpdateSpecification.WhereClause);
        Assert.True(step.Guards.All(where.Contains), $"{name}: the WHERE tests {string.Join(", ", where)}, not all of {string.Join(", ", step.Guards)}\n{sql}");
        foreach (var counter in step.Counters)
        {
            var set = update.UpdateSpecification.SetClauses.OfType<AssignmentSetClause>()
                .SingleOrDefault(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value == counter);
            Assert.True(set is not null, $"{name} does not set {counter}\n{sql}");
            Assert.True(Columns(set.NewValue).Contains(counter), $"{name} sets {counter} from a value computed before, not from the row\n{sql}");
        }
    }

    /// <summary>The check itself can fail: a read-then-write step, a SELECT then an UPDATE of a value from .NET, is not one guarded update.</summary>
    [Fact]
    public void AReadThenWrite_IsNotAGuardedUpdate()
    {
        const string readThenWrite = "UPDATE [v] SET [v].[Places] = @newPlaces FROM [Vacancies] AS [v] WHERE [v].[Id] = @id";
        var (fragment, errors) = TSql.Parse(readThenWrite);
        Assert.Empty(errors);
        var update = (UpdateStatement)((TSqlScript)fragment!).Batches[0].Statements[0];

        Assert.DoesNotContain("Places", Columns(update.UpdateSpecification.WhereClause));
        Assert.DoesNotContain("Places", Columns(((AssignmentSetClause)update.UpdateSpecification.SetClauses[0]).NewValue));
    }

    private static HashSet<string> Columns(TSqlFragment? fragment)
    {
        var visitor = new ColumnVisitor();
        fragment?.Accept(visitor);
        return visitor.Names;
    }

    private sealed class ColumnVisitor : TSqlFragmentVisitor
    {
        public HashSet<string> Names { get; } = [];

        public override void ExplicitVisit(ColumnReferenceExpression node)
        {
            if (node.MultiPartIdentifier is { } name)
            {
                Names.Add(name.Identifiers[^1].Value);
            }
            base.ExplicitVisit(node);
        }
    }
}
