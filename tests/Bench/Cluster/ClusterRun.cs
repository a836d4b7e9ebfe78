using System.Globalization;
using System.Runtime.InteropServices;
using Dashboard.Auth;

namespace Bench.Cluster;

/// <summary>What the benchmarks on a <see cref="LocalCluster"/> (cluster, chaos) share: the cluster's processes killed when the
/// benchmark ends, fails or is interrupted (their logs kept in artifacts/bench/NAME-TIME), and the start-up to a loaded demo
/// district behind an answering Dashboard.</summary>
internal static class ClusterRun
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan DemoDistrictTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="body"/> on a new local cluster; every process is killed afterwards, also on SIGINT/SIGTERM/SIGHUP
    /// (a second signal exits at once).</summary>
    public static async Task RunAsync(string name, Func<LocalCluster, CancellationToken, Task> body)
    {
        var root = RepositoryRoot();
        var logs = Environment.GetEnvironmentVariable("BENCH_CLUSTER_LOGS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(root, "artifacts", "bench", $"{name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(logs);
        ClusterLog.Write($"process logs in {logs}");

        using var interrupted = new CancellationTokenSource();
        using var cluster = await LocalCluster.CreateAsync(PostgresConnection(name), root, logs);
        void Interrupt(PosixSignalContext context)
        {
            context.Cancel = true;
            if (interrupted.IsCancellationRequested)
            {
                // A second signal: do not wait for the benchmark to unwind.
                cluster.KillAll();
                Environment.Exit(130);
            }

            ClusterLog.Write($"{context.Signal}: stopping the benchmark and every cluster process");
            interrupted.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Interrupt);
        void KillAll(object? sender, EventArgs e) => cluster.KillAll();
        AppDomain.CurrentDomain.ProcessExit += KillAll;
        try
        {
            await body(cluster, interrupted.Token);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            // Reported below, after the processes are gone.
        }
        finally
        {
            cluster.KillAll();
            AppDomain.CurrentDomain.ProcessExit -= KillAll;
            ClusterLog.Write($"every cluster process is stopped; their logs are in {logs}");
        }

        if (interrupted.IsCancellationRequested)
        {
            ClusterLog.Write("interrupted: the results are incomplete");
            Environment.Exit(130);
        }
    }

    /// <summary>Starts silo 1 (which seeds the demo district), then the Dashboard, and returns once the district is loaded and a
    /// demo appeal answers through the Dashboard: an inspector, the demo dispatcher signed in, and <paramref name="enterpriseCount"/>
    /// demo enterprises for the load.</summary>
    public static async Task<(ClusterInspector Inspector, DashboardSession Dispatcher, IReadOnlyList<string> Enterprises)> StartAsync(
        LocalCluster cluster, int enterpriseCount, CancellationToken cancellationToken)
    {
        cluster.Silo1.Node.Start();
        await cluster.WaitUntilActiveAsync(cluster.Silo1, StartTimeout, cancellationToken);
        cluster.Dashboard.Start();
        var inspector = await ClusterInspector.StartAsync(cluster.ConnectionString, cancellationToken);
        await Poll.UntilAsync("the demo district to be loaded (IDistrictAdministrationGrain.GetRecountedAt not null: the loader's last step)",
            cluster.Silo1.Node, DemoDistrictTimeout, async () => await inspector.DistrictRecountedAtAsync() is { } at ? at.ToString() : null, cancellationToken);
        await cluster.WaitUntilDashboardAnswersAsync(StartTimeout, cancellationToken);
        var dispatcher = await DashboardSession.SignInAsync(cluster.DashboardAddress, DashboardRoles.Dispatcher, DemoAccounts.Password, cancellationToken);
        var seeded = await cluster.AnySeededAppealAsync(cancellationToken) ?? throw new InvalidOperationException("The demo district has no appeals in rm_appeals.");
        await Poll.UntilAsync($"GET /api/appeals/{seeded} (a demo appeal) to answer 200 through the Dashboard", cluster.Dashboard, StartTimeout,
            async () => (await dispatcher.SendAsync(HttpMethod.Get, $"/api/appeals/{seeded}", null, ProbeTimeout, cancellationToken)).Status == 200 ? "ok" : null,
            cancellationToken);
        return (inspector, dispatcher, await cluster.EnterprisesAsync(enterpriseCount, cancellationToken));
    }

    public static string Describe(IReadOnlyDictionary<string, int> calls) =>
        string.Join(", ", calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Silo", "Silo.csproj")))
            {
                foreach (var dll in new[] { "Silo/bin/Release/net10.0/Silo.dll", "Dashboard/bin/Release/net10.0/Dashboard.dll" })
                {
                    if (!File.Exists(Path.Combine(directory.FullName, dll)))
                    {
                        throw new InvalidOperationException($"{dll} is missing: build Release first (bash tests/bench.sh cluster does).");
                    }
                }

                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (a folder with Silo/Silo.csproj) above {AppContext.BaseDirectory}.");
    }

    private static string PostgresConnection(string name) =>
        Environment.GetEnvironmentVariable("BENCH_POSTGRES_CONNECTION") is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException($"BENCH_POSTGRES_CONNECTION is not set; run this through tests/bench.sh {name}.");
}
