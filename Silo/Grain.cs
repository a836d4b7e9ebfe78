using System.Globalization;
using Silo.Runtime;

namespace Silo;

/// <summary>Base class of every grain, as in Orleans: identity, lifecycle hooks, timers and reminders.</summary>
/// <remarks>Grain code runs one turn at a time on its activation's scheduler; do not use
/// <c>ConfigureAwait(false)</c> or <c>Task.Run</c> in grain code, or the rest of the method leaves it.</remarks>
public abstract class Grain : IAddressable
{
    private readonly IGrainContext _context;

    /// <summary>Grains are created by the silo on their first call, never with <c>new</c>.</summary>
    protected Grain()
    {
        _context = GrainContextScope.Constructing
            ?? throw new InvalidOperationException(
                $"{GetType().Name} is a grain: get it with IGrainFactory.GetGrain, do not construct it.");
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => _context.GrainId;

    /// <summary>Gets references to other grains.</summary>
    protected IGrainFactory GrainFactory => _context.GrainFactory;

    /// <summary>Runs after the state is read and before the first call is delivered.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the activation is collected, asked to deactivate, or the host stops.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The string key of a grain with a string key.</summary>
    public string GetPrimaryKeyString() => _context.GrainId.Key;

    /// <summary>The key of a grain with a Guid key.</summary>
    public Guid GetPrimaryKey() => Guid.ParseExact(_context.GrainId.Key, "N");

    /// <summary>The key of a grain with an integer key.</summary>
    public long GetPrimaryKeyLong() => long.Parse(_context.GrainId.Key, CultureInfo.InvariantCulture);

    /// <summary>Deactivates this activation once the current call has finished.</summary>
    protected void DeactivateOnIdle() => _context.DeactivateOnIdle();

    /// <summary>Keeps this activation from idle collection for at least the given time.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => _context.DelayDeactivation(timeSpan);

    /// <summary>Starts a timer whose callbacks run as turns of this grain and never overlap; it stops
    /// when the grain deactivates.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period, bool interleave = false)
        => _context.RegisterTimer(callback, dueTime, period, interleave);

    /// <summary>Registers or updates a durable reminder; it fires after restarts and activates the grain
    /// if needed. The grain must implement <see cref="IRemindable"/>.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
        => _context.RegisterOrUpdateReminder(reminderName, dueTime, period);

    /// <summary>Removes a durable reminder.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) => _context.UnregisterReminder(reminder);

    /// <summary>Returns the reminder of that name, or null.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) => _context.GetReminder(reminderName);
}
