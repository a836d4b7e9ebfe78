using System.Collections.Immutable;
using Grains.Abstractions.Integrity;
using Grains.Appeals;
using Grains.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Storage.ReadModels;

namespace Grains.Integrity;

/// <summary>
/// Checks every appeal of a district as it is stored now: each row is read through Orleans' own storage provider, not by
/// asking the appeal grains, so that no grain is activated for it and an edit made to the database under a running grain
/// (whose memory still holds the record it wrote) is found at once. Findings are logged one by one and recorded in
/// <c>integrity_findings</c> for the admin page, the wall and the lists.
/// </summary>
internal sealed partial class IntegrityScanner(
    IGrainStorage storage,
    AppealLifecycle lifecycle,
    IntegrityFindingQueries findings,
    DistrictClock clock,
    ILogger<IntegrityScanner> logger)
{
    /// <summary>Rows read at once: enough to overlap the database's latency; verifying is cheap next to reading.</summary>
    private const int ParallelReads = 8;

    private const string AppealStateName = "appeal";

    public async Task<IntegrityScanResult> ScanAsync(string districtCode, IntegrityScanTrigger trigger, CancellationToken cancellationToken = default)
    {
        var started = clock.UtcNow;
        var ids = await findings.AppealIdsAsync(districtCode, cancellationToken);
        var results = new IntegrityFinding?[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, _) => results[i] = await CheckAsync(districtCode, ids[i]));

        var found = results.OfType<IntegrityFinding>().ToImmutableArray();
        var scan = new IntegrityScanResult(districtCode, trigger, started, clock.UtcNow, ids.Count, found);
        await findings.RecordScanAsync(scan, cancellationToken);
        if (found.IsEmpty)
        {
            LogClean(districtCode, trigger, ids.Count);
        }
        else
        {
            LogFindings(districtCode, trigger, ids.Count, found.Length);
        }

        return scan;
    }

    private async Task<IntegrityFinding?> CheckAsync(string districtCode, string appealId)
    {
        var stored = new GrainState<AppealState>();
        try
        {
            await storage.ReadStateAsync(AppealStateName, GrainId.Create(AppealStateName, appealId), stored);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogUnreadable(exception, appealId, districtCode);
            return new IntegrityFinding(appealId, IntegrityFindingKind.Unreadable, null, null);
        }

        if (!stored.RecordExists || stored.State is null)
        {
            LogUnreadable(null, appealId, districtCode);
            return new IntegrityFinding(appealId, IntegrityFindingKind.Unreadable, null, null);
        }

        var history = stored.State.History.IsDefault ? [] : stored.State.History;
        var result = lifecycle.Verify(stored.State.Appeal, history);
        if (result.IsIntact)
        {
            return null;
        }

        var kind = result.Failure ?? IntegrityFindingKind.EventAltered;
        LogFinding(appealId, districtCode, kind, Describe(kind, result.FirstBrokenIndex, history.Length), result.KeyId);
        return new IntegrityFinding(appealId, kind, result.FirstBrokenIndex, result.KeyId);
    }

    private static string Describe(IntegrityFindingKind kind, int? index, int length) => kind switch
    {
        IntegrityFindingKind.EventAltered => $"event {index} was edited or re-sealed without the key",
        IntegrityFindingKind.UnknownKey => $"event {index} names a key this deployment does not have",
        IntegrityFindingKind.MissingTail => $"the record counts more events than the {length} stored",
        IntegrityFindingKind.StateDiffers when index is { } at => $"the record was edited before event {at} was added",
        IntegrityFindingKind.StateDiffers => "the stored record differs from the one its history sealed",
        _ => kind.ToString(),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Integrity: appeal {AppealId} of district {District} fails ({Kind}): {What}; key {KeyId}")]
    private partial void LogFinding(string appealId, string district, IntegrityFindingKind kind, string what, string? keyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Integrity: appeal {AppealId} of district {District} fails (Unreadable): its stored row cannot be read as an appeal")]
    private partial void LogUnreadable(Exception? exception, string appealId, string district);

    [LoggerMessage(Level = LogLevel.Information, Message = "Integrity check of district {District} ({Trigger}): {Appeals} appeals, all intact")]
    private partial void LogClean(string district, IntegrityScanTrigger trigger, int appeals);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Integrity check of district {District} ({Trigger}): {Appeals} appeals, {Findings} fail (see /admin/integrity)")]
    private partial void LogFindings(string district, IntegrityScanTrigger trigger, int appeals, int findings);
}
