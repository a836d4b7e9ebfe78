using System.Diagnostics;

namespace Bench.Cluster;

/// <summary>Waiting for a state of the cluster by asking for it again and again, saying in the log what is waited for and how
/// long it took.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Polls until <paramref name="probe"/> answers non-null; fails after <paramref name="timeout"/>, or at once when
    /// <paramref name="mustRun"/> exits (with the end of its log).</summary>
    public static async Task<(T Value, TimeSpan Waited)> UntilAsync<T>(
        string what, ClusterNode? mustRun, TimeSpan timeout, Func<Task<T?>> probe, CancellationToken cancellationToken)
        where T : class
    {
        ClusterLog.Write($"waiting for {what} (up to {timeout.TotalSeconds:0} s)");
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (await probe() is { } value)
            {
                var waited = Stopwatch.GetElapsedTime(started);
                ClusterLog.Write($"after {waited.TotalSeconds:0.0} s: {what}");
                return (value, waited);
            }

            if (mustRun is { HasExited: true })
            {
                throw new InvalidOperationException($"{mustRun.Name} exited while waiting for {what}; end of {mustRun.LogPath}:\n{mustRun.Tail(30)}");
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"Gave up after {timeout.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }

    /// <summary>Polls until the Dashboard at <paramref name="address"/> answers GET /signin with a success status.</summary>
    public static async Task UntilDashboardAnswersAsync(Uri address, ClusterNode dashboard, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        await UntilAsync($"the Dashboard to answer GET {address}signin with 200", dashboard, timeout, async () =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/signin", UriKind.Relative), cancellationToken);
                return response.IsSuccessStatusCode ? "up" : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, cancellationToken);
    }
}
