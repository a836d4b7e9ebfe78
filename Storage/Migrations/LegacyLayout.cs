using System.Data.Common;
using System.Globalization;

namespace Storage;

/// <summary>Recognises a database written by the first, home-made grain host (its grain state lived in a table named
/// <c>grain_state</c>, JSON in a shape Orleans does not read). Such a database is refused with a clear message rather
/// than migrated beside it: reading it as if it were empty would show a district with no data and then overwrite it.</summary>
internal static class LegacyLayout
{
    private const string SqliteProbe = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'grain_state'";

    private const string PostgresProbe =
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'grain_state'";

    /// <exception cref="StorageLayoutException">The database holds the old layout.</exception>
    public static async Task<bool> RefuseAsync(DbConnection connection, IDatabase database, CancellationToken cancellationToken)
    {
        var probe = database.Provider == DatabaseProvider.Sqlite ? SqliteProbe : PostgresProbe;
        await using var command = DbCommands.Create(connection, probe);
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        throw new StorageLayoutException(
            $"The {database.Provider.ProductName()} database {database.DisplayName} was written by the command centre's first grain " +
            "host (table grain_state), which this version does not read. Nothing was changed. Start with a new database " +
            "(for the embedded default: move or delete the SQLite file; the demo district is loaded again), or keep running " +
            "the previous version on this one.");
    }
}
