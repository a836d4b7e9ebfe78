using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Bench.Cluster;
using Dashboard.Auth;
using TestInfrastructure.Fuzz;

namespace Bench.Fuzz;

/// <summary>tests/bench.sh fuzz: generated hostile posts (tests/Shared/Fuzz) to every form and API call that each demo role and
/// an anonymous visitor can reach, sent one at a time to a Dashboard process on PostgreSQL at 127.0.0.1. Counts the 5xx answers
/// (with their route and the exception the Dashboard logged) and the refused posts that changed stored state. Settings:
/// BENCH_FUZZ_SEED (printed), BENCH_FUZZ_REQUESTS, BENCH_FUZZ_MINUTES, and BENCH_FUZZ_REPLAY=i,j,… to send only those requests
/// of the seed again. Every request's line is in artifacts/bench/fuzz-*/requests.log.</summary>
internal static partial class FuzzBenchmark
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(string[] args)
    {
        var seed = Setting("BENCH_FUZZ_SEED", 20261129);
        var count = Setting("BENCH_FUZZ_REQUESTS", 12_000);
        var timeBox = TimeSpan.FromMinutes(Setting("BENCH_FUZZ_MINUTES", 15));
        var replay = Environment.GetEnvironmentVariable("BENCH_FUZZ_REPLAY") is { Length: > 0 } list
            ? list.Split(',').Select(i => int.Parse(i, CultureInfo.InvariantCulture)).ToList()
            : null;
        var root = RepositoryRoot();
        var logs = Path.Combine(root, "artifacts", "bench", $"fuzz-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(logs);
        ClusterLog.Write($"seed {seed}, up to {count} requests or {timeBox.TotalMinutes:0} minutes; logs in {logs}");

        var admin = Environment.GetEnvironmentVariable("BENCH_POSTGRES_CONNECTION") is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("BENCH_POSTGRES_CONNECTION is not set: run the benchmark through tests/bench.sh fuzz.");
        using var dashboard = await FuzzDashboard.CreateAsync(admin, root, logs);
        void KillAll(object? sender, EventArgs e) => dashboard.Node.Kill();
        AppDomain.CurrentDomain.ProcessExit += KillAll;
        try
        {
            await dashboard.StartAsync(StartTimeout, Quiet, CancellationToken.None);
            await FuzzAsync(dashboard, seed, replay ?? Enumerable.Range(0, count), timeBox, logs);
        }
        finally
        {
            dashboard.Node.Kill();
            AppDomain.CurrentDomain.ProcessExit -= KillAll;
        }
    }

    private static async Task FuzzAsync(FuzzDashboard dashboard, int seed, IEnumerable<int> indexes, TimeSpan timeBox, string logs)
    {
        HttpClient NewClient() => new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = dashboard.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };

        using var sessions = await FuzzSessions.SignInAsync(NewClient, DashboardRoles.All, DemoAccounts.Password);
        await sessions.DiscoverAsync(CancellationToken.None);
        var generator = new FuzzGenerator(seed, sessions.Targets, sessions.Tokens);
        ClusterLog.Write($"{sessions.Targets.Count} targets: {string.Join(", ", sessions.Targets.GroupBy(t => t.Role).Select(g => $"{g.Key} {g.Count()}"))}");
        await using var requestLog = new StreamWriter(Path.Combine(logs, "requests.log"));
        var causes = new Dictionary<string, int>(StringComparer.Ordinal);
        var dashboardLog = new LogTail(dashboard.Node.LogPath);
        dashboardLog.Skip();
        var started = DateTime.UtcNow;
        var report = await FuzzRunner.RunAsync(generator, sessions, indexes, timeBox, dashboard.FingerprintAsync, outcome =>
        {
            var cause = outcome.Status >= 500 ? dashboardLog.FirstException() : null;
            dashboardLog.Skip();
            requestLog.WriteLine($"{outcome.Status} {(outcome.Refused ? "refused" : "accepted")}{(outcome.ChangedState ? " changed-state" : "")} " +
                $"{outcome.Request.Describe()}{(cause is null ? "" : $" => {cause}")}{(outcome.Failure is null ? "" : $" => {outcome.Failure}")}");
            if (outcome.Status >= 500)
            {
                var key = $"{outcome.Status} {Route(outcome.Request.Path)}: {cause ?? "no exception logged"}";
                causes[key] = causes.GetValueOrDefault(key) + 1;
            }
        }, CancellationToken.None);
        var seconds = (DateTime.UtcNow - started).TotalSeconds;

        Metrics.Print("fuzz_seed", seed, "seed");
        Metrics.Print("fuzz_targets", sessions.Targets.Count, "forms and API calls");
        Metrics.Print("fuzz_requests", report.Requests, "requests");
        Metrics.Print("fuzz_requests_per_sec", report.Requests / seconds, "requests/s");
        Metrics.Print("fuzz_2xx_3xx", report.ByStatus.Where(s => s.Key is >= 200 and < 400).Sum(s => s.Value), "responses");
        Metrics.Print("fuzz_4xx", report.ByStatus.Where(s => s.Key is >= 400 and < 500).Sum(s => s.Value), "responses");
        Metrics.Print("fuzz_no_answer", report.NoAnswer.Count, "requests");
        Metrics.Print("fuzz_5xx", report.ServerErrors.Count, "responses");
        Metrics.Print("half_stored", report.HalfStored.Count, "requests");
        foreach (var (cause, n) in causes.OrderByDescending(c => c.Value))
        {
            Console.WriteLine($"  5xx x{n}: {cause}");
        }

        foreach (var half in report.HalfStored.Take(20))
        {
            Console.WriteLine($"  half-stored: {half.Status} {half.Request.Describe()}");
        }

        if (report.ServerErrors.Count + report.HalfStored.Count > 0)
        {
            var replay = string.Join(',', report.ServerErrors.Concat(report.HalfStored).Select(o => o.Request.Index).Distinct().Take(50));
            Console.WriteLine($"  replay: BENCH_FUZZ_SEED={seed} BENCH_FUZZ_REPLAY={replay} bash tests/bench.sh fuzz");
        }
    }

    /// <summary>The path with record keys replaced by their kind, so the 5xx group by route.</summary>
    private static string Route(string path) => RecordKey().Replace(path.Split('?')[0], m => $"/{m.Groups[1].Value}/{{key}}");

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dashboard", "Dashboard.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Dashboard/Dashboard.csproj) was not found above the benchmark.");
    }

    [GeneratedRegex("/(appeals|enterprises|projects|towns|appeals)/(?!new\\b)[^/]+")]
    private static partial Regex RecordKey();
}
