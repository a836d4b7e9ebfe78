namespace Dashboard.Auth;

/// <summary>Whether this process runs on demo data: the embedded default created demo accounts,
/// so the header shows a demo label and the start-up banner lists the accounts.</summary>
internal sealed class DemoMode
{
    private volatile IReadOnlyList<DashboardUser> accounts = [];

    public bool IsActive => accounts.Count > 0;

    public IReadOnlyList<DashboardUser> Accounts => accounts;

    public void Activate(IReadOnlyList<DashboardUser> demoAccounts) => accounts = demoAccounts;
}
