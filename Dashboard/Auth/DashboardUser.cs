namespace Dashboard.Auth;

/// <summary>A dashboard account as stored in the <c>users</c> table. The user name is stored in lower
/// case; the scope is the town, department, steward or enterprise id the role is limited to (null when
/// the role sees the whole district); demo accounts are those the embedded default created.</summary>
public sealed record DashboardUser(
    string UserName,
    string DisplayName,
    string Role,
    string? Scope,
    bool IsDemo,
    string PasswordHash)
{
    /// <summary>Changes on sign-out and password change; a sign-in cookie counts only while it carries the current stamp.</summary>
    public string SecurityStamp { get; init; } = "";
}
