using Grains.Abstractions.District;
using Storage.ReadModels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Grains.Figures;

/// <summary>Checks every district's figures against the read model once the silo has started: a crash between an
/// entity's state write and its delta leaves a counter drifted, and a restart is the usual sequel of a crash. The
/// district grain recounts when it is quiet (else a few minutes later: reminders due while the host was down may be
/// changing appeals right now), logs what it repaired, and repeats the check daily.</summary>
internal sealed partial class FigureRepairService(FigureRecounter recounter, IGrainFactory grains, ILogger<FigureRepairService> logger)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        foreach (var district in await recounter.DistrictsAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await grains.GetGrain<IDistrictAdministrationGrain>(district).CheckFigures();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One district's failure must not keep the host (and the other districts) from starting; the daily check retries.
                LogFailed(exception, district);
            }
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Recounting district {District} at start-up failed")]
    private partial void LogFailed(Exception exception, string district);
}
