using System.Globalization;
using Grains.Abstractions.Errors;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;
using Storage.Tests.Infrastructure;
using Storage.Tests.TestGrains;

namespace Storage.Tests.Cluster;

/// <summary>Two silos form one cluster through Orleans' ADO.NET membership table (PostgreSQL only: SQLite has no clustering),
/// keep a grain's state when the silo it lived on stops, is disposed or is killed, and carry a domain refusal across silos.
/// The silos run in this process, except the one that is killed.</summary>
public sealed class ClusterPostgresTests() : DatabaseTestBase(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task GetHosts_TwoSilosWithAdoNetClustering_ShowTwoActiveSilos()
    {
        var (siloA, siloB) = await StartClusterAsync();

        var hosts = await siloA.Grains().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Equal(
            new[] { siloA.Address(), siloB.Address() }.Order(),
            hosts.Where(host => host.Value == SiloStatus.Active).Select(host => host.Key).Order());
        Assert.Equal(2, await Db.CountAsync(
            $"SELECT COUNT(*) FROM OrleansMembershipTable WHERE DeploymentId = '{ClusterSilos.ClusterId}' AND Status = {(int)SiloStatus.Active}"));
    }

    [Fact]
    public async Task ReadStateAsync_SiloHoldingTheGrainStopped_OtherSiloReadsTheState()
    {
        var (siloA, siloB) = await StartClusterAsync();
        var grain = await GrainOnAsync(siloA, siloB, "k-stopped");
        await grain.Write("written on B");

        await StopSiloAsync(siloB);
        await ClusterSilos.UntilEachSeesAsync([siloA], "silo A sees that silo B left");

        Assert.Equal("written on B", await grain.Get());
        Assert.Equal(siloA.Address(), await grain.Where());
    }

    [Fact]
    public async Task ReadStateAsync_SiloHoldingTheGrainDisposedWithoutStopping_OtherSiloReadsTheState()
    {
        var (siloA, siloB) = await StartClusterAsync();
        var grain = await GrainOnAsync(siloA, siloB, "k-disposed");
        await grain.Write("written on B");

        await DisposeSiloAsync(siloB);

        Assert.Equal("written on B", await Eventually.SucceedsAsync(grain.Get, "the grain answers again"));
        Assert.Equal(siloA.Address(), await grain.Where());
    }

    [Fact]
    public async Task ReadStateAsync_SiloHoldingTheGrainKilled_OtherSiloDeclaresItDeadAndReadsTheState()
    {
        var siloA = await StartSiloAsync(SiloSettings().AsClusterMember());
        var portB = TestSiloHost.FreePort();
        var settingsB = SiloSettings().AsClusterMember();
        settingsB["Silo:SiloPort"] = portB.ToString(CultureInfo.InvariantCulture);
        // In a process of its own: a silo in this process cannot die without telling the cluster (disposed, it still
        // writes "dead" into the membership table), and a killed process can.
        await using var siloB = await SiloProcess.StartAsync(settingsB);
        await Eventually.UntilAsync(() => siloA.ActiveSilos().Any(silo => silo.Endpoint.Port == portB), "silo A sees silo B active");
        var grain = await GrainOnAsync(siloA, address => address.Endpoint.Port == portB, "k-killed");
        await grain.Write("written on B");

        await siloB.KillAsync();
        var statusAfterKill = await MembershipStatusAsync(portB);

        Assert.Equal("written on B", await Eventually.SucceedsAsync(grain.Get, "the grain answers again"));
        Assert.Equal(siloA.Address(), await grain.Where());
        Assert.Equal(SiloStatus.Active, statusAfterKill);
        await Eventually.UntilAsync(async () => await MembershipStatusAsync(portB) == SiloStatus.Dead, "silo A declares B dead");
    }

    [Fact]
    public async Task GrainCall_DomainExceptionThrownOnOtherSilo_ReachesCallerWithCodeAndArguments()
    {
        var (siloA, siloB) = await StartClusterAsync();
        var grain = await GrainOnAsync(siloA, siloB, "k-refusing");

        var refusal = await Assert.ThrowsAsync<DomainException>(() => grain.Refuse(ErrorCodes.KeyMismatch, "k-refusing", 42));

        Assert.Equal(ErrorCodes.KeyMismatch, refusal.Code);
        Assert.Equal(["k-refusing", "42"], refusal.Arguments);
        Assert.Equal(ErrorCatalogue.Format(ErrorCodes.KeyMismatch, ErrorCatalogue.English, ["k-refusing", "42"]), refusal.Message);
        Assert.Equal("编号k-refusing与记录编号42不一致", refusal.MessageIn(ErrorCatalogue.Chinese));
    }

    private async Task<SiloStatus> MembershipStatusAsync(int port) => (SiloStatus)await Db.CountAsync(
        $"SELECT Status FROM OrleansMembershipTable WHERE DeploymentId = '{ClusterSilos.ClusterId}' AND Port = {port}");

    private async Task<(IHost A, IHost B)> StartClusterAsync()
    {
        var siloA = await StartSiloAsync(SiloSettings().AsClusterMember());
        var siloB = await StartSiloAsync(SiloSettings().AsClusterMember());
        await ClusterSilos.UntilEachSeesAsync([siloA, siloB], "both silos see each other active");
        return (siloA, siloB);
    }

    /// <summary>A placed grain, called through <paramref name="caller"/>, whose activation lives on <paramref name="target"/>.</summary>
    private static Task<IPlacedGrain> GrainOnAsync(IHost caller, IHost target, string prefix)
    {
        var address = target.Address();
        return GrainOnAsync(caller, address.Equals, prefix);
    }

    private static async Task<IPlacedGrain> GrainOnAsync(IHost caller, Func<SiloAddress, bool> target, string prefix)
    {
        for (var i = 0; i < 200; i++)
        {
            var grain = caller.Grains().GetGrain<IPlacedGrain>($"{prefix}-{i}");
            if (target(await grain.Where()))
            {
                return grain;
            }
        }

        throw new InvalidOperationException("No key of 200 placed its grain on the silo wanted.");
    }
}
