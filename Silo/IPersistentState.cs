namespace Silo;

/// <summary>A grain's durable state, read when the grain activates and written on request.</summary>
/// <remarks>Writes are optimistic: a write with a stale <see cref="Etag"/> throws
/// <see cref="InconsistentStateException"/> and the activation is deactivated, so the next call
/// reloads what is stored.</remarks>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
