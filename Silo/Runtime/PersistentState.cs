namespace Silo.Runtime;

/// <summary>The runtime's <see cref="IPersistentState{TState}"/>: one named state of one activation.</summary>
internal sealed class PersistentState<TState>(ActivationData activation, string stateName, GrainStateStorage storage)
    : IPersistentState<TState>, IGrainStateLifecycle
{
    private TState _state = CreateDefault();

    public TState State
    {
        get => _state;
        set => _state = value ?? throw new ArgumentNullException(nameof(value), $"State '{stateName}' of {activation.GrainId} cannot be null.");
    }

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public Task ReadOnActivationAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.Storage.ReadAsync(activation.GrainId, stateName, cancellationToken);
        if (stored is null)
        {
            _state = CreateDefault();
            Etag = null;
            RecordExists = false;
            return;
        }

        _state = GrainStateStorage.Deserialize<TState>(activation.GrainId, stateName, stored.Payload);
        Etag = stored.ETag;
        RecordExists = true;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var payload = GrainStateStorage.Serialize(_state);
        try
        {
            Etag = await storage.Storage.WriteAsync(activation.GrainId, stateName, payload, Etag, cancellationToken);
            RecordExists = true;
        }
        catch (InconsistentStateException)
        {
            DeactivateAfterConflict();
            throw;
        }
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.Storage.ClearAsync(activation.GrainId, stateName, Etag, cancellationToken);
        }
        catch (InconsistentStateException)
        {
            DeactivateAfterConflict();
            throw;
        }

        _state = CreateDefault();
        Etag = null;
        RecordExists = false;
    }

    /// <summary>Another writer got there first: this activation's copy is stale, so the next call must
    /// start from a fresh activation that reads what is stored.</summary>
    private void DeactivateAfterConflict() => activation.Deactivate(new DeactivationReason(
        DeactivationReasonCode.InconsistentState, $"State '{stateName}' was changed by another writer."));

    private static TState CreateDefault()
    {
        try
        {
            return Activator.CreateInstance<TState>();
        }
        catch (MissingMethodException exception)
        {
            throw new InvalidOperationException(
                $"Grain state type {typeof(TState).Name} needs a public parameterless constructor (give every property a default).", exception);
        }
    }
}
