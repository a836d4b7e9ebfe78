namespace Storage.Tests.Reminders;

public sealed class ReminderPostgresTests() : ReminderTests(DatabaseProvider.Postgres);
