using System.Diagnostics;
using System.Globalization;

namespace Bench.Cluster;

/// <summary>Progress lines of the cluster benchmark on stderr (stdout carries only the metric lines), with the wall-clock time
/// to match them against the processes' logs and the seconds since the benchmark started.</summary>
internal static class ClusterLog
{
    private static readonly long Started = Stopwatch.GetTimestamp();

    public static void Write(string message) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"[cluster {DateTime.Now:HH:mm:ss.fff} +{Stopwatch.GetElapsedTime(Started).TotalSeconds:0.0}s] {message}"));
}
