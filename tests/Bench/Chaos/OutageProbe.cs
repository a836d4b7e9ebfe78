using Bench.Cluster;

namespace Bench.Chaos;

/// <summary>What a user sees during the faults: every second, as the load's dispatcher, GET of the appeal list page and of one
/// appeal through the JSON API. Counts the 5xx answers, those that say "service temporarily unavailable" (the product's 503 page)
/// and those that show a stack trace; the first body of each kind that is not the clear message is kept in the log directory.</summary>
internal sealed class OutageProbe : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly string[] ClearMessages = ["服务暂时不可用", "Service temporarily unavailable"];

    private readonly CancellationTokenSource stop;
    private readonly Task running;
    private readonly string logDirectory;
    private int answers, serverErrors, clear, stackTraces, noAnswer;

    private OutageProbe(DashboardSession session, Func<string?> appeal, string logDirectory, CancellationToken cancellationToken)
    {
        this.logDirectory = logDirectory;
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        running = Task.Run(() => RunAsync(session, appeal, stop.Token));
    }

    public int Answers => answers;

    public int ServerErrors => serverErrors;

    /// <summary>5xx answers that say the service is temporarily unavailable.</summary>
    public int Clear => clear;

    public int StackTraces => stackTraces;

    /// <summary>Probes with no answer (connection refused while the Dashboard was down, or a timeout).</summary>
    public int NoAnswer => noAnswer;

    public static OutageProbe Start(DashboardSession session, Func<string?> appeal, string logDirectory, CancellationToken cancellationToken) =>
        new(session, appeal, logDirectory, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await running;
        stop.Dispose();
    }

    private async Task RunAsync(DashboardSession session, Func<string?> appeal, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var paths = appeal() is { } id ? new[] { "/appeals", $"/api/appeals/{id}" } : ["/appeals"];
                await Task.WhenAll(paths.Select(async path => Classify(path, await session.GetTextAsync(path, Timeout, cancellationToken))));
                await Task.Delay(Interval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private void Classify(string path, (int Status, string Body) answer)
    {
        if (answer.Status == 0)
        {
            Interlocked.Increment(ref noAnswer);
            return;
        }

        Interlocked.Increment(ref answers);
        if (answer.Status < 500)
        {
            return;
        }

        Interlocked.Increment(ref serverErrors);
        var isClear = ClearMessages.Any(m => answer.Body.Contains(m, StringComparison.Ordinal));
        var hasStackTrace = answer.Body.Contains("   at ", StringComparison.Ordinal) || answer.Body.Contains("Exception:", StringComparison.Ordinal);
        if (isClear && !hasStackTrace)
        {
            Interlocked.Increment(ref clear);
            return;
        }

        if (hasStackTrace)
        {
            Interlocked.Increment(ref stackTraces);
        }

        var sample = Path.Combine(logDirectory, $"unclear-{answer.Status}.txt");
        if (!File.Exists(sample))
        {
            File.WriteAllText(sample, $"GET {path} answered {answer.Status}\n\n{answer.Body}");
            ClusterLog.Write($"probe: GET {path} answered {answer.Status} without the \"temporarily unavailable\" message; body kept in {sample}");
        }
    }
}
