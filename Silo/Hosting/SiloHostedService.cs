using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silo.Diagnostics;
using Silo.Runtime;
using Silo.Storage;

namespace Silo.Hosting;

/// <summary>Starts the silo (schema, reminders, idle collection, statistics) and stops it gracefully.</summary>
internal sealed partial class SiloHostedService(
    StorageInitializer storage,
    ReminderService reminders,
    Catalog catalog,
    SiloStatistics statistics,
    TimeProvider time,
    IOptions<SiloOptions> options,
    ILogger<SiloHostedService> logger) : IHostedService, IAsyncDisposable
{
    private ITimer? _collector;
    private ITimer? _sampler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.InitializeAsync(cancellationToken);
        await reminders.StartAsync(cancellationToken);
        var quantum = options.Value.CollectionQuantum;
        _collector = time.CreateTimer(_ => CollectIdle(), null, quantum, quantum);
        _sampler = time.CreateTimer(_ => statistics.Sample(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        LogStarted(logger, catalog.Registry.GrainClasses.Count(), reminders.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _collector?.Dispose();
        _sampler?.Dispose();
        await reminders.DisposeAsync();
        try
        {
            await catalog.DeactivateAllAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogDeactivationTimeout(logger, catalog.Count);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }

        if (_sampler is not null)
        {
            await _sampler.DisposeAsync();
        }
    }

    private void CollectIdle()
    {
        var collected = catalog.CollectIdle(options.Value.CollectionAge);
        if (collected > 0)
        {
            LogCollected(logger, collected);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo started: {GrainClasses} grain classes, {Reminders} reminders scheduled")]
    private static partial void LogStarted(ILogger logger, int grainClasses, int reminders);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Collected {Count} idle activations")]
    private static partial void LogCollected(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo stopped before {Count} activations finished deactivating")]
    private static partial void LogDeactivationTimeout(ILogger logger, int count);
}
