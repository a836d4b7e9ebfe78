namespace Silo;

/// <summary>A state write found the stored ETag changed: another activation or host wrote first.</summary>
public sealed class InconsistentStateException(string message, string? storedEtag, string? currentEtag)
    : Exception(message)
{
    public string? StoredEtag { get; } = storedEtag;

    public string? CurrentEtag { get; } = currentEtag;
}

/// <summary>A call would come back into a non-reentrant grain that is waiting on the same call chain.</summary>
public sealed class DeadlockException(string message, IReadOnlyList<GrainId> callChain) : Exception(message)
{
    public IReadOnlyList<GrainId> CallChain { get; } = callChain;
}

/// <summary>A grain could not be activated (constructor, state read or OnActivateAsync failed).</summary>
public sealed class GrainActivationException(string message, Exception inner) : Exception(message, inner);

/// <summary>Stored grain state could not be read back into its state type; it is left untouched.</summary>
public sealed class GrainStateCorruptException(string message, Exception inner) : Exception(message, inner);

/// <summary>A grain call did not complete within the configured response timeout.</summary>
public sealed class GrainCallTimeoutException(string message) : TimeoutException(message);
