namespace Silo.Tests.TestGrains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task Start(TimeSpan dueTime, TimeSpan period);

    Task Stop();

    Task StartTimer(TimeSpan period);

    Task<int> TimerTicks();

    Task<int> TimerOverlaps();
}

/// <summary>Registers a durable reminder and a timer, and reports their ticks to the probe.</summary>
public sealed class ReminderGrain(Probe probe) : Grain, IReminderGrain, IRemindable
{
    private int _ticks;
    private int _overlaps;
    private bool _inTick;

    public async Task Start(TimeSpan dueTime, TimeSpan period) =>
        await RegisterOrUpdateReminder("tick", dueTime, period);

    public async Task Stop()
    {
        var reminder = await GetReminder("tick");
        if (reminder is not null)
        {
            await UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record($"reminder:{GetPrimaryKeyString()}:{reminderName}");
        return Task.CompletedTask;
    }

    public Task StartTimer(TimeSpan period)
    {
        RegisterGrainTimer(async _ =>
        {
            if (_inTick)
            {
                _overlaps++;
            }

            _inTick = true;
            await Task.Yield();
            _ticks++;
            _inTick = false;
            probe.Record($"timer:{GetPrimaryKeyString()}:{_ticks}");
        }, period, period);
        return Task.CompletedTask;
    }

    public Task<int> TimerTicks() => Task.FromResult(_ticks);

    public Task<int> TimerOverlaps() => Task.FromResult(_overlaps);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivated:{GetPrimaryKeyString()}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }
}
