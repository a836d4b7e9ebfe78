using System.Collections.Concurrent;
using System.Security.Claims;
using Dashboard.Wall;
using Microsoft.Extensions.Options;
using Storage;

namespace Dashboard.Auth;

/// <summary>Whether a signed-in principal's session still counts: a person's cookie while it carries the account's current
/// security stamp, a kiosk's while its wall token is active. Used on every request (cookie validation), on every hub call and
/// by the periodic check of open hub connections. Stamps are cached per process for
/// <see cref="SessionCheckOptions.StampCacheDuration"/>; ending sessions here forgets the cached stamp at once. While the database
/// is unreachable the stamp last read stays trusted (ending a session writes the database, so none can end meanwhile); with no
/// stamp read yet it throws <see cref="StorageUnavailableException"/>.</summary>
internal sealed class SessionValidator(UserStore users, WallTokenStore wallTokens, TimeProvider clock, IOptions<SessionCheckOptions> options)
{
    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset ReadAt)> stamps = new(StringComparer.Ordinal);

    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        if (principal.IsKiosk())
        {
            try
            {
                return principal.WallTokenId() is { } tokenId && await wallTokens.IsActiveAsync(tokenId, cancellationToken);
            }
            catch (Exception exception) when (StorageUnavailableException.FromConnectionFailure(exception) is { } outage)
            {
                throw outage;
            }
        }

        var userName = principal.Identity.Name;
        var stamp = principal.SecurityStampOf();
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(stamp))
        {
            // A cookie from before security stamps existed: sign in again, once.
            return false;
        }

        return string.Equals(await CurrentStampAsync(userName, cancellationToken), stamp, StringComparison.Ordinal);
    }

    /// <summary>Ends every session of the account (new security stamp); returns the new stamp, or null for an unknown account.</summary>
    public async Task<string?> EndSessionsAsync(string userName, CancellationToken cancellationToken)
    {
        var stamp = await users.RotateSecurityStampAsync(userName, cancellationToken);
        Remember(UserStore.Normalize(userName), stamp);
        return stamp;
    }

    /// <summary>Records a stamp this process has just written or read (null: the account does not exist).</summary>
    public void Remember(string userName, string? stamp) => stamps[userName] = (stamp, clock.GetUtcNow());

    /// <summary>Reads the current stamps of these accounts from the database (bypassing the cache, and refreshing it).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadStampsAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken)
    {
        var current = await users.SecurityStampsAsync(userNames, cancellationToken);
        foreach (var name in userNames)
        {
            Remember(name, current.GetValueOrDefault(name));
        }

        return current;
    }

    private async ValueTask<string?> CurrentStampAsync(string userName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = stamps.TryGetValue(userName, out var cached);
        if (known && now - cached.ReadAt < options.Value.StampCacheDuration)
        {
            return cached.Stamp;
        }

        string? stamp;
        try
        {
            stamp = (await users.FindAsync(userName, cancellationToken))?.SecurityStamp;
        }
        catch (Exception exception) when (StorageUnavailableException.FromConnectionFailure(exception) is { } outage)
        {
            return known ? cached.Stamp : throw outage;
        }

        stamps[userName] = (stamp, now);
        return stamp;
    }
}
