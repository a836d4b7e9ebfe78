using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;

namespace Storage.Tests.Infrastructure;

/// <summary>Silos of one cluster on PostgreSQL: ADO.NET clustering, ports of their own, the same cluster and service ids.</summary>
public static class ClusterSilos
{
    public const string ClusterId = "storage-tests";

    /// <summary>Adds ADO.NET clustering and a gateway port of its own to a test silo's settings.</summary>
    public static Dictionary<string, string?> AsClusterMember(this Dictionary<string, string?> settings)
    {
        settings["Silo:Clustering"] = "AdoNet";
        settings["Silo:ClusterId"] = ClusterId;
        settings["Silo:ServiceId"] = ClusterId;
        settings["Silo:GatewayPort"] = TestSiloHost.FreePort().ToString(CultureInfo.InvariantCulture);
        return settings;
    }

    public static IGrainFactory Grains(this IHost silo) => silo.Services.GetRequiredService<IGrainFactory>();

    public static SiloAddress Address(this IHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>The silos this silo currently believes active.</summary>
    public static IReadOnlyList<SiloAddress> ActiveSilos(this IHost silo) =>
        [.. silo.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active)
            .Select(member => member.SiloAddress)];

    /// <summary>Waits until every given silo sees exactly these silos active.</summary>
    public static Task UntilEachSeesAsync(IReadOnlyList<IHost> silos, string what)
    {
        var expected = silos.Select(Address).OrderBy(address => address.ToString(), StringComparer.Ordinal).ToList();
        return Eventually.UntilAsync(
            () => silos.All(silo => silo.ActiveSilos().OrderBy(address => address.ToString(), StringComparer.Ordinal).SequenceEqual(expected)),
            what);
    }
}
