namespace Dashboard.Auth;

/// <summary>How quickly an ended session stops working on every Dashboard process. Bound from "Dashboard:Sessions".</summary>
public sealed class SessionCheckOptions
{
    public const string SectionName = "Dashboard:Sessions";

    /// <summary>How long one process trusts a user's security stamp it read from the database before reading it again. A
    /// sign-out on this process takes effect at once; on another process within this time.</summary>
    public TimeSpan StampCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often open live-hub connections (users and wall kiosks) are checked against the database; a connection
    /// whose session ended or whose wall token was revoked, on any process, is closed at the next check.</summary>
    public TimeSpan ConnectionCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    internal bool IsValid() =>
        StampCacheDuration >= TimeSpan.Zero && StampCacheDuration <= TimeSpan.FromMinutes(1)
        && ConnectionCheckInterval >= TimeSpan.FromMilliseconds(100) && ConnectionCheckInterval <= TimeSpan.FromMinutes(1);
}
