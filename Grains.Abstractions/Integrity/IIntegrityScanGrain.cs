using Orleans;
using Orleans.Concurrency;

namespace Grains.Abstractions.Integrity;

/// <summary>Checks every appeal of one district against its sealed history (at silo start-up and daily), records what fails
/// and logs it; keyed by the district code, so a cluster checks each district once, not once per silo.</summary>
[Alias("cc.IIntegrityScanGrain")]
public interface IIntegrityScanGrain : IGrainWithStringKey
{
    /// <summary>核查: checks every appeal of the district now, records the findings (and clears those that check out again).</summary>
    Task<IntegrityScanResult> Scan();

    /// <summary>Asks for the start-up check; every silo asks when it starts, and the district checks once for all of them.</summary>
    [OneWay]
    Task RequestStartUpScan();
}
