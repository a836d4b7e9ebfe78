using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Silo.Hosting;
using Storage.Tests.Infrastructure;
using Storage.Tests.TestGrains;

namespace Storage.Tests.Cluster;

/// <summary>A grain call that loses its database connection (PostgreSQL restarting) reaches a client of the cluster, as the
/// Dashboard is, as <see cref="StorageUnavailableException"/> (the Dashboard answers it with 503 and the page that retries), not as
/// a serialization failure of the driver's exception, whether the call or the grain's activation lost it; any other database error
/// arrives with its message and is not reported as an outage.</summary>
public sealed class StorageOutageTests() : DatabaseTestBase(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task GrainCall_ConnectionTerminatedByTheServer_ClientGetsStorageUnavailable()
    {
        await StartSiloAsync(SiloSettings().AsClusterMember());
        var client = await StartClientAsync();
        try
        {
            var grain = client.Services.GetRequiredService<IClusterClient>().GetGrain<IDatabaseFailureGrain>("k-outage");

            var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => grain.Run(DatabaseFailure.TerminateOwnConnection));

            Assert.Contains("57P01", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            await StopAsync(client);
        }
    }

    [Fact]
    public async Task GrainCall_ActivationLostTheConnection_ClientGetsStorageUnavailable()
    {
        await StartSiloAsync(SiloSettings().AsClusterMember());
        var client = await StartClientAsync();
        try
        {
            var grain = client.Services.GetRequiredService<IClusterClient>().GetGrain<IDatabaseFailureOnActivationGrain>("k-activation");

            var failure = await Record.ExceptionAsync(grain.Ping);

            Assert.Contains(Chain(failure), exception => exception is StorageUnavailableException);
        }
        finally
        {
            await StopAsync(client);
        }
    }

    [Fact]
    public async Task GrainCall_QueryError_IsNotReportedAsAnOutage()
    {
        await StartSiloAsync(SiloSettings().AsClusterMember());
        var client = await StartClientAsync();
        try
        {
            var grain = client.Services.GetRequiredService<IClusterClient>().GetGrain<IDatabaseFailureGrain>("k-defect");

            var failure = await Record.ExceptionAsync(() => grain.Run("SELECT 1 / 0"));

            Assert.NotNull(failure);
            Assert.DoesNotContain(Chain(failure), exception => exception is StorageUnavailableException);
            Assert.Contains(Chain(failure), exception => exception.Message.Contains("22012", StringComparison.Ordinal));
        }
        finally
        {
            await StopAsync(client);
        }
    }

    /// <summary>An Orleans client configured as the Dashboard's (<see cref="SiloHostingExtensions.AddCommandCentreClient"/>).</summary>
    private async Task<IHost> StartClientAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = nameof(DatabaseProvider.Postgres),
            ["Storage:ConnectionString"] = Db.Options.ConnectionString,
            ["Silo:Clustering"] = "AdoNet",
            ["Silo:ClusterId"] = ClusterSilos.ClusterId,
            ["Silo:ServiceId"] = ClusterSilos.ClusterId,
        });
        builder.AddCommandCentreClient();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static async Task StopAsync(IHost host)
    {
        try
        {
            await host.StopAsync();
        }
        finally
        {
            host.Dispose();
        }
    }
}
