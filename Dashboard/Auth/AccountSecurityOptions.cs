namespace Dashboard.Auth;

/// <summary>Sign-in throttling and password rules. Bound from the configuration section "Dashboard:SignIn".</summary>
public sealed class AccountSecurityOptions
{
    public const string SectionName = "Dashboard:SignIn";

    /// <summary>Failed sign-ins of one user name within <see cref="FailureWindow"/> that lock it.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How far back failures count towards <see cref="MaxFailures"/>.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked user name stays locked after its last failure; the sign-in page says until when.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in posts one client address may make within <see cref="AddressWindow"/> (all user names together). An
    /// office behind one NAT address shares it, so it is generous; behind a reverse proxy set ASPNETCORE_FORWARDEDHEADERS_ENABLED
    /// so that the address is the client's, not the proxy's.</summary>
    public int AddressPermitLimit { get; set; } = 30;

    /// <summary>The sliding window of <see cref="AddressPermitLimit"/>.</summary>
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The shortest new password accepted on /account/password.</summary>
    public int PasswordMinLength { get; set; } = 10;

    /// <summary>The longest password accepted (PBKDF2 hashes whatever it is given; this bounds the work).</summary>
    public const int PasswordMaxLength = 128;

    internal bool IsValid() =>
        MaxFailures >= 1 && FailureWindow > TimeSpan.Zero && LockoutDuration > TimeSpan.Zero
        && AddressPermitLimit >= 1 && AddressWindow >= TimeSpan.FromSeconds(1)
        && PasswordMinLength is >= 8 and <= PasswordMaxLength;
}
