namespace Silo.Hosting;

/// <summary>Grain host settings. Bound from the configuration section "Silo".</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>An activation idle this long is collected (Orleans' default is 15 minutes).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Every grain call fails with <see cref="GrainCallTimeoutException"/> after this long.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Shortest reminder period accepted (Orleans' default is one minute; tests lower it).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long host shutdown waits for grains to deactivate.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
