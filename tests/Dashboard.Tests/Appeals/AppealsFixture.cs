using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.Enterprises;
using Grains.Enterprises;
using Grains.Abstractions.Sla;
using Grains.Hosting;
using Storage.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Storage;

namespace Dashboard.Tests.Appeals;

/// <summary>One dashboard with the demo district for a test class, plus two department handlers whose scopes are real
/// demo departments (the demo accounts' scopes are placeholders). Each test submits its own appeals. One subclass per
/// database engine, so the same tests run on SQLite and PostgreSQL.</summary>
public abstract class AppealsFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public const string Password = "appeals-test-2026";
    public const string FinanceHandler = "finance-handler";
    public const string CommerceHandler = "commerce-handler";

    public DashboardFactory Factory { get; } = DashboardFactory.WithDemoDistrict(provider);

    public async Task InitializeAsync()
    {
        var users = Factory.Services.GetRequiredService<UserStore>();
        await users.CreateAsync(FinanceHandler, "金融经办人（测试）", DashboardRoles.Department, DepartmentCodes.Finance, isDemo: false, Password, CancellationToken.None);
        await users.CreateAsync(CommerceHandler, "商务经办人（测试）", DashboardRoles.Department, DepartmentCodes.Commerce, isDemo: false, Password, CancellationToken.None);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A client signed in as a demo role, one of the handlers above or a user from <see cref="CreateUserAsync"/>.</summary>
    public async Task<HttpClient> ClientAsync(string userName, CookieContainer? cookies = null)
    {
        var client = Factory.CreateClient(cookies ?? new CookieContainer());
        var password = DashboardRoles.IsKnown(userName) ? DemoAccounts.Password : Password;
        using var response = await client.SignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A user of the role and scope, with this fixture's password.</summary>
    public async Task<string> CreateUserAsync(string role, string scope)
    {
        var userName = $"{role}-{Guid.NewGuid():N}";
        await Factory.Services.GetRequiredService<UserStore>().CreateAsync(userName, $"测试 {role}", role, scope, isDemo: false, Password, CancellationToken.None);
        return userName;
    }

    /// <summary>A connection to the live hub, signed in as <paramref name="userName"/> (see <see cref="ClientAsync"/>).</summary>
    internal async Task<RawHubClient> HubAsync(string userName, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using var client = await ClientAsync(userName, cookies);
        var server = Factory.Server;
        return await RawHubClient.ConnectAsync(server, "/hubs/live", cookies.GetCookieHeader(server.BaseAddress), cancellationToken);
    }

    /// <summary>The evidence files stored for the appeal, read straight from the dashboard's table.</summary>
    internal Task<IReadOnlyList<Dashboard.Appeals.StoredEvidence>> StoredEvidenceAsync(string appealId) =>
        Factory.Services.GetRequiredService<Dashboard.Appeals.EvidenceStore>().ListAsync(appealId, CancellationToken.None);

    public HttpClient Anonymous() => Factory.CreateClient(new CookieContainer());

    public IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();

    public async Task<EnterpriseListItem> AnyEnterpriseAsync(int index = 0)
    {
        var district = Factory.Services.GetRequiredService<IOptions<DomainOptions>>().Value.DistrictCode;
        var page = await Factory.Services.GetRequiredService<EnterpriseQueries>().ListAsync(new EnterpriseListQuery { DistrictCode = district, Limit = 50 });
        return page.Items[index];
    }

    /// <summary>A new enterprise of the first demo town with its own credit code, so no other test's appeals are near it.</summary>
    public async Task<EnterpriseListItem> NewEnterpriseAsync(string name)
    {
        var model = await AnyEnterpriseAsync();
        var town = model.TownCode;
        var code = UnifiedSocialCreditCode.Generate(Random.Shared.Next, "91", "371002");
        await Grains.GetGrain<IEnterpriseGrain>(code).Register(
            new EnterpriseProfile(code, name, model.Industry, town, null, null, EnterpriseSize.Small, CreditLevel.A));
        var page = await Factory.Services.GetRequiredService<EnterpriseQueries>().ListAsync(new EnterpriseListQuery { TownCode = town, NameContains = name, Limit = 10 });
        return page.Items.Single(e => e.CreditCode == code);
    }

    /// <summary>A new appeal accepted by the dispatcher, optionally routed to a department; its own id, so tests never share one.</summary>
    public async Task<Appeal> NewAppealAsync(string? routeTo = null, string category = "finance", EnterpriseListItem? enterprise = null)
    {
        enterprise ??= await AnyEnterpriseAsync();
        var id = Guid.NewGuid().ToString("N");
        var dispatcher = new AppealActor("dispatcher", ActorRole.Dispatcher, null, ActionChannel.Workbench);
        var grain = Grains.GetGrain<IAppealGrain>(id);
        var receipt = await grain.Submit(
            new AppealIntake(id, enterprise.CreditCode, enterprise.TownCode, AppealChannel.Hotline12345, category, AppealPriority.Normal,
                $"测试诉求 {id[..6]}", "企业反映贷款审批时间过长，希望协调。"),
            dispatcher);
        return routeTo is null ? receipt.Appeal : await grain.Route(dispatcher, routeTo);
    }
}

public sealed class SqliteAppealsFixture() : AppealsFixture(DatabaseProvider.Sqlite);

public sealed class PostgresAppealsFixture() : AppealsFixture(DatabaseProvider.Postgres);

/// <summary>The SQLite appeal test classes share one fixture: loading the demo district takes seconds, and each test makes
/// its own appeals.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteAppealsCollection : ICollectionFixture<SqliteAppealsFixture>
{
    public const string Name = "appeals on SQLite";
}

/// <summary>The PostgreSQL appeal test classes share one fixture: loading the demo district takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresAppealsCollection : ICollectionFixture<PostgresAppealsFixture>
{
    public const string Name = "appeals on PostgreSQL";
}
