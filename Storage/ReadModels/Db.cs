using System.Data.Common;
using System.Globalization;

namespace Storage.ReadModels;

/// <summary>Readers shared by the read-model writer and queries; commands and parameters come from <see cref="DbCommands"/>.</summary>
public static class Db
{
    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null) =>
        DbCommands.Create(connection, sql, transaction);

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
