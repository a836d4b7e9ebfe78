namespace Silo.Runtime;

/// <summary>How a request may overlap other requests of the same activation.</summary>
internal enum InterleaveKind
{
    /// <summary>Runs alone: the default for grain methods.</summary>
    Exclusive,

    /// <summary>May overlap other read-only requests ([ReadOnly]).</summary>
    ReadOnly,

    /// <summary>May overlap anything ([AlwaysInterleave], interleaving timers).</summary>
    Always,
}

/// <summary>One message to an activation: a grain method call, a timer tick or a reminder.</summary>
internal abstract class Request(string methodName, InterleaveKind kind, CallChain? chain)
{
    public string MethodName { get; } = methodName;

    public InterleaveKind Kind { get; } = kind;

    public CallChain? Chain { get; } = chain;

    /// <summary>Timer ticks belong to one activation: they are dropped, not forwarded, when it is gone,
    /// and they do not count as activity for idle collection.</summary>
    public bool IsTimerTick { get; init; }

    /// <summary>Prepares the completion the caller waits on while the request is queued.</summary>
    public abstract void EnsureCompletion();

    /// <summary>Runs a request that was queued; its result goes to its completion.</summary>
    public abstract void StartQueued(ActivationData activation);

    public abstract void Reject(Exception exception);
}

/// <summary>A request whose grain method returns a <typeparamref name="T"/>.</summary>
internal sealed class Request<T>(
    string methodName,
    InterleaveKind kind,
    CallChain? chain,
    Func<object, object?[]?, Task<T>> body,
    object?[]? arguments) : Request(methodName, kind, chain)
{
    public static readonly Func<object?, Task<T>> ExecuteCallback = static state => ((Request<T>)state!).Execute();

    private TaskCompletionSource<T>? _completion;

    public ActivationData? Target { get; set; }

    public Task<T> Completion => _completion?.Task
        ?? throw new InvalidOperationException("The request was not queued.");

    public override void EnsureCompletion()
        => _completion ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void StartQueued(ActivationData activation)
    {
        var result = activation.Run(this, inline: false);
        if (result.IsCompleted)
        {
            Complete(result);
        }
        else
        {
            result.ContinueWith(
                static (task, state) => ((Request<T>)state!).Complete(task),
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    public override void Reject(Exception exception) => _completion?.TrySetException(exception);

    /// <summary>Runs on the activation's scheduler, with the call chain extended by this grain.</summary>
    private Task<T> Execute()
    {
        var activation = Target ?? throw new InvalidOperationException("The request has no target activation.");
        // The grain method's awaits capture the extended chain; restoring it afterwards matters when the
        // turn ran inline on the caller's thread, whose context must not keep this grain in its chain.
        var callerChain = CallChain.Current;
        CallChain.Current = Chain is null ? activation.OutermostChain : new CallChain(activation.GrainId, Chain);
        try
        {
            return body(activation.GrainInstance, arguments);
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
        finally
        {
            CallChain.Current = callerChain;
        }
    }

    private void Complete(Task<T> result)
    {
        if (result.IsCompletedSuccessfully)
        {
            _completion!.TrySetResult(result.Result);
        }
        else if (result.IsCanceled)
        {
            _completion!.TrySetCanceled();
        }
        else
        {
            _completion!.TrySetException(result.Exception!.InnerExceptions);
        }
    }
}
