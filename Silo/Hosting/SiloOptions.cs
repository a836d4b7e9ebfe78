namespace Silo.Hosting;

/// <summary>How this process takes part in the Orleans cluster. Bound from the configuration section "Silo".</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary><see cref="SiloClustering.Localhost"/>: one silo on its own (the embedded default).
    /// <see cref="SiloClustering.AdoNet"/>: silos find each other through the membership table in PostgreSQL.</summary>
    public SiloClustering Clustering { get; set; } = SiloClustering.Localhost;

    /// <summary>Silos and clients with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "commandcentre";

    /// <summary>Stays the same across deployments: grain state and reminders are keyed by it.</summary>
    public string ServiceId { get; set; } = "commandcentre";

    /// <summary>The address other silos and clients reach this silo on: an IP address or a host name (resolved at start-up).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients (Dashboard processes in a cluster) connect to; 0 opens no gateway.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>An activation idle this long is collected.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A grain call fails with a <see cref="TimeoutException"/> after this long.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A Dashboard client's grain call fails after this long: shorter than a silo's, so a page whose call went through
    /// a silo that died answers "temporarily unavailable" soon instead of hanging.</summary>
    public TimeSpan ClientResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Shortest reminder period accepted (Orleans' default is one minute; tests lower it).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long shutdown waits for an activation to deactivate.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>How silos find each other.</summary>
public enum SiloClustering
{
    /// <summary>A single silo on 127.0.0.1; nothing is stored about membership.</summary>
    Localhost,

    /// <summary>Orleans' ADO.NET membership table in the PostgreSQL database (Storage:ConnectionString).</summary>
    AdoNet,
}
