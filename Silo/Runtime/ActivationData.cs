using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Silo.Diagnostics;

namespace Silo.Runtime;

/// <summary>One activation of one grain: its instance, its scheduler, its request gate and its life.</summary>
/// <remarks>The gate is Orleans' turn-based concurrency: an exclusive request runs alone from its first
/// line to its completion; queued requests start in arrival order. Everything that touches the gate
/// holds <see cref="_gate"/>; grain code never runs under it.</remarks>
internal sealed partial class ActivationData : IGrainContext
{
    private readonly Lock _gate = new();
    private readonly Queue<Request> _waiting = new();
    private readonly ActivationTaskScheduler _scheduler = new();
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Catalog _catalog;
    private readonly SiloRuntime _runtime;
    private readonly GrainTypeStatistics _statistics;
    private readonly List<IGrainStateLifecycle> _states = [];
    private readonly List<GrainTimer> _timers = [];
    private Grain? _grain;
    private ActivationStatus _status = ActivationStatus.Creating;
    private int _running = 1; // the activation itself holds the gate until it is ready
    private int _runningReadOnly;
    private bool _deactivateWhenIdle;
    private DeactivationReason _deactivationReason;
    private long _lastActive; // ActivityClock milliseconds
    private long _keepAliveUntil; // ActivityClock milliseconds

    public ActivationData(GrainId grainId, GrainClass grainClass, Catalog catalog, SiloRuntime runtime)
    {
        GrainId = grainId;
        OutermostChain = new CallChain(grainId, caller: null);
        GrainClass = grainClass;
        _catalog = catalog;
        _runtime = runtime;
        _statistics = runtime.Statistics.For(grainClass.GrainType);
        _lastActive = runtime.ActivityClock.NowMilliseconds;
    }

    public GrainId GrainId { get; }

    /// <summary>The chain of a call from outside any grain: the same for every such call, so it is made once.</summary>
    internal CallChain OutermostChain { get; }

    public GrainClass GrainClass { get; }

    public IGrainFactory GrainFactory => _catalog.GrainFactory;

    public IServiceProvider Services => _runtime.Services;

    public ActivationStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    public bool IsInvalid => _status == ActivationStatus.Invalid;

    /// <summary>Completes when this activation is gone.</summary>
    public Task Deactivated => _deactivated.Task;

    internal object GrainInstance => _grain ?? throw new InvalidOperationException($"{GrainId} is not active.");

    internal TimeProvider TimeProvider => _runtime.TimeProvider;

    internal ILogger Logger => _runtime.Logger;

    /// <summary>Delivers a call; returns its result, or a task that completes when it ran.</summary>
    public Task<T> InvokeAsync<T>(Request<T> request)
    {
        request.Target = this;
        switch (Admit(request))
        {
            case Admission.Start:
                return Run(request, inline: true);
            case Admission.Queued:
                return request.Completion;
            case Admission.Forward:
                return request.IsTimerTick
                    ? Task.FromCanceled<T>(new CancellationToken(canceled: true))
                    : _catalog.GetOrCreateActivation(GrainId, GrainClass).InvokeAsync(request);
            default:
                return Task.FromException<T>(DeadlockError(request));
        }
    }

    /// <summary>Delivers a request that was queued at an activation that has since gone.</summary>
    public void Accept(Request request)
    {
        switch (Admit(request))
        {
            case Admission.Start:
                request.StartQueued(this);
                break;
            case Admission.Queued:
                break;
            case Admission.Forward when request.IsTimerTick:
                request.Reject(new OperationCanceledException("The activation that owned this timer is gone."));
                break;
            case Admission.Forward:
                _catalog.GetOrCreateActivation(GrainId, GrainClass).Accept(request);
                break;
            default:
                request.Reject(DeadlockError(request));
                break;
        }
    }

    /// <summary>Runs an admitted request on this activation's scheduler.</summary>
    internal Task<T> Run<T>(Request<T> request, bool inline)
    {
        request.Target = this;
        var started = CallTiming.Start();
        var turn = new Task<Task<T>>(Request<T>.ExecuteCallback, request);
        if (inline)
        {
            _scheduler.StartInlineIfFree(turn);
        }
        else
        {
            turn.Start(_scheduler);
        }

        if (turn.IsCompleted && turn.Result.IsCompleted)
        {
            Exit(request, turn.Result, started);
            return turn.Result;
        }

        return CompleteAsync(turn, request, started);
    }

    public void DeactivateOnIdle() => Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = _runtime.ActivityClock.NowMilliseconds + (long)timeSpan.TotalMilliseconds;
        Interlocked.Exchange(ref _keepAliveUntil, until);
    }

    /// <summary>Asks the activation to deactivate once its running requests have finished.</summary>
    public void Deactivate(DeactivationReason reason)
    {
        lock (_gate)
        {
            if (_status != ActivationStatus.Valid)
            {
                return;
            }

            _deactivationReason = reason;
            if (_running > 0)
            {
                _deactivateWhenIdle = true;
                return;
            }

            _status = ActivationStatus.Deactivating;
        }

        StartDeactivation();
    }

    /// <summary>True when no request has run for longer than <paramref name="age"/> and none is running.</summary>
    public bool IsIdleFor(TimeSpan age)
    {
        var now = _runtime.ActivityClock.NowMilliseconds;
        if (now < Interlocked.Read(ref _keepAliveUntil))
        {
            return false;
        }

        lock (_gate)
        {
            return _status == ActivationStatus.Valid && _running == 0 && _waiting.Count == 0
                && now - _lastActive >= (long)age.TotalMilliseconds;
        }
    }

    internal void AddState(IGrainStateLifecycle state) => _states.Add(state);

    private enum Admission
    {
        Start,
        Queued,
        Forward,
        Deadlock,
    }

    private Admission Admit(Request request)
    {
        lock (_gate)
        {
            switch (_status)
            {
                case ActivationStatus.Valid when CanStart(request.Kind):
                    Enter(request.Kind);
                    return Admission.Start;
                case ActivationStatus.Valid or ActivationStatus.Creating:
                    if (request.Chain?.Contains(GrainId) == true)
                    {
                        return Admission.Deadlock;
                    }

                    request.EnsureCompletion();
                    _waiting.Enqueue(request);
                    return Admission.Queued;
                case ActivationStatus.Deactivating:
                    request.EnsureCompletion();
                    _waiting.Enqueue(request);
                    return Admission.Queued;
                default:
                    request.EnsureCompletion();
                    return Admission.Forward;
            }
        }
    }

    private bool CanStart(InterleaveKind kind) => _running == 0
        || GrainClass.IsReentrant
        || kind == InterleaveKind.Always
        || (kind == InterleaveKind.ReadOnly && _runningReadOnly == _running);

    private void Enter(InterleaveKind kind)
    {
        _running++;
        if (kind == InterleaveKind.ReadOnly)
        {
            _runningReadOnly++;
        }
    }

    private async Task<T> CompleteAsync<T>(Task<Task<T>> turn, Request<T> request, long started)
    {
        var result = await turn.ConfigureAwait(false);
        try
        {
            return await result.ConfigureAwait(false);
        }
        finally
        {
            Exit(request, result, started);
        }
    }

    /// <summary>Releases the gate after a request and starts what may run next.</summary>
    private void Exit(Request request, Task result, long started)
    {
        _statistics.RecordCall(started, result.IsFaulted);
        List<Request>? next = null;
        var deactivate = false;
        lock (_gate)
        {
            _running--;
            if (request.Kind == InterleaveKind.ReadOnly)
            {
                _runningReadOnly--;
            }

            if (!request.IsTimerTick)
            {
                _lastActive = _runtime.ActivityClock.NowMilliseconds;
            }

            if (_deactivateWhenIdle && _running == 0)
            {
                _status = ActivationStatus.Deactivating;
                deactivate = true;
            }
            else
            {
                next = AdmitWaiting();
            }
        }

        StartAll(next);
        if (deactivate)
        {
            StartDeactivation();
        }
    }

    /// <summary>Takes, in arrival order, the waiting requests that may start now.</summary>
    private List<Request>? AdmitWaiting()
    {
        List<Request>? next = null;
        while (_status == ActivationStatus.Valid && _waiting.TryPeek(out var head) && CanStart(head.Kind))
        {
            _waiting.Dequeue();
            Enter(head.Kind);
            (next ??= []).Add(head);
        }

        return next;
    }

    private void StartAll(List<Request>? requests)
    {
        if (requests is null)
        {
            return;
        }

        foreach (var request in requests)
        {
            request.StartQueued(this);
        }
    }

    private DeadlockException DeadlockError(Request request)
    {
        var chain = request.Chain?.ToList() ?? [];
        var names = string.Join(" → ", chain.Append(GrainId));
        return new DeadlockException(
            $"Call chain {names} comes back into {GrainId}, which is not reentrant and is waiting on that chain ({request.MethodName}). "
            + "Make the method [AlwaysInterleave] or [ReadOnly], the grain [Reentrant], or break the cycle.",
            [.. chain, GrainId]);
    }
}
