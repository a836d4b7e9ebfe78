using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Live;

/// <summary>Some of this process's open hub connections, by connection id, so that a session or token that ended can close
/// them. Entries are added and removed by <see cref="Auth.LiveSessionHubFilter"/>.</summary>
internal abstract class HubConnectionSet
{
    private readonly ConcurrentDictionary<string, HubCallerContext> connections = new(StringComparer.Ordinal);

    public int Count => connections.Count;

    public void Add(HubCallerContext context) => connections[context.ConnectionId] = context;

    public void Remove(string connectionId) => connections.TryRemove(connectionId, out _);

    /// <summary>The distinct non-null keys of the open connections' users.</summary>
    protected IReadOnlyCollection<string> DistinctKeys(Func<ClaimsPrincipal, string?> key) =>
        [.. connections.Values.Select(context => context.User is { } user ? key(user) : null).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>Aborts every connection (the process is stopping); returns how many.</summary>
    public int AbortAll() => AbortWhere(_ => true);

    /// <summary>Aborts the connections whose user matches; returns how many.</summary>
    protected int AbortWhere(Func<ClaimsPrincipal, bool> matches)
    {
        var aborted = 0;
        foreach (var context in connections.Values)
        {
            if (context.User is { } user && matches(user))
            {
                context.Abort();
                connections.TryRemove(context.ConnectionId, out _);
                aborted++;
            }
        }

        return aborted;
    }
}
