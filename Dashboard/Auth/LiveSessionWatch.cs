using Dashboard.Wall;
using Microsoft.Extensions.Options;

namespace Dashboard.Auth;

/// <summary>Every <see cref="SessionCheckOptions.ConnectionCheckInterval"/>, checks this process's open hub connections against the
/// database and closes those whose session ended on any Dashboard process: a revoked or expired wall token, or a user who
/// signed out or changed the password elsewhere. One query for the kiosks' tokens and one for the users' stamps per round.</summary>
internal sealed class LiveSessionWatch(
    UserHubConnections users,
    WallKioskConnections kiosks,
    SessionValidator sessions,
    WallTokenStore wallTokens,
    TimeProvider clock,
    IOptions<SessionCheckOptions> options,
    ILogger<LiveSessionWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ConnectionCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be briefly unreachable; the next round tries again.
                logger.LogWarning(exception, "Could not check open live connections against their sessions");
            }
        }
    }

    /// <summary>One round of checks; returns how many connections were closed.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        var tokenIds = kiosks.TokenIds();
        if (tokenIds.Count > 0)
        {
            var active = await wallTokens.ActiveIdsAsync(tokenIds, cancellationToken);
            foreach (var tokenId in tokenIds.Where(id => !active.Contains(id)))
            {
                var aborted = kiosks.AbortAll(tokenId);
                closed += aborted;
                logger.LogInformation("Closed {Connections} kiosk connections of wall token {TokenId}: revoked or expired", aborted, tokenId);
            }
        }

        var userNames = users.UserNames();
        if (userNames.Count > 0)
        {
            var stamps = await sessions.ReadStampsAsync(userNames, cancellationToken);
            foreach (var userName in userNames)
            {
                var aborted = users.AbortEnded(userName, stamps.GetValueOrDefault(userName));
                if (aborted > 0)
                {
                    closed += aborted;
                    logger.LogInformation("Closed {Connections} live connections of {UserName}: the session has ended", aborted, userName);
                }
            }
        }

        return closed;
    }
}
