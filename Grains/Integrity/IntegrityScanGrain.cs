using Grains.Abstractions.Integrity;
using Grains.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Grains.Integrity;

/// <summary>The integrity check of one district (keyed by its code): one activation in the whole cluster, so the district is
/// checked once however many silos start, and by its durable reminder daily at 03:30 on the district's clock (after the
/// figure check). It keeps no state: what it found is in <c>integrity_findings</c>.</summary>
[GrainType("integrity-scan")]
internal sealed partial class IntegrityScanGrain(IntegrityScanner scanner, DistrictClock clock, ILogger<IntegrityScanGrain> logger)
    : Grain, IIntegrityScanGrain, IRemindable
{
    internal const string ReminderName = "integrity-scan";

    private static readonly TimeSpan DailyAt = new(3, 30, 0);

    /// <summary>Silos that start within this time of a check (a cluster starting, a rolling restart) do not repeat it.</summary>
    private static readonly TimeSpan StartUpSpacing = TimeSpan.FromMinutes(10);

    private DateTimeOffset? lastCheckedAt;

    private string District => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await this.GetReminder(ReminderName, cancellationToken) is null)
        {
            var local = clock.LocalNow;
            var next = new DateTimeOffset(local.Date + DailyAt, local.Offset);
            await this.RegisterOrUpdateReminder(ReminderName, (next > local ? next : next.AddDays(1)) - local, TimeSpan.FromDays(1), cancellationToken);
        }
    }

    public Task<IntegrityScanResult> Scan() => RunAsync(IntegrityScanTrigger.Requested);

    public Task RequestStartUpScan() =>
        lastCheckedAt is { } last && clock.UtcNow - last < StartUpSpacing ? Task.CompletedTask : RunQuietlyAsync(IntegrityScanTrigger.StartUp);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? RunQuietlyAsync(IntegrityScanTrigger.Daily) : Task.CompletedTask;

    private async Task<IntegrityScanResult> RunAsync(IntegrityScanTrigger trigger)
    {
        var result = await scanner.ScanAsync(District, trigger);
        lastCheckedAt = result.FinishedAt;
        return result;
    }

    /// <summary>For the callers nobody waits for (one-way, reminder): a failure is logged, and the next check tries again.</summary>
    private async Task RunQuietlyAsync(IntegrityScanTrigger trigger)
    {
        try
        {
            await RunAsync(trigger);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, District, trigger);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Integrity check of district {District} ({Trigger}) failed")]
    private partial void LogFailed(Exception exception, string district, IntegrityScanTrigger trigger);
}
