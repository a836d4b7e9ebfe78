using System.Data.Common;

namespace Silo.Storage;

/// <summary>Parameterised commands written once for both providers: SQLite and Npgsql both accept
/// <c>@name</c> placeholders.</summary>
internal static class DbCommands
{
    public static DbCommand Create(DbConnection connection, string sql, DbTransaction? transaction = null)
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

    /// <summary>Binds @type, @key and @name: a grain and the name of one of its states or reminders.</summary>
    public static DbCommand WithKey(this DbCommand command, GrainId grainId, string name) =>
        command.With("@type", grainId.Type).With("@key", grainId.Key).With("@name", name);

    /// <summary>The instant as both drivers store it: PostgreSQL timestamptz accepts only offset zero.</summary>
    public static DateTimeOffset Utc(DateTimeOffset instant) => instant.ToUniversalTime();
}
