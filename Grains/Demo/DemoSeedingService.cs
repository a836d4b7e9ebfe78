using Grains.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grains.Demo;

/// <summary>Loads the demo district once every hosted service has started (the silo included), when
/// <see cref="DomainOptions.SeedDemoDistrict"/> is on and no district was loaded before.</summary>
internal sealed class DemoSeedingService(DemoDistrictSeeder seeder, IOptions<DomainOptions> options) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SeedDemoDistrict)
        {
            await seeder.SeedIfEmptyAsync(cancellationToken: cancellationToken);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
