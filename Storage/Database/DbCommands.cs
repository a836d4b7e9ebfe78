using System.Data.Common;

namespace Storage;

/// <summary>Parameterised commands written once for both providers: SQLite and Npgsql both accept
/// <c>@name</c> placeholders. For any code that works on <see cref="IDatabase"/>.</summary>
public static class DbCommands
{
    public static DbCommand Create(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        // SQLite refuses a command without its transaction while one is open on the connection.
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Binds a parameter; null becomes DBNull, and an instant is bound in UTC because PostgreSQL's
    /// timestamptz accepts offset zero only.</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTimeOffset instant => instant.ToUniversalTime(),
            _ => value,
        };
        command.Parameters.Add(parameter);
        return command;
    }
}
