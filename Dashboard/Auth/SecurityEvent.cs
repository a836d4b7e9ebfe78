namespace Dashboard.Auth;

/// <summary>What happened, as stored in <c>security_events.kind</c> (the name) and shown on /admin/security.</summary>
public enum SecurityEventKind
{
    /// <summary>A wrong user name or password.</summary>
    SignInFailed,

    /// <summary>A sign-in refused without checking the password: the user name is locked after too many failures.</summary>
    SignInLockedOut,

    /// <summary>A sign-in refused without checking anything: too many sign-ins from one address.</summary>
    SignInThrottled,

    /// <summary>A signed-in user asked for a page or action their role may not use (403).</summary>
    AccessRefused,

    /// <summary>A user signed out, which ended every session of theirs.</summary>
    SessionsEnded,

    /// <summary>A sign-in cookie of an ended session (signed out, password changed) was presented and refused.</summary>
    SessionRefused,

    /// <summary>A user changed their password, which ended their other sessions.</summary>
    PasswordChanged,

    /// <summary>A password change with a wrong current password.</summary>
    PasswordChangeFailed,

    /// <summary>An administrator issued a wall link.</summary>
    WallTokenIssued,

    /// <summary>An administrator revoked a wall link; the kiosk using it was disconnected.</summary>
    WallTokenRevoked,

    /// <summary>A wall link that had already opened a kiosk was opened again and refused.</summary>
    WallTokenReused,
}

/// <summary>One row of the security-event log; <paramref name="Kind"/> is a <see cref="SecurityEventKind"/> name (kept as text, so
/// that a kind written by a newer version still shows). <paramref name="Throttled"/> says the attempt was refused by throttling
/// (address limit or account lockout) rather than judged; <paramref name="Detail"/> is a short English note for the admin.</summary>
public sealed record SecurityEvent(
    long Id, DateTimeOffset OccurredAt, string Kind, string? UserName, string? RemoteAddress, bool Throttled, string? Detail);
