using System.Collections.Concurrent;

namespace Silo.Runtime;

/// <summary>The activation directory of this process: exactly one activation per grain id.</summary>
internal sealed class Catalog
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private volatile bool _stopping;

    public Catalog(SiloRuntime runtime, GrainClassRegistry registry)
    {
        Runtime = runtime;
        Registry = registry;
        GrainFactory = new GrainFactory(this, registry);
    }

    public IGrainFactory GrainFactory { get; }

    public SiloRuntime Runtime { get; }

    public GrainClassRegistry Registry { get; }

    public int Count => _activations.Count;

    public IEnumerable<ActivationData> Activations => _activations.Values;

    /// <summary>Returns the grain's activation, creating (and starting to activate) it on first use.
    /// Concurrent first calls may each build a candidate, but only the one stored is ever activated.</summary>
    public ActivationData GetOrCreateActivation(GrainId grainId, GrainClass grainClass)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        if (_stopping)
        {
            throw new InvalidOperationException($"The silo is stopping; grain {grainId} cannot be activated.");
        }

        var candidate = new ActivationData(grainId, grainClass, this, Runtime);
        var winner = _activations.GetOrAdd(grainId, candidate);
        if (ReferenceEquals(winner, candidate))
        {
            candidate.Activate();
        }

        return winner;
    }

    public void Remove(ActivationData activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    /// <summary>Deactivates everything (host shutdown) and waits until it has finished or the host's
    /// shutdown token fires; an activation still busy then is abandoned.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is stopping.");
        var all = _activations.Values.ToArray();
        foreach (var activation in all)
        {
            activation.Deactivate(reason);
        }

        await Task.WhenAll(all.Select(a => a.Deactivated)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deactivates the activations that have been idle for at least <paramref name="age"/>.</summary>
    public int CollectIdle(TimeSpan age)
    {
        var collected = 0;
        var reason = new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for {age}.");
        foreach (var activation in _activations.Values)
        {
            if (activation.IsIdleFor(age))
            {
                activation.Deactivate(reason);
                collected++;
            }
        }

        return collected;
    }
}
