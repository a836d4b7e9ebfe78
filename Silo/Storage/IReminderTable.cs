namespace Silo.Storage;

/// <summary>A durable reminder: fires first at <see cref="StartAt"/>, then every <see cref="Period"/>.</summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period);

/// <summary>The durable table of reminders, read at start-up so that reminders survive a restart.</summary>
public interface IReminderTable
{
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken);

    Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the reminder of that grain and name.</summary>
    Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes the reminder; returns false when there was none.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken);
}
