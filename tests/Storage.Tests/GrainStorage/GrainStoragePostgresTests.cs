namespace Storage.Tests.GrainStorage;

public sealed class GrainStoragePostgresTests() : GrainStorageTests(DatabaseProvider.Postgres);
