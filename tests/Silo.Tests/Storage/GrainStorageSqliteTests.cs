using Silo.Storage;

namespace Silo.Tests.Storage;

public sealed class GrainStorageSqliteTests() : GrainStorageTests(DatabaseProvider.Sqlite);
