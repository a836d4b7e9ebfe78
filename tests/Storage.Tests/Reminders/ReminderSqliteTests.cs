namespace Storage.Tests.Reminders;

public sealed class ReminderSqliteTests() : ReminderTests(DatabaseProvider.Sqlite);
