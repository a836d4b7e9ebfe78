// Program.cs registers the benchmark by its class name alone.
global using Bench.Chaos;
using System.Diagnostics;
using Bench.Cluster;

namespace Bench.Chaos;

/// <summary>tests/bench.sh chaos: the cluster benchmark's topology (two silos, a Dashboard as their Orleans client, PostgreSQL) under
/// its appeal load, with three kinds of fault <see cref="Rounds"/> times each: kill -9 of the Dashboard (the serving process) and its
/// restart, kill -9 of a silo and its restart, and a fast restart of PostgreSQL (BENCH_PG_RESTART). Recovery is the seconds from the
/// fault to the first acknowledged write after it (for a silo: of an appeal whose grain was on it). At the end every acknowledged
/// write is checked against the appeals' grains (<see cref="KillPhaseCheck"/>), and the 5xx answers are counted per fault kind:
/// until the recovery (the outage: the product's 503 page is expected) and after it (still failing once writes work again).
/// A probe also reads what a user sees meanwhile (<see cref="OutageProbe"/>).</summary>
internal static class ChaosBenchmark
{
    private const int Workers = 32;
    private const int Rounds = 3;
    private const int Enterprises = 200;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    // Load between a fault that is over (every process back) and the next.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(3);

    public static Task RunAsync(string[] args) => ClusterRun.RunAsync("chaos", RunAsync);

    private static async Task RunAsync(LocalCluster cluster, CancellationToken cancellationToken)
    {
        var restartPostgres = Environment.GetEnvironmentVariable("BENCH_PG_RESTART") is { Length: > 0 } command
            ? command
            : throw new InvalidOperationException("BENCH_PG_RESTART is not set; run this through tests/bench.sh chaos.");
        var (startedInspector, startedDispatcher, enterprises) = await ClusterRun.StartAsync(cluster, Enterprises, cancellationToken);
        await using var inspector = startedInspector;
        using var dispatcher = startedDispatcher;
        cluster.Silo2.Node.Start();
        await cluster.WaitUntilActiveAsync(cluster.Silo2, StartTimeout, cancellationToken);

        ClusterLog.Write($"{Workers} workers as the demo dispatcher; {Rounds} rounds of: Dashboard kill, silo kill, PostgreSQL restart");
        var load = AppealLoad.Start(dispatcher, enterprises, Workers, cancellationToken);
        using var watch = new RecoveryWatch(load);
        var faults = new ChaosFaults(cluster, inspector, load, watch, () => ServerErrors(load), restartPostgres, RecoveryTimeout, StartTimeout);
        var kinds = new[] { "dashboard_kill", "silo_kill", "postgres_restart" };
        var recoveries = kinds.ToDictionary(k => k, _ => new List<double>(), StringComparer.Ordinal);
        // 5xx answers per fault kind: from the fault to its recovery (the outage), and from then until the next fault.
        var (beforeRecovery, afterRecovery) = (kinds.ToDictionary(k => k, _ => 0, StringComparer.Ordinal), kinds.ToDictionary(k => k, _ => 0, StringComparer.Ordinal));
        await using (var probe = OutageProbe.Start(dispatcher, () => load.CurrentAppeals.FirstOrDefault(), cluster.LogDirectory, cancellationToken))
        {
            await Task.Delay(WarmUp, cancellationToken);
            var warmUp5xx = ServerErrors(load);
            for (var round = 1; round <= Rounds; round++)
            {
                foreach (var kind in kinds)
                {
                    var before = ServerErrors(load);
                    var recovery = kind switch
                    {
                        "dashboard_kill" => await faults.KillDashboardAsync(round, cancellationToken),
                        // Alternating silos; silo 1 also seeded the district, so both are killed while holding grains.
                        "silo_kill" => await faults.KillSiloAsync(round, round % 2 == 1 ? cluster.Silo2 : cluster.Silo1, cancellationToken),
                        _ => await faults.RestartPostgresAsync(round, cancellationToken),
                    };
                    Metrics.Print($"recovery_seconds_{kind}_{round}", recovery.Seconds, "s");
                    recoveries[kind].Add(recovery.Seconds);
                    faults.RequireAll();
                    await Task.Delay(Settle, cancellationToken);
                    beforeRecovery[kind] += recovery.ServerErrorsThen - before;
                    afterRecovery[kind] += ServerErrors(load) - recovery.ServerErrorsThen;
                }
            }

            await load.StopAsync();
            ClusterLog.Write($"load stopped; calls {ClusterRun.Describe(load.Calls)}; probe: {probe.Answers} answers, {probe.ServerErrors} 5xx " +
                $"({probe.Clear} with the \"temporarily unavailable\" page, {probe.StackTraces} with a stack trace), {probe.NoAnswer} without an answer");
            faults.RequireAll();
            await KillPhaseCheck.VerifyAsync(load, dispatcher, inspector, wall: null, [], cluster.LogDirectory, cancellationToken);
            ChaosReport.Print(load, probe, recoveries, beforeRecovery, afterRecovery, warmUp5xx);
        }
    }

    internal static int ServerErrors(AppealLoad load) => load.Calls.Where(c => c.Key.StartsWith('5')).Sum(c => c.Value);

    internal static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;
}
