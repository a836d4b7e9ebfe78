using Dashboard.Live;

namespace Dashboard.Wall;

/// <summary>This process's open hub connections of kiosks, so that revoking a token ends a wall's live connection: at once
/// on the process where the admin revoked it (<see cref="AbortAll"/>), within seconds on the others (the periodic check in
/// <see cref="Auth.LiveSessionWatch"/>).</summary>
internal sealed class WallKioskConnections : HubConnectionSet
{
    /// <summary>The distinct wall tokens of the open kiosk connections.</summary>
    public IReadOnlyCollection<string> TokenIds() => DistinctKeys(user => user.WallTokenId());

    /// <summary>Aborts every connection signed in with the token; returns how many.</summary>
    public int AbortAll(string tokenId) => AbortWhere(user => string.Equals(user.WallTokenId(), tokenId, StringComparison.Ordinal));
}
