using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace PlacementBroker.Benchmarks;

/// <summary>Where the generated rows go: one database, one transaction. Tables are written one at a time, parents first.</summary>
internal interface IDataTarget : IDisposable
{
    ITableWriter Table(string table);

    /// <summary>Commits and refreshes the planner's statistics.</summary>
    void Complete();
}

/// <summary>
/// Rows of one table. Values are given as CLR values (Guid, DateTime in UTC, DateOnly, decimal, bool, enum, string,
/// string[] for a list column); the writer stores them as EF Core does on its database. A column not set takes a typed
/// default (null where nullable), and identity columns are left to the database.
/// </summary>
internal interface ITableWriter : IDisposable
{
    ITableWriter Set(string column, object? value);

    void Insert();
}

/// <summary>SQLite: one prepared INSERT per table, parameters reused row after row, all in one transaction.</summary>
internal sealed class SqliteTarget : IDataTarget
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;

    public SqliteTarget(string connectionString)
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
            pragma.ExecuteNonQuery();
        }
        transaction = connection.BeginTransaction();
    }

    public ITableWriter Table(string table) => new Writer(connection, transaction, table);

    public void Complete()
    {
        transaction.Commit();
        using var analyse = connection.CreateCommand();
        analyse.CommandText = "ANALYZE;";
        analyse.ExecuteNonQuery();
    }

    public void Dispose()
    {
        transaction.Dispose();
        connection.Dispose();
    }

    private sealed class Writer : ITableWriter
    {
        private readonly SqliteCommand command;
        private readonly Dictionary<string, SqliteParameter> parameters = [];
        private readonly Dictionary<string, object> defaults = [];

        public Writer(SqliteConnection connection, SqliteTransaction tx, string table)
        {
            var columns = new List<string>();
            using (var info = connection.CreateCommand())
            {
                info.Transaction = tx;
                info.CommandText = $"PRAGMA table_info(\"{table}\")";
                using var reader = info.ExecuteReader();
                var rows = new List<(string Name, string Type, bool NotNull, long Pk)>();
                while (reader.Read())
                {
                    rows.Add((reader.GetString(1), reader.GetString(2).ToUpperInvariant(), reader.GetInt64(3) == 1, reader.GetInt64(5)));
                }
                // A lone INTEGER primary key is the rowid: left null, the database numbers it.
                var identity = rows.Count(r => r.Pk > 0) == 1 ? rows.SingleOrDefault(r => r.Pk > 0 && r.Type == "INTEGER").Name : null;
                foreach (var (name, type, notNull, _) in rows)
                {
                    columns.Add(name);
                    defaults[name] = !notNull || name == identity ? DBNull.Value : type switch
                    {
                        "INTEGER" => 0L,
                        "REAL" => 0.0,
                        _ when name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("Version", StringComparison.Ordinal) => Format(Guid.Empty),
                        _ when name.EndsWith("At", StringComparison.Ordinal) || name.EndsWith("Deadline", StringComparison.Ordinal) => Format(NationalData.Now.UtcDateTime),
                        _ when name.EndsWith("Date", StringComparison.Ordinal) => Format(DateOnly.FromDateTime(NationalData.Now.UtcDateTime)),
                        _ => "",
                    };
                }
            }
            if (columns.Count == 0)
            {
                throw new InvalidOperationException($"No table {table}");
            }
            command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[columns[i]] = command.Parameters.AddWithValue($"$p{i}", defaults[columns[i]]);
            }
            command.Prepare();
        }

        public ITableWriter Set(string column, object? value)
        {
            parameters[column].Value = Format(value);
            return this;
        }

        public void Insert()
        {
            command.ExecuteNonQuery();
            foreach (var (name, parameter) in parameters)
            {
                parameter.Value = defaults[name];
            }
        }

        // The formats EF Core's SQLite provider writes, so that its queries compare like with like.
        private static object Format(object? value) => value switch
        {
            null => DBNull.Value,
            Guid g => g.ToString().ToUpperInvariant(),
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal m => m.ToString("0.0###########################", CultureInfo.InvariantCulture),
            bool b => b ? 1L : 0L,
            Enum e => e.ToString(),
            string[] list => "[" + string.Join(",", list.Select(s => $"\"{s}\"")) + "]",
            _ => value,
        };

        public void Dispose() => command.Dispose();
    }
}

/// <summary>PostgreSQL: binary COPY per table (column types from information_schema), all in one transaction.</summary>
internal sealed class PostgresTarget : IDataTarget
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    public PostgresTarget(string connectionString)
    {
        connection = new NpgsqlConnection(connectionString);
        connection.Open();
        transaction = connection.BeginTransaction();
    }

    public ITableWriter Table(string table) => new Writer(connection, table);

    public void Complete()
    {
        transaction.Commit();
        using var analyse = new NpgsqlCommand("ANALYZE", connection);
        analyse.CommandTimeout = 0;
        analyse.ExecuteNonQuery();
    }

    public void Dispose()
    {
        transaction.Dispose();
        connection.Dispose();
    }

    private sealed class Writer : ITableWriter
    {
        private readonly List<(string Name, string Type, NpgsqlDbType DbType, object? Default)> columns = [];
        private readonly Dictionary<string, int> index = [];
        private readonly object?[] row;
        private readonly NpgsqlBinaryImporter importer;

        public Writer(NpgsqlConnection connection, string table)
        {
            using (var info = new NpgsqlCommand(
                "SELECT column_name, data_type, is_nullable = 'YES', is_identity = 'YES' OR coalesce(column_default, '') LIKE 'nextval(%' "
                + "FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position", connection))
            {
                info.Parameters.AddWithValue("table", table);
                using var reader = info.ExecuteReader();
                while (reader.Read())
                {
                    if (reader.GetBoolean(3))
                    {
                        continue;
                    }
                    var name = reader.GetString(0);
                    var type = reader.GetString(1);
                    var nullable = reader.GetBoolean(2);
                    var (dbType, fallback) = type switch
                    {
                        "uuid" => (NpgsqlDbType.Uuid, (object)Guid.Empty),
                        "text" or "character varying" => (NpgsqlDbType.Text, ""),
                        "timestamp with time zone" => (NpgsqlDbType.TimestampTz, NationalData.Now.UtcDateTime),
                        "date" => (NpgsqlDbType.Date, DateOnly.FromDateTime(NationalData.Now.UtcDateTime)),
                        "numeric" => (NpgsqlDbType.Numeric, 0m),
                        "integer" => (NpgsqlDbType.Integer, 0),
                        "bigint" => (NpgsqlDbType.Bigint, 0L),
                        "boolean" => (NpgsqlDbType.Boolean, false),
                        "double precision" => (NpgsqlDbType.Double, 0.0),
                        "ARRAY" => (NpgsqlDbType.Array | NpgsqlDbType.Text, Array.Empty<string>()),
                        "bytea" => (NpgsqlDbType.Bytea, Array.Empty<byte>()),
                        _ => throw new NotSupportedException($"{table}.{name}: {type}"),
                    };
                    index[name] = columns.Count;
                    columns.Add((name, type, dbType, nullable ? null : fallback));
                }
            }
            if (columns.Count == 0)
            {
                throw new InvalidOperationException($"No table {table}");
            }
            row = new object?[columns.Count];
            Reset();
            importer = connection.BeginBinaryImport(
                $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)");
        }

        public ITableWriter Set(string column, object? value)
        {
            var i = index[column];
            row[i] = Convert(value, columns[i].DbType);
            return this;
        }

        public void Insert()
        {
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                if (row[i] is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(row[i], columns[i].DbType);
                }
            }
            Reset();
        }

        private void Reset()
        {
            for (var i = 0; i < columns.Count; i++)
            {
                row[i] = columns[i].Default;
            }
        }

        // The CLR types Npgsql writes for each column type, as EF Core's Npgsql provider stores the model's values.
        private static object? Convert(object? value, NpgsqlDbType type) => value switch
        {
            null => null,
            Enum e => e.ToString(),
            DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
            int n when type == NpgsqlDbType.Bigint => (long)n,
            long n when type == NpgsqlDbType.Integer => checked((int)n),
            int n when type == NpgsqlDbType.Double => (double)n,
            _ => value,
        };

        public void Dispose()
        {
            importer.Complete();
            importer.Dispose();
        }
    }
}
