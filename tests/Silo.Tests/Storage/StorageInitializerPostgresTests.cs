using Silo.Storage;

namespace Silo.Tests.Storage;

public sealed class StorageInitializerPostgresTests() : StorageInitializerTests(DatabaseProvider.Postgres)
{
    // Port 1 refuses connections at once, so the test does not wait for a timeout.
    protected override string UnreachableConnectionString => "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=s3cret";

    protected override string UnreachableDisplayName => "Host=127.0.0.1;Port=1;Database=x;Username=u";
}
