using Dashboard.Live;

namespace Dashboard.Auth;

/// <summary>This process's open hub connections of signed-in people (kiosks are in <see cref="Wall.WallKioskConnections"/>),
/// so that a session that ended closes its live connections: at once on the process where the user signed out or changed
/// the password, within seconds on the others (<see cref="LiveSessionWatch"/>).</summary>
internal sealed class UserHubConnections : HubConnectionSet
{
    /// <summary>The distinct user names of the open connections.</summary>
    public IReadOnlyCollection<string> UserNames() => DistinctKeys(user => user.Identity?.Name);

    /// <summary>Aborts the user's connections whose cookie does not carry <paramref name="currentStamp"/> (null: all of
    /// them); returns how many.</summary>
    public int AbortEnded(string userName, string? currentStamp) => AbortWhere(user =>
        string.Equals(user.Identity?.Name, userName, StringComparison.Ordinal)
        && (currentStamp is null || !string.Equals(user.SecurityStampOf(), currentStamp, StringComparison.Ordinal)));
}
