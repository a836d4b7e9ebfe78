using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Silo.Runtime;

/// <summary>Activation and deactivation, timers and reminders of one activation.</summary>
internal sealed partial class ActivationData
{
    /// <summary>Constructs the grain, reads its state and runs OnActivateAsync, as the activation's first turn.</summary>
    public void Activate()
    {
        var turn = new Task<Task>(static state => ((ActivationData)state!).ActivateCoreAsync(), this);
        turn.Start(_scheduler);
        turn.Unwrap().ContinueWith(
            static (task, state) => ((ActivationData)state!).OnActivated(task),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period, bool interleave)
    {
        var timer = new GrainTimer(this, callback, dueTime, period, interleave);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    public Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (_grain is not IRemindable)
        {
            throw new InvalidOperationException($"{GrainId} registers reminder '{reminderName}' but its class {GrainClass.ClassType.Name} does not implement IRemindable.");
        }

        return Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);
    }

    public Task UnregisterReminder(IGrainReminder reminder) => Reminders.UnregisterAsync(GrainId, reminder.ReminderName);

    public Task<IGrainReminder?> GetReminder(string reminderName) => Reminders.GetAsync(GrainId, reminderName);

    private ReminderService Reminders => _runtime.Services.GetRequiredService<ReminderService>();

    private async Task ActivateCoreAsync()
    {
        using var timeout = new CancellationTokenSource(_runtime.Options.ResponseTimeout, TimeProvider);
        var grain = GrainContextScope.Construct(this, () => GrainClass.Create(this));
        _grain = grain;
        foreach (var state in _states)
        {
            await state.ReadOnActivationAsync(timeout.Token);
        }

        await grain.OnActivateAsync(timeout.Token);
    }

    private void OnActivated(Task activation)
    {
        if (activation.IsCompletedSuccessfully)
        {
            List<Request>? next;
            lock (_gate)
            {
                _status = ActivationStatus.Valid;
                _running = 0;
                _lastActive = _runtime.ActivityClock.NowMilliseconds;
                next = AdmitWaiting();
            }

            _statistics.ActivationAdded();
            StartAll(next);
            return;
        }

        var cause = activation.Exception?.GetBaseException() ?? new OperationCanceledException("Activation was cancelled.");
        var error = new GrainActivationException($"Could not activate grain {GrainId}: {cause.Message}", cause);
        Logger.LogError(cause, "Could not activate grain {GrainId}", GrainId);
        _catalog.Remove(this);
        foreach (var request in TakeWaitingAndInvalidate())
        {
            request.Reject(error);
        }

        _deactivated.TrySetResult();
    }

    private void StartDeactivation()
    {
        var turn = new Task<Task>(static state => ((ActivationData)state!).DeactivateCoreAsync(), this);
        turn.Start(_scheduler);
        turn.Unwrap().ContinueWith(
            static (_, state) => ((ActivationData)state!).OnDeactivated(),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task DeactivateCoreAsync()
    {
        GrainTimer[] timers;
        lock (_gate)
        {
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        using var timeout = new CancellationTokenSource(_runtime.Options.DeactivationTimeout, TimeProvider);
        try
        {
            if (_grain is not null)
            {
                await _grain.OnDeactivateAsync(_deactivationReason, timeout.Token);
            }
        }
        catch (Exception exception)
        {
            Logger.LogWarning(exception, "OnDeactivateAsync of {GrainId} failed ({Reason})", GrainId, _deactivationReason.Description);
        }
    }

    private void OnDeactivated()
    {
        _catalog.Remove(this);
        var waiting = TakeWaitingAndInvalidate();
        _statistics.ActivationRemoved();
        _deactivated.TrySetResult();
        foreach (var request in waiting)
        {
            if (request.IsTimerTick)
            {
                request.Reject(new OperationCanceledException("The activation that owned this timer is gone."));
            }
            else
            {
                _catalog.GetOrCreateActivation(GrainId, GrainClass).Accept(request);
            }
        }
    }

    private Request[] TakeWaitingAndInvalidate()
    {
        lock (_gate)
        {
            _status = ActivationStatus.Invalid;
            var waiting = _waiting.ToArray();
            _waiting.Clear();
            return waiting;
        }
    }
}
