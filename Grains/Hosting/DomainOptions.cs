using Grains.Abstractions.Appeals;

namespace Grains.Hosting;

/// <summary>Domain settings. Bound from the configuration section "Domain".</summary>
public sealed class DomainOptions
{
    public const string SectionName = "Domain";

    /// <summary>The district of officials who serve no town (district leaders, department officials).</summary>
    public string DistrictCode { get; set; } = "demo-00";

    /// <summary>Load the demo district when the database has none (the embedded default turns this on).</summary>
    public bool SeedDemoDistrict { get; set; }

    /// <summary>The demo generator's seed; the same seed always gives the same district.</summary>
    public int DemoSeed { get; set; } = 20_251_117;

    /// <summary>Routing rules that override a category's lead department, e.g. a town that answers its own 兜底 appeals.</summary>
    public List<RoutingRule> RoutingRules { get; set; } = [];

    /// <summary>Duplicate suggestions look this many days back.</summary>
    public int DuplicateWindowDays { get; set; } = 30;

    /// <summary>Located appeals of one category within this distance are suggested as duplicates.</summary>
    public double DuplicateRadiusMetres { get; set; } = 50;

    /// <summary>How often an open appeal's SLA reminder fires at the latest, as a safety net between due reviews.</summary>
    public TimeSpan SlaReminderPeriod { get; set; } = TimeSpan.FromHours(1);
}
