using System.Diagnostics;
using Bench.Cluster;

namespace Bench.Chaos;

/// <summary>How one fault went: seconds from the fault to the first acknowledged write after it, and the load's 5xx count then.</summary>
internal readonly record struct Recovery(double Seconds, int ServerErrorsThen);

/// <summary>The faults of the chaos benchmark, each injected under load and over when every process is back; each returns its
/// <see cref="Recovery"/>.</summary>
internal sealed class ChaosFaults(
    LocalCluster cluster, ClusterInspector inspector, AppealLoad load, RecoveryWatch watch, Func<int> serverErrors, string restartPostgres,
    TimeSpan recoveryTimeout, TimeSpan startTimeout)
{
    /// <summary>kill -9 of the Dashboard, started again at once on the same address.</summary>
    public async Task<Recovery> KillDashboardAsync(int round, CancellationToken cancellationToken)
    {
        ClusterLog.Write($"dashboard kill {round}: kill -9 the Dashboard; {load.Acknowledged} writes acknowledged so far");
        cluster.Dashboard.Kill();
        var killed = Stopwatch.GetTimestamp();
        cluster.Dashboard.Start();
        var at = await watch.FirstAfterAsync($"dashboard kill {round}", killed, _ => true, recoveryTimeout, cancellationToken);
        var errors = serverErrors();
        ClusterLog.Write($"dashboard kill {round}: first acknowledged write {ChaosBenchmark.Seconds(killed, at):0.00} s after the kill");
        await cluster.WaitUntilDashboardAnswersAsync(startTimeout, cancellationToken);
        return new Recovery(ChaosBenchmark.Seconds(killed, at), errors);
    }

    /// <summary>kill -9 of a silo while it holds some of the load's appeals; recovered when one of those is written again. The silo
    /// is restarted once the cluster has declared it dead (as the cluster benchmark does) and is over when it is Active again.</summary>
    public async Task<Recovery> KillSiloAsync(int round, ClusterSilo target, CancellationToken cancellationToken)
    {
        var (held, _) = await Poll.UntilAsync($"appeals of the load active on {target.Node.Name}", target.Node, TimeSpan.FromSeconds(60), async () =>
        {
            var appeals = new HashSet<string>(StringComparer.Ordinal);
            foreach (var appeal in load.CurrentAppeals)
            {
                if (await inspector.SiloPortOfAppealAsync(appeal) == target.SiloPort)
                {
                    appeals.Add(appeal);
                }
            }

            return appeals.Count > 0 ? appeals : null;
        }, cancellationToken);
        ClusterLog.Write($"silo kill {round}: kill -9 {target.Node.Name}, which holds {held.Count} appeals of the load; {load.Acknowledged} writes acknowledged so far");
        target.Node.Kill();
        var killed = Stopwatch.GetTimestamp();
        var at = await watch.FirstAfterAsync($"silo kill {round} ({target.Node.Name})", killed, held.Contains, recoveryTimeout, cancellationToken);
        var errors = serverErrors();
        ClusterLog.Write($"silo kill {round}: first acknowledged write of an appeal it held {ChaosBenchmark.Seconds(killed, at):0.00} s after the kill");
        await cluster.WaitUntilDeclaredDeadAsync(target, recoveryTimeout, cancellationToken);
        target.Node.Start();
        await cluster.WaitUntilActiveAsync(target, startTimeout, cancellationToken);
        return new Recovery(ChaosBenchmark.Seconds(killed, at), errors);
    }

    /// <summary>A fast restart of PostgreSQL (every connection cut, committed data kept); recovered at the first write acknowledged
    /// after the server is back, counted from the start of the restart.</summary>
    public async Task<Recovery> RestartPostgresAsync(int round, CancellationToken cancellationToken)
    {
        ClusterLog.Write($"postgres restart {round}: {restartPostgres.Trim()}; {load.Acknowledged} writes acknowledged so far");
        var started = Stopwatch.GetTimestamp();
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(restartPostgres);
        using var restart = Process.Start(info) ?? throw new InvalidOperationException("bash did not start.");
        var output = restart.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = restart.StandardError.ReadToEndAsync(cancellationToken);
        await restart.WaitForExitAsync(cancellationToken);
        if (restart.ExitCode != 0)
        {
            throw new InvalidOperationException($"The PostgreSQL restart failed with code {restart.ExitCode}: {await output}{await stderr}");
        }

        var back = Stopwatch.GetTimestamp();
        ClusterLog.Write($"postgres restart {round}: the server is back after {ChaosBenchmark.Seconds(started, back):0.00} s");
        var at = await watch.FirstAfterAsync($"postgres restart {round}", back, _ => true, recoveryTimeout, cancellationToken);
        var errors = serverErrors();
        ClusterLog.Write($"postgres restart {round}: first acknowledged write {ChaosBenchmark.Seconds(started, at):0.00} s after the restart began");
        return new Recovery(ChaosBenchmark.Seconds(started, at), errors);
    }

    /// <summary>Fails the run when a process is gone that the benchmark did not kill: a fault that was not survived.</summary>
    public void RequireAll()
    {
        cluster.RequireDashboard();
        foreach (var silo in new[] { cluster.Silo1, cluster.Silo2 })
        {
            if (silo.Node.HasExited)
            {
                throw new InvalidOperationException($"{silo.Node.Name} is no longer running; end of {silo.Node.LogPath}:\n{silo.Node.Tail(30)}");
            }
        }
    }
}
