namespace Storage.Tests.GrainStorage;

public sealed class GrainStorageSqliteTests() : GrainStorageTests(DatabaseProvider.Sqlite);
