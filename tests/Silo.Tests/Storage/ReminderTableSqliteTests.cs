using Silo.Storage;

namespace Silo.Tests.Storage;

public sealed class ReminderTableSqliteTests() : ReminderTableTests(DatabaseProvider.Sqlite);
