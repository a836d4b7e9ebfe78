using System.Data.Common;

namespace Storage.ReadModels;

/// <summary>One read-model table: its upsert statement and how a row binds to it, used alike for one row (grains)
/// and for many rows in one transaction (the demo loader), so both write the same thing.</summary>
public sealed class RowTable<TRow>(string table, string key, string[] columns, Func<TRow, object?[]> values)
{
    public string Table { get; } = table;

    public string UpsertSql { get; } =
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) " +
        $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", columns.Where(c => c != key).Select(c => $"{c} = excluded.{c}"))}";

    public DbCommand Prepare(DbConnection connection, DbTransaction? transaction)
    {
        var command = Db.Command(connection, UpsertSql, transaction);
        foreach (var column in columns)
        {
            command.With("@" + column, null);
        }

        return command;
    }

    public void Bind(DbCommand command, TRow row)
    {
        var rowValues = values(row);
        for (var i = 0; i < rowValues.Length; i++)
        {
            command.Parameters[i].Value = rowValues[i] ?? DBNull.Value;
        }
    }
}
