using Silo.Storage;

namespace Silo.Tests.Storage;

public sealed class GrainStoragePostgresTests() : GrainStorageTests(DatabaseProvider.Postgres);
