using Grains.Hosting;
using Microsoft.Extensions.Options;
using Storage;

namespace Dashboard.Auth;

/// <summary>On the embedded default's first start (no users yet), creates one demo account per role,
/// all with <see cref="Password"/>; on every start, finds out whether demo accounts exist.</summary>
internal sealed class DemoAccounts(
    UserStore users, IDatabase database, IOptions<DashboardOptions> options, IOptions<DomainOptions> domain, DemoMode demoMode, ILogger<DemoAccounts> logger)
    : IHostedService
{
    /// <summary>Printed at start-up; demo accounts exist only on the embedded default.</summary>
    public const string Password = "demo2026";

    /// <summary>The demo accounts: user name = role; scopes are records of the demo district.</summary>
    public static IReadOnlyList<(string Role, string DisplayName, string? Scope)> Definitions(DomainOptions domain)
    {
        var scopes = DemoScopes.For(domain);
        return
        [
            (DashboardRoles.Leader, "区领导（演示）", null),
            (DashboardRoles.Dispatcher, "服务中心调度员（演示）", null),
            (DashboardRoles.Department, "部门经办人（演示）", scopes.Department),
            (DashboardRoles.Steward, "项目管家（演示）", scopes.Steward),
            (DashboardRoles.Town, "镇街中心（演示）", scopes.Town),
            (DashboardRoles.Enterprise, "企业用户（演示）", scopes.Enterprise),
            (DashboardRoles.Admin, "系统管理员（演示）", null),
        ];
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = options.Value.DemoAccounts ?? database.Provider == DatabaseProvider.Sqlite;
        if (seed && !await users.AnyAsync(cancellationToken))
        {
            var definitions = Definitions(domain.Value);
            foreach (var (role, displayName, scope) in definitions)
            {
                await users.CreateAsync(role, displayName, role, scope, isDemo: true, Password, cancellationToken);
            }

            logger.LogInformation("Created {Count} demo accounts on {Database}", definitions.Count, database.DisplayName);
        }

        demoMode.Activate(await users.ListDemoAsync(cancellationToken));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
