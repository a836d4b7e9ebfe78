using Microsoft.Extensions.Logging;
using Orleans;

namespace Silo.Hosting;

/// <summary>A client whose cluster is not reachable (yet) waits and tries again, logging each attempt, so that a Dashboard
/// started before its silos, or left by all of them for a while, recovers by itself.</summary>
internal sealed partial class ClusterConnectionRetry(ILogger<ClusterConnectionRetry> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);
    private int attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        attempt++;
        var delay = TimeSpan.FromMilliseconds(Math.Min(MaxDelay.TotalMilliseconds, 250 * attempt));
        LogRetry(logger, attempt, delay.TotalSeconds, exception.Message);
        await Task.Delay(delay, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster is not reachable (attempt {Attempt}); trying again in {Seconds:0.##} s: {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, double seconds, string reason);
}
