using System.Data.Common;
using System.Globalization;

namespace Grains.ReadModels;

/// <summary>Small ADO.NET helpers shared by the read-model writer and queries; SQLite and Npgsql both take <c>@name</c>.</summary>
internal static class Db
{
    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        // SQLite refuses a command without its transaction while one is open on the connection.
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static long Millis(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static DateTimeOffset Instant(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static double? NullableDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    public static long? NullableLong(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    /// <summary>SQLite returns numeric columns and sums as integer, real or text depending on the value; this reads any of them.</summary>
    public static decimal Decimal(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0m : Convert.ToDecimal(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static int Int(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
