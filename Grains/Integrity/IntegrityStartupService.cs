using Grains.Abstractions.Integrity;
using Grains.Figures;
using Grains.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Storage;
using Storage.ReadModels;

namespace Grains.Integrity;

/// <summary>At start-up: before the silo starts, makes sure this silo's keys are the cluster's (a key id another silo used
/// with other bytes would make each report the other's events as altered), then, once every service has started, asks each
/// district for its integrity check (the district's grain runs it once for all silos).</summary>
internal sealed partial class IntegrityStartupService(
    IntegrityKeyRing keys,
    IntegrityFindingQueries findings,
    FigureRecounter recounter,
    IGrainFactory grains,
    DistrictClock clock,
    ILogger<IntegrityStartupService> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var checkValues = keys.KeyIds.ToDictionary(id => id, keys.CheckValue, StringComparer.Ordinal);
        var differing = await findings.KeysRecordedOtherwiseAsync(checkValues, clock.UtcNow, cancellationToken);
        if (differing.Count > 0)
        {
            throw new SettingsException(
                $"Integrity key {string.Join(", ", differing)} is not the key this database's silos sealed with under that id; " +
                $"every silo needs the same {IntegrityOptions.SectionName}:Keys (a new key needs a new id).");
        }
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        foreach (var district in await recounter.DistrictsAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await grains.GetGrain<IIntegrityScanGrain>(district).RequestStartUpScan();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The daily check tries again; the host must start either way.
                LogFailed(exception, district);
            }
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Asking district {District} for its integrity check at start-up failed")]
    private partial void LogFailed(Exception exception, string district);
}
