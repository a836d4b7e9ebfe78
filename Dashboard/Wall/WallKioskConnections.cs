using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Wall;

/// <summary>The open hub connections of kiosks, so that revoking a token also ends a wall's live
/// connection at once (its cookie is refused from the next request on). Entries leave on disconnect.</summary>
internal sealed class WallKioskConnections
{
    private readonly ConcurrentDictionary<string, HubCallerContext> connections = new(StringComparer.Ordinal);

    public int Count => connections.Count;

    public void Add(HubCallerContext context) => connections[context.ConnectionId] = context;

    public void Remove(string connectionId) => connections.TryRemove(connectionId, out _);

    /// <summary>Aborts every connection signed in with the token; returns how many.</summary>
    public int AbortAll(string tokenId)
    {
        var aborted = 0;
        foreach (var context in connections.Values)
        {
            if (string.Equals(context.User?.WallTokenId(), tokenId, StringComparison.Ordinal))
            {
                context.Abort();
                aborted++;
            }
        }

        return aborted;
    }
}
