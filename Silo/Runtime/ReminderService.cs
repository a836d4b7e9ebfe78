using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Silo.Storage;

namespace Silo.Runtime;

/// <summary>Durable reminders: kept in the reminder table, scheduled in memory, delivered to
/// <see cref="IRemindable.ReceiveReminder"/> as grain calls that activate the grain if needed.</summary>
/// <remarks>All reminders are loaded at start-up; one that fell due while the host was down fires once
/// at once, then keeps its period. One host per database runs reminders.</remarks>
internal sealed class ReminderService(IReminderTable table, Catalog catalog, SiloRuntime runtime) : IAsyncDisposable
{
    // Fields rather than captured parameters: the nested ScheduledReminder reads them through its owner.
    private readonly ConcurrentDictionary<(GrainId, string), ScheduledReminder> _scheduled = new();

    public int Count => _scheduled.Count;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await table.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Schedule(entry);
        }
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (period < runtime.Options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(
                nameof(period), period, $"Reminder '{name}' of {grainId}: the period must be at least {runtime.Options.MinimumReminderPeriod}.");
        }

        var entry = new ReminderEntry(grainId, name, runtime.TimeProvider.GetUtcNow() + dueTime, period);
        await table.UpsertAsync(entry, CancellationToken.None).ConfigureAwait(false);
        Schedule(entry);
        return new Reminder(name);
    }

    public async Task UnregisterAsync(GrainId grainId, string name)
    {
        await table.RemoveAsync(grainId, name, CancellationToken.None).ConfigureAwait(false);
        if (_scheduled.TryRemove((grainId, name), out var scheduled))
        {
            scheduled.Dispose();
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string name)
    {
        var entry = await table.ReadAsync(grainId, name, CancellationToken.None).ConfigureAwait(false);
        return entry is null ? null : new Reminder(entry.Name);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var scheduled in _scheduled.Values)
        {
            scheduled.Dispose();
        }

        _scheduled.Clear();
        return ValueTask.CompletedTask;
    }

    private void Schedule(ReminderEntry entry)
    {
        var grainClass = catalog.Registry.ForGrainType(entry.GrainId.Type);
        if (grainClass is null)
        {
            runtime.Logger.LogWarning("Reminder {Name} of {GrainId} names an unknown grain type; it is kept but not scheduled", entry.Name, entry.GrainId);
            return;
        }

        var scheduled = new ScheduledReminder(entry, grainClass, catalog, runtime);
        if (_scheduled.TryGetValue((entry.GrainId, entry.Name), out var previous))
        {
            previous.Dispose();
        }

        _scheduled[(entry.GrainId, entry.Name)] = scheduled;
        scheduled.Start(runtime.TimeProvider);
    }

    private sealed record Reminder(string ReminderName) : IGrainReminder;

    /// <summary>One reminder's in-memory timer; replaced when the reminder is updated.</summary>
    private sealed class ScheduledReminder(ReminderEntry entry, GrainClass grainClass, Catalog catalog, SiloRuntime runtime) : IDisposable
    {
        private ITimer? _timer;
        private volatile bool _disposed;

        /// <summary>Creates the timer stopped, then starts it: a reminder already due may fire before CreateTimer returns
        /// (a fake clock calls back synchronously), and <see cref="AfterFire"/> needs the timer to schedule the next tick.</summary>
        public void Start(TimeProvider time)
        {
            _timer = time.CreateTimer(static state => ((ScheduledReminder)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(DueIn(time.GetUtcNow()), Timeout.InfiniteTimeSpan);
        }

        public void Dispose()
        {
            _disposed = true;
            _timer?.Dispose();
        }

        private TimeSpan DueIn(DateTimeOffset now) => entry.StartAt > now ? entry.StartAt - now : TimeSpan.Zero;

        private void Fire()
        {
            if (_disposed)
            {
                return;
            }

            var time = runtime.TimeProvider;
            var now = time.GetUtcNow();
            var status = new TickStatus(entry.StartAt, entry.Period, now);
            var request = new Request<object?>(
                "IRemindable.ReceiveReminder", InterleaveKind.Exclusive, chain: null,
                async (grain, _) =>
                {
                    await ((IRemindable)grain).ReceiveReminder(entry.Name, status);
                    return null;
                },
                arguments: null);
            Task delivery;
            try
            {
                delivery = catalog.GetOrCreateActivation(entry.GrainId, grainClass).InvokeAsync(request);
            }
            catch (Exception exception)
            {
                delivery = Task.FromException(exception);
            }

            delivery.ContinueWith(
                static (task, state) => ((ScheduledReminder)state!).AfterFire(task),
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        private void AfterFire(Task delivery)
        {
            if (delivery.IsFaulted)
            {
                runtime.Logger.LogWarning(delivery.Exception?.GetBaseException(), "Reminder {Name} of {GrainId} failed", entry.Name, entry.GrainId);
            }

            if (_disposed)
            {
                return;
            }

            // The next tick is the next multiple of the period after now, so a slow grain never causes a burst.
            var now = runtime.TimeProvider.GetUtcNow();
            var elapsedPeriods = Math.Floor((now - entry.StartAt) / entry.Period) + 1;
            var next = entry.StartAt + (entry.Period * Math.Max(1, elapsedPeriods));
            try
            {
                _timer?.Change(next - now, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Unregistered meanwhile.
            }
        }
    }
}
