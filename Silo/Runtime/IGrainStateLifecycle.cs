namespace Silo.Runtime;

/// <summary>A grain state that the activation reads before OnActivateAsync.</summary>
internal interface IGrainStateLifecycle
{
    Task ReadOnActivationAsync(CancellationToken cancellationToken);
}
