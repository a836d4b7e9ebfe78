using Silo.Storage;

namespace Silo.Tests.Storage;

public sealed class ReminderTablePostgresTests() : ReminderTableTests(DatabaseProvider.Postgres);
