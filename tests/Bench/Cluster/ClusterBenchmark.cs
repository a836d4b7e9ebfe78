using System.Diagnostics;
using Dashboard.Auth;

namespace Bench.Cluster;

/// <summary>tests/bench.sh cluster: the topology of docker/compose.yaml as real processes on 127.0.0.1 (two silos on ADO.NET
/// clustering, one Dashboard as an Orleans client, the benchmark's PostgreSQL), loaded through the Dashboard's appeal API by
/// concurrent dispatchers. Measures appeal transitions per second with one silo and with two, then kills a silo with SIGKILL
/// under load (alternating silos, each restarted and back in the cluster before the next kill): the seconds until an appeal
/// whose grain was on the killed silo answers again, whether any acknowledged write was lost, and whether a leader's wall
/// was pushed every acknowledged supervise. Orleans' membership settings are the product's (its defaults): the product does
/// not expose them. Every process is killed when the benchmark ends, fails or is interrupted; their logs are kept.</summary>
internal static class ClusterBenchmark
{
    private const int Workers = 32;
    private const int Kills = 4;
    private const int Enterprises = 200;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan FailoverTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    // Load between a restarted silo's return and the next kill.
    private static readonly TimeSpan BetweenKills = TimeSpan.FromSeconds(10);
    // After the load stops: the Dashboard renews its live subscription every 5 s and then pushes what its walls missed.
    private static readonly TimeSpan WallSettle = TimeSpan.FromSeconds(15);

    public static Task RunAsync(string[] args) => ClusterRun.RunAsync("cluster", RunAsync);

    private static async Task RunAsync(LocalCluster cluster, CancellationToken cancellationToken)
    {
        var (startedInspector, startedDispatcher, enterprises) = await ClusterRun.StartAsync(cluster, Enterprises, cancellationToken);
        await using var inspector = startedInspector;
        using var dispatcher = startedDispatcher;
        ClusterLog.Write($"{Workers} workers as the demo dispatcher, appeals of {enterprises.Count} demo enterprises (rm_enterprises), routed to finance, " +
            $"{AppealLoad.SupervisesPerAppeal} supervises each");

        Metrics.Print("cluster_transitions_per_sec_1_silo", await ThroughputAsync("1 silo", dispatcher, enterprises, cancellationToken), "transitions/s");
        cluster.Silo2.Node.Start();
        await cluster.WaitUntilActiveAsync(cluster.Silo2, StartTimeout, cancellationToken);
        Metrics.Print("cluster_transitions_per_sec_2_silos", await ThroughputAsync("2 silos", dispatcher, enterprises, cancellationToken), "transitions/s");

        await KillPhaseAsync(cluster, inspector, dispatcher, enterprises, cancellationToken);
    }

    /// <summary>Acknowledged transitions per second over <see cref="Window"/>, after <see cref="WarmUp"/>.</summary>
    private static async Task<double> ThroughputAsync(string label, DashboardSession dispatcher, IReadOnlyList<string> enterprises, CancellationToken cancellationToken)
    {
        var load = AppealLoad.Start(dispatcher, enterprises, Workers, cancellationToken);
        await Task.Delay(WarmUp, cancellationToken);
        var (before, started) = (load.Acknowledged, Stopwatch.GetTimestamp());
        await Task.Delay(Window, cancellationToken);
        var rate = (load.Acknowledged - before) / Stopwatch.GetElapsedTime(started).TotalSeconds;
        await load.StopAsync();
        ClusterLog.Write($"{label}: calls {ClusterRun.Describe(load.Calls)}");
        return rate;
    }

    private static async Task KillPhaseAsync(
        LocalCluster cluster, ClusterInspector inspector, DashboardSession dispatcher, IReadOnlyList<string> enterprises, CancellationToken cancellationToken)
    {
        using var leader = await DashboardSession.SignInAsync(cluster.DashboardAddress, DashboardRoles.Leader, DemoAccounts.Password, cancellationToken);
        await using var wall = await ClusterWall.ConnectAsync(cluster.DashboardAddress, leader.CookieHeader, cancellationToken);
        var load = AppealLoad.Start(dispatcher, enterprises, Workers, cancellationToken);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var districtWatch = WatchDistrictAsync(inspector, watching.Token);
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(WarmUp, cancellationToken);
        var failovers = new List<double>();
        var kills = new List<DateTimeOffset>();
        for (var kill = 1; kill <= Kills; kill++)
        {
            // Silo 2 first: by the time silo 1 is killed, the Dashboard has had time to add silo 2's gateway to its list (Orleans
            // clients refresh it every minute by default).
            var target = kill % 2 == 1 ? cluster.Silo2 : cluster.Silo1;
            var (seconds, killedAt) = await KillAndRestartAsync(kill, target, cluster, inspector, load, dispatcher, cancellationToken);
            Metrics.Print($"failover_seconds_kill_{kill}_{target.Node.Name}", seconds, "s");
            failovers.Add(seconds);
            kills.Add(killedAt);
        }

        var rate = load.Acknowledged / Stopwatch.GetElapsedTime(started).TotalSeconds;
        await load.StopAsync();
        await watching.CancelAsync();
        var districtActivations = await districtWatch;
        ClusterLog.Write($"kill phase: load stopped; calls {ClusterRun.Describe(load.Calls)}; waiting {WallSettle.TotalSeconds:0} s for the wall to catch up");
        await Task.Delay(WallSettle, cancellationToken);
        cluster.RequireDashboard();

        Metrics.Print("failover_seconds", Metrics.Median(failovers), "s");
        Metrics.Print("failover_seconds_max", failovers.Max(), "s");
        Metrics.Print("kills", failovers.Count, "kills");
        Metrics.Print("cluster_transitions_per_sec_during_kills", rate, "transitions/s");
        Metrics.Print("district_activations_max", districtActivations, "activations");
        await KillPhaseCheck.VerifyAsync(load, dispatcher, inspector, wall, kills, cluster.LogDirectory, cancellationToken);
        Metrics.Print("http_errors_5xx", load.Calls.Where(c => c.Key.StartsWith('5')).Sum(c => c.Value), "calls");
        foreach (var label in new[] { "timeout", "connection", "4xx" })
        {
            Metrics.Print($"http_errors_{label}", load.Calls.GetValueOrDefault(label), "calls");
        }

        Metrics.Print("http_conflicts_409", load.Calls.GetValueOrDefault("409"), "calls");
        Metrics.Print("http_calls", load.Calls.Values.Sum(), "calls");
    }

    /// <summary>kill -9 of <paramref name="target"/> while it holds one of the load's appeals; returns the seconds until GET of
    /// that appeal first answers 200, and when the kill was. Then waits until the cluster has declared the silo dead, restarts it
    /// on the same ports and waits until it is Active again.</summary>
    private static async Task<(double Seconds, DateTimeOffset KilledAt)> KillAndRestartAsync(
        int kill, ClusterSilo target, LocalCluster cluster, ClusterInspector inspector, AppealLoad load, DashboardSession dispatcher, CancellationToken cancellationToken)
    {
        cluster.RequireDashboard();
        var (appeal, _) = await Poll.UntilAsync($"an appeal of the load whose grain is active on {target.Node.Name} (IManagementGrain.GetActivationAddress)",
            target.Node, TimeSpan.FromSeconds(60), () => AppealOnAsync(target, load, inspector), cancellationToken);
        var district = cluster.SiloAt(await inspector.SiloPortOfDistrictAsync());
        ClusterLog.Write($"kill {kill}: kill -9 {target.Node.Name} (silo port {target.SiloPort}, generation {target.Generation}), which holds appeal {appeal}; " +
            $"the district grain is on {district?.Node.Name ?? "no silo"}; {load.Acknowledged} transitions acknowledged so far");
        var (killed, killedAt) = (Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow);
        target.Node.Kill();
        var failover = await FirstAnswerAsync(cluster, dispatcher, appeal, killed, cancellationToken);
        var (appealNow, districtNow) = (cluster.SiloAt(await inspector.SiloPortOfAppealAsync(appeal)), cluster.SiloAt(await inspector.SiloPortOfDistrictAsync()));
        ClusterLog.Write($"kill {kill}: GET /api/appeals/{appeal} answered 200 {failover:0.00} s after the kill; the appeal is now on " +
            $"{appealNow?.Node.Name ?? "no silo"}, the district grain on {districtNow?.Node.Name ?? "no silo"}");
        await cluster.WaitUntilDeclaredDeadAsync(target, FailoverTimeout, cancellationToken);
        ClusterLog.Write($"kill {kill}: {target.Node.Name} was declared dead {Stopwatch.GetElapsedTime(killed).TotalSeconds:0.0} s after the kill (at most 250 ms late); restarting it");
        target.Node.Start();
        await cluster.WaitUntilActiveAsync(target, StartTimeout, cancellationToken);
        await Task.Delay(BetweenKills, cancellationToken);
        return (failover, killedAt);
    }

    /// <summary>Asks every second how many activations of the district grain the silos hold, logs each change and returns the
    /// most seen at once: the district numbers the live events, so two activations are two live channels.</summary>
    private static async Task<int> WatchDistrictAsync(ClusterInspector inspector, CancellationToken cancellationToken)
    {
        var (last, most) = (1, 1);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await inspector.DistrictActivationsAsync() is { } count && count != last)
            {
                ClusterLog.Write($"district grain: {count} activation(s) in the cluster (IManagementGrain.GetGrainActivationCount)");
                (last, most) = (count, Math.Max(most, count));
            }

            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }

        return most;
    }

    private static async Task<string?> AppealOnAsync(ClusterSilo silo, AppealLoad load, ClusterInspector inspector)
    {
        foreach (var appeal in load.CurrentAppeals)
        {
            if (await inspector.SiloPortOfAppealAsync(appeal) == silo.SiloPort)
            {
                return appeal;
            }
        }

        return null;
    }

    /// <summary>Seconds from the kill to the first 200 of GET /api/appeals/{id}. A GET starts every <see cref="ProbeInterval"/>,
    /// each allowed <see cref="ProbeTimeout"/>, so one that hangs on the dead silo does not hide that a later one succeeded.</summary>
    private static async Task<double> FirstAnswerAsync(LocalCluster cluster, DashboardSession session, string appeal, long killed, CancellationToken cancellationToken)
    {
        using var probes = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answered = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task ProbeAsync()
        {
            var answer = await session.SendAsync(HttpMethod.Get, $"/api/appeals/{appeal}", null, ProbeTimeout, probes.Token);
            if (answer.Status == 200)
            {
                answered.TrySetResult(Stopwatch.GetElapsedTime(killed).TotalSeconds);
            }
        }

        var pending = new List<Task>();
        while (!answered.Task.IsCompleted)
        {
            cluster.RequireDashboard();
            if (Stopwatch.GetElapsedTime(killed) > FailoverTimeout)
            {
                throw new TimeoutException($"GET /api/appeals/{appeal} did not answer 200 within {FailoverTimeout.TotalSeconds:0} s of the kill.");
            }

            pending.Add(ProbeAsync());
            await Task.WhenAny(answered.Task, Task.Delay(ProbeInterval, cancellationToken));
        }

        await probes.CancelAsync();
        try
        {
            await Task.WhenAll(pending);
        }
        catch (OperationCanceledException)
        {
            // The probes still running when the first one answered.
        }

        return await answered.Task;
    }
}
