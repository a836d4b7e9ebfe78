using System.Data.Common;

namespace Silo.Storage;

/// <summary>Reminders in the grain_reminders table; the period is kept in whole milliseconds.</summary>
public sealed class AdoNetReminderTable(IDatabase database) : IReminderTable
{
    private const string Columns = "SELECT grain_type, grain_key, name, start_at, period_ms FROM grain_reminders";

    private const string ReadAllSql = Columns + " ORDER BY grain_type, grain_key, name";

    private const string ReadSql = Columns + " WHERE grain_type = @type AND grain_key = @key AND name = @name";

    private const string UpsertSql =
        "INSERT INTO grain_reminders (grain_type, grain_key, name, start_at, period_ms) " +
        "VALUES (@type, @key, @name, @startAt, @periodMs) " +
        "ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET start_at = excluded.start_at, period_ms = excluded.period_ms";

    private const string DeleteSql = "DELETE FROM grain_reminders WHERE grain_type = @type AND grain_key = @key AND name = @name";

    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, ReadAllSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ToEntry(reader));
        }

        return entries;
    }

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, ReadSql).WithKey(grainId, name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ToEntry(reader) : null;
    }

    public async Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThan(entry.Period, TimeSpan.Zero, nameof(entry));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, UpsertSql)
            .WithKey(entry.GrainId, entry.Name)
            .With("@startAt", entry.StartAt)
            .With("@periodMs", (long)entry.Period.TotalMilliseconds);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, DeleteSql).WithKey(grainId, name);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static ReminderEntry ToEntry(DbDataReader reader) => new(
        new GrainId(reader.GetString(0), reader.GetString(1)),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3).ToUniversalTime(),
        TimeSpan.FromMilliseconds(reader.GetInt64(4)));
}
