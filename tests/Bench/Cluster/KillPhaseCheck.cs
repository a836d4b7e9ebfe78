using System.Globalization;
using Grains.Abstractions.Appeals;

namespace Bench.Cluster;

/// <summary>What the kill phase left behind, checked after the load stopped: lost acknowledged writes (through the Dashboard's
/// GET and the appeals' histories read from their grains) and supervises the leader's wall was never pushed.</summary>
internal static class KillPhaseCheck
{
    /// <summary>For every appeal of the kill phase: the version GET answers now must not be below any acknowledged one, every
    /// acknowledged supervise must be in the appeal's history (read from its grain) at the version it was posted with, and the
    /// wall must have been pushed that history event (same appeal, same time). The misses are logged by the kill they followed,
    /// and listed one per line in wall-missed.csv in the log directory. Without a wall only the writes are checked.</summary>
    public static async Task VerifyAsync(
        AppealLoad load, DashboardSession session, ClusterInspector inspector, ClusterWall? wall, IReadOnlyList<DateTimeOffset> kills,
        string logDirectory, CancellationToken cancellationToken)
    {
        long acknowledged = 0, lost = 0, supervises = 0, notInHistory = 0, unreadable = 0;
        var missedOnWall = new List<(DateTimeOffset At, string Appeal, long Version)>();
        foreach (var (appeal, acknowledgements) in load.Appeals)
        {
            var history = await inspector.HistoryAsync(appeal);
            var stored = await StoredVersionAsync(session, appeal, cancellationToken);
            if (stored is null)
            {
                unreadable++;
                ClusterLog.Write($"verify: GET /api/appeals/{appeal} never answered 200; its grain holds {history.Length} events");
            }

            acknowledged += acknowledgements.Count;
            lost += acknowledgements.Count(a => a.Version > (stored ?? history.Length));
            foreach (var supervise in acknowledgements.Where(a => a.Action == "supervise"))
            {
                supervises++;
                var index = (int)supervise.PostedVersion;
                if (index >= history.Length || history[index].Kind != AppealEventKind.Supervised)
                {
                    notInHistory++;
                }
                else if (wall is not null && !wall.Saw(appeal, history[index].At))
                {
                    missedOnWall.Add((history[index].At, appeal, supervise.PostedVersion + 1));
                }
            }
        }

        ClusterLog.Write($"verify: {load.Appeals.Count} appeals, {acknowledged} acknowledged transitions, {supervises} acknowledged supervises" +
            (wall is null ? "" : $", {wall.Pushes} feed items pushed to the wall"));
        Metrics.Print("acknowledged_writes", acknowledged, "writes");
        Metrics.Print("lost_acknowledged_writes", lost, "writes");
        Metrics.Print("acknowledged_supervises_missing_from_history", notInHistory, "writes");
        Metrics.Print("appeals_unreadable_by_get", unreadable, "appeals");
        if (wall is null)
        {
            return;
        }

        Metrics.Print("wall_supervises_expected", supervises - notInHistory, "updates");
        Metrics.Print("wall_updates_missed", missedOnWall.Count, "updates");
        foreach (var after in missedOnWall.GroupBy(m => kills.Count(k => k <= m.At)).OrderBy(g => g.Key))
        {
            var bySecond = after.GroupBy(m => m.At.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal);
            ClusterLog.Write($"wall: {after.Count()} missed supervises made {(after.Key == 0 ? "before the first kill" : $"after kill {after.Key}")}, " +
                $"by second: {string.Join(", ", bySecond.Select(g => $"{g.Key} ×{g.Count()}"))}");
        }

        await File.WriteAllLinesAsync(Path.Combine(logDirectory, "wall-missed.csv"),
            ["at,appeal,version", .. missedOnWall.OrderBy(m => m.At).Select(m => $"{m.At.ToLocalTime():HH:mm:ss.fff},{m.Appeal},{m.Version}")], cancellationToken);
    }

    private static async Task<long?> StoredVersionAsync(DashboardSession session, string appeal, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var answer = await session.SendAsync(HttpMethod.Get, $"/api/appeals/{appeal}", null, TimeSpan.FromSeconds(5), cancellationToken);
            if (answer.Version is { } version)
            {
                return version;
            }

            await Task.Delay(500, cancellationToken);
        }

        return null;
    }
}
