namespace Silo.Runtime;

/// <summary>The grains a call passed through, innermost first; flows with the async call.</summary>
/// <remarks>Used to fail at once, naming the chain, when a call would come back into a non-reentrant
/// grain that is itself waiting on that chain (A → B → A), instead of hanging until the timeout.</remarks>
internal sealed class CallChain(GrainId grainId, CallChain? caller)
{
    private static readonly AsyncLocal<CallChain?> s_current = new();

    public static CallChain? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public GrainId GrainId { get; } = grainId;

    public CallChain? Caller { get; } = caller;

    public bool Contains(GrainId grainId)
    {
        for (var link = this; link is not null; link = link.Caller)
        {
            if (link.GrainId == grainId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The chain from the outermost caller to the innermost grain.</summary>
    public IReadOnlyList<GrainId> ToList()
    {
        var list = new List<GrainId>();
        for (var link = this; link is not null; link = link.Caller)
        {
            list.Add(link.GrainId);
        }

        list.Reverse();
        return list;
    }
}
