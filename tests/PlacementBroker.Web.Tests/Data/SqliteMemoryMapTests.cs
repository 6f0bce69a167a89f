using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Data;

/// <summary>
/// The node's SQLite connections read the file through a memory map (shared by the whole pool) instead of each copying
/// pages into its own 2 MB cache; the size is configurable and zero turns it off.
/// </summary>
public class SqliteMemoryMapTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static async Task<long> MapSizeAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA mmap_size;";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task EveryConnectionOfTheApp_ReadsThroughTheDefaultMap()
    {
        // Two contexts in turn: the second gets the pooled connection back, and the setting holds on it too.
        for (var i = 0; i < 2; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            await db.Database.OpenConnectionAsync();
            Assert.Equal(SqliteMemoryMap.DefaultMegabytes * 1024L * 1024L, await MapSizeAsync(db.Database.GetDbConnection()));
            // And the file is read as before through it.
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        }
    }

    [Theory]
    [InlineData(0, 0L)]
    [InlineData(64, 64L * 1024 * 1024)]
    public async Task TheConfiguredSize_IsWhatAFileConnectionGets(int megabytes, long expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pb-mmap-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<PlacementBrokerDbContext>()
                .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
                .AddInterceptors(new SqliteMemoryMap(megabytes)).Options;
            await using var db = new PlacementBrokerDbContext(options);
            await db.Database.OpenConnectionAsync();
            Assert.Equal(expected, await MapSizeAsync(db.Database.GetDbConnection()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1024, true)]
    public void ANegativeSize_IsRefusedAtStart(int megabytes, bool valid)
    {
        var options = new PlacementBrokerOptions();
        options.Database.SqliteMemoryMapMegabytes = megabytes;
        Assert.Equal(valid, PlacementBrokerOptions.NestedSettingsAreValid(options));
    }
}
