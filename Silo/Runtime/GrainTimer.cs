using Microsoft.Extensions.Logging;

namespace Silo.Runtime;

/// <summary>A grain timer: each tick is a turn of the grain, and the next tick is scheduled only after
/// the callback has finished, so ticks never overlap. Disposed with its activation.</summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly InterleaveKind _kind;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();
    private TimeSpan _period;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period, bool interleave)
    {
        _activation = activation;
        _callback = callback;
        _kind = interleave ? InterleaveKind.Always : InterleaveKind.Exclusive;
        _period = period;
        // Created stopped, then started: a due time of zero may call back before CreateTimer returns (a fake clock does),
        // and the tick's follow-up needs _timer.
        _timer = activation.TimeProvider.CreateTimer(static state => ((GrainTimer)state!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        _period = period;
        if (!_disposed.IsCancellationRequested)
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private void Tick()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        var request = new Request<object?>("timer", _kind, chain: null, (_, _) => RunCallbackAsync(), arguments: null) { IsTimerTick = true };
        _activation.InvokeAsync(request).ContinueWith(
            static (tick, state) => ((GrainTimer)state!).AfterTick(tick),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task<object?> RunCallbackAsync()
    {
        await _callback(_disposed.Token);
        return null;
    }

    private void AfterTick(Task tick)
    {
        if (tick.IsFaulted)
        {
            _activation.Logger.LogWarning(tick.Exception?.GetBaseException(), "A timer callback of {GrainId} failed", _activation.GrainId);
        }

        if (_disposed.IsCancellationRequested || _period == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        try
        {
            _timer.Change(_period, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the change: nothing more to schedule.
        }
    }
}
