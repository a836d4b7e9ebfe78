namespace Dashboard.Auth;

/// <summary>Dashboard settings. Bound from the configuration section "Dashboard".</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Create one demo account per role when the users table is empty. Unset means: only on
    /// the embedded SQLite default, never on PostgreSQL (production).</summary>
    public bool? DemoAccounts { get; set; }
}
