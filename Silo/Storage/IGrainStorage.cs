namespace Silo.Storage;

/// <summary>Stored state of one grain, as serialized text, with its ETag.</summary>
public sealed record StoredState(string Payload, string ETag);

/// <summary>Durable grain state, keyed by grain id and state name, with optimistic concurrency.</summary>
public interface IGrainStorage
{
    /// <summary>Reads the stored state, or null when none is stored.</summary>
    Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken);

    /// <summary>Writes the state if the stored ETag still equals <paramref name="expectedEtag"/>
    /// (null: nothing may be stored yet) and returns the new ETag; otherwise throws
    /// <see cref="InconsistentStateException"/> and changes nothing.</summary>
    Task<string> WriteAsync(GrainId grainId, string stateName, string payload, string? expectedEtag, CancellationToken cancellationToken);

    /// <summary>Deletes the stored state under the same ETag rule as <see cref="WriteAsync"/>.</summary>
    Task ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken);
}
