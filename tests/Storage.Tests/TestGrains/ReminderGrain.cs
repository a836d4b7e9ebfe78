using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;

namespace Storage.Tests.TestGrains;

/// <summary>A grain with a durable reminder that reports each tick to its silo's <see cref="ReminderProbe"/>.</summary>
[Alias("storage-tests.IReminderGrain")]
public interface IReminderGrain : IGrainWithStringKey
{
    Task Start(TimeSpan dueTime, TimeSpan period);

    Task Stop();

    Task<bool> IsRegistered();
}

/// <summary>What one silo saw: register one per silo host, so a tick shows which silo fired it.</summary>
public sealed class ReminderProbe
{
    private readonly ConcurrentQueue<string> ticks = new();

    public IReadOnlyCollection<string> Ticks => ticks;

    public void Record(string tick) => ticks.Enqueue(tick);
}

[GrainType("storage-tests-reminder")]
internal sealed class ReminderGrain(ReminderProbe probe) : Grain, IReminderGrain, IRemindable
{
    public const string ReminderName = "tick";

    public Task Start(TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public async Task Stop()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<bool> IsRegistered() => await this.GetReminder(ReminderName) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record($"{this.GetPrimaryKeyString()}:{reminderName}");
        return Task.CompletedTask;
    }
}
