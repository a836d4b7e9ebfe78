using Microsoft.Extensions.Hosting;
using Storage;

namespace Silo.Hosting;

/// <summary>Brings the database schema up to date at start-up. Registered before Orleans, so that the providers find their
/// tables and queries when the silo (or client) starts; every process runs it, and the schema lock makes that safe.</summary>
internal sealed class StorageMigrationService(StorageInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
