using Bench.Cluster;

namespace Bench.Chaos;

/// <summary>The chaos benchmark's figures after the acknowledged writes were checked: recovery seconds per fault kind, 5xx answers
/// per fault kind (until recovered, after), the load's calls by outcome and what the outage probe saw.</summary>
internal static class ChaosReport
{
    public static void Print(
        AppealLoad load, OutageProbe probe, IReadOnlyDictionary<string, List<double>> recoveries,
        IReadOnlyDictionary<string, int> untilRecovered, IReadOnlyDictionary<string, int> afterRecovery, int beforeFaults)
    {
        foreach (var (kind, seconds) in recoveries)
        {
            Metrics.Print($"faults_{kind}", seconds.Count, "faults");
            Metrics.Print($"recovery_seconds_{kind}_median", Metrics.Median(seconds), "s");
            Metrics.Print($"recovery_seconds_{kind}_max", seconds.Max(), "s");
        }

        foreach (var kind in recoveries.Keys)
        {
            Metrics.Print($"http_5xx_{kind}_until_recovered", untilRecovered[kind], "calls");
            Metrics.Print($"http_5xx_{kind}_after_recovery", afterRecovery[kind], "calls");
        }

        Metrics.Print("http_5xx_during_outages", untilRecovered.Values.Sum(), "calls");
        Metrics.Print("http_5xx_after_recovery", afterRecovery.Values.Sum(), "calls");
        Metrics.Print("http_5xx_before_faults", beforeFaults, "calls");
        foreach (var (status, count) in load.Calls.Where(c => c.Key.StartsWith('5')).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Metrics.Print($"http_{status}", count, "calls");
        }

        foreach (var label in new[] { "timeout", "connection", "4xx", "409" })
        {
            Metrics.Print($"http_errors_{label}", load.Calls.GetValueOrDefault(label), "calls");
        }

        Metrics.Print("http_calls", load.Calls.Values.Sum(), "calls");
        Metrics.Print("probe_5xx", probe.ServerErrors, "answers");
        Metrics.Print("probe_5xx_without_unavailable_message", probe.ServerErrors - probe.Clear, "answers");
        Metrics.Print("probe_5xx_with_stack_trace", probe.StackTraces, "answers");
    }
}
