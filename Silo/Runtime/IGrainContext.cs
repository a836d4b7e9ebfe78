namespace Silo.Runtime;

/// <summary>What a grain instance needs from the activation that hosts it.</summary>
internal interface IGrainContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    IServiceProvider Services { get; }

    void DeactivateOnIdle();

    void DelayDeactivation(TimeSpan timeSpan);

    IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period, bool interleave);

    Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminder(IGrainReminder reminder);

    Task<IGrainReminder?> GetReminder(string reminderName);
}

/// <summary>The activation whose grain is being constructed on this thread; read by <see cref="Grain"/>'s constructor.</summary>
internal static class GrainContextScope
{
    [ThreadStatic]
    private static IGrainContext? t_constructing;

    public static IGrainContext? Constructing => t_constructing;

    public static T Construct<T>(IGrainContext context, Func<T> create)
    {
        var previous = t_constructing;
        t_constructing = context;
        try
        {
            return create();
        }
        finally
        {
            t_constructing = previous;
        }
    }
}
