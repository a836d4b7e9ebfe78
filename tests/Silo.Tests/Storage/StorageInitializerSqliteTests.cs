using Silo.Storage;

namespace Silo.Tests.Storage;

public sealed class StorageInitializerSqliteTests() : StorageInitializerTests(DatabaseProvider.Sqlite)
{
    private static readonly string MissingFolder = Path.Combine(Path.GetTempPath(), $"silo-missing-{Guid.NewGuid():N}", "x.db");

    // Microsoft.Data.Sqlite refuses a password without an encrypting SQLite build, so no password here.
    protected override string UnreachableConnectionString => $"Data Source={MissingFolder}";

    protected override string UnreachableDisplayName => $"Data Source={MissingFolder}";
}
