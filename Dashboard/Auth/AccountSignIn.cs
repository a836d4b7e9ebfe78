namespace Dashboard.Auth;

/// <summary>How a password check ended.</summary>
internal enum PasswordCheckStatus
{
    /// <summary>The password is right.</summary>
    Verified,

    /// <summary>Unknown user name or wrong password (the same answer for both).</summary>
    Failed,

    /// <summary>Refused without checking: the name is locked until <see cref="PasswordCheck.RetryAt"/>.</summary>
    LockedOut,
}

/// <summary>The outcome of a password check: the account when verified, the time to try again when locked out.</summary>
internal sealed record PasswordCheck(PasswordCheckStatus Status, DashboardUser? Account, DateTimeOffset? RetryAt)
{
    public static PasswordCheck Failed { get; } = new(PasswordCheckStatus.Failed, null, null);

    public static PasswordCheck LockedOut(DateTimeOffset retryAt) => new(PasswordCheckStatus.LockedOut, null, retryAt);
}

/// <summary>Checks a user's password with per-account throttling and records the outcome in the security-event log: the
/// sign-in page and the password-change page both go through here, so a wrong current password counts like a wrong
/// sign-in. Known and unknown names take the same path and the same hashing work.</summary>
internal sealed class AccountSignIn(UserStore users, SignInLockout lockout, SecurityEventLog events, ILogger<AccountSignIn> logger)
{
    /// <summary>Checks the password of <paramref name="userName"/>. <paramref name="failureKind"/> is what a wrong password is
    /// logged as (a failed sign-in, or a failed password change).</summary>
    public async Task<PasswordCheck> CheckAsync(
        string userName, string password, string? remoteAddress, SecurityEventKind failureKind, CancellationToken cancellationToken)
    {
        var name = UserStore.Normalize(userName);
        if (await lockout.LockedUntilAsync(name, cancellationToken) is { } lockedUntil)
        {
            logger.LogWarning("Refused sign-in for {UserName} from {RemoteIp}: locked until {RetryAt:O}", name, remoteAddress, lockedUntil);
            await events.WriteAsync(SecurityEventKind.SignInLockedOut, name, remoteAddress, throttled: true,
                detail: $"locked until {lockedUntil:O}", coalesce: true);
            return PasswordCheck.LockedOut(lockedUntil);
        }

        var account = await users.VerifyAsync(name, password, cancellationToken);
        if (account is null)
        {
            var lockedNow = await lockout.RecordFailureAsync(name, remoteAddress, cancellationToken);
            logger.LogWarning("Failed {Kind} for {UserName} from {RemoteIp}", failureKind, name, remoteAddress);
            await events.WriteAsync(failureKind, name, remoteAddress,
                detail: lockedNow is { } until ? $"wrong user name or password; locked until {until:O}" : "wrong user name or password");
            return lockedNow is { } retryAt ? PasswordCheck.LockedOut(retryAt) : PasswordCheck.Failed;
        }

        await lockout.ClearAsync(name, cancellationToken);
        return new PasswordCheck(PasswordCheckStatus.Verified, account, null);
    }
}
