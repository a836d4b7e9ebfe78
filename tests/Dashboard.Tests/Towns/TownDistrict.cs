using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Dashboard.Towns;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Towns;
using Storage.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Storage;

namespace Dashboard.Tests.Towns;

/// <summary>The dashboard with the demo district loaded once per test class, and helpers to reach its towns. The
/// demo town account's scope is a placeholder, so town operators are created here with a real town code. One subclass
/// per database engine.</summary>
public abstract class TownDistrict(DatabaseProvider provider) : IAsyncLifetime
{
    public const string Password = "town-test-2026";

    private int users;

    public DashboardFactory Factory { get; } = DashboardFactory.WithDemoDistrict(provider);

    public IReadOnlyList<TownProfile> Towns { get; private set; } = [];

    public IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync() => Towns = await Factory.Services.GetRequiredService<TownDirectory>().ListAsync();

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();

    /// <summary>A new town-operator account scoped to <paramref name="townCode"/>; returns its user name.</summary>
    public async Task<string> CreateTownOperatorAsync(string townCode)
    {
        var userName = $"town-op-{Interlocked.Increment(ref users)}";
        await Factory.Services.GetRequiredService<UserStore>()
            .CreateAsync(userName, $"镇街操作员 {townCode}", DashboardRoles.Town, townCode, isDemo: false, Password, CancellationToken.None);
        return userName;
    }

    /// <summary>A signed-in client: a town operator of <paramref name="townCode"/> for role town, else the demo account of the role.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role, string? townCode = null, CookieContainer? cookies = null)
    {
        var client = Factory.CreateClient(cookies ?? new CookieContainer());
        using var response = role == DashboardRoles.Town
            ? await client.SignInAsync(await CreateTownOperatorAsync(townCode ?? Towns[0].Code), Password)
            : await client.AsDemoAsync(role);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Unpackaged enterprises of the town, as the read model has them now.</summary>
    public async Task<IReadOnlyList<EnterpriseListItem>> UnpackagedAsync(string townCode)
    {
        var page = await Factory.Services.GetRequiredService<EnterpriseQueries>()
            .ListAsync(new EnterpriseListQuery { TownCode = townCode, UnpackagedOnly = true, Limit = 500 });
        return page.Items;
    }

    /// <summary>The officials suggested for the enterprise, best first.</summary>
    public async Task<IReadOnlyList<string>> SuggestionsAsync(string creditCode) =>
        [.. (await Factory.Services.GetRequiredService<OfficialQueries>().SuggestAsync(creditCode)).Select(s => s.OfficialId)];

    /// <summary>A district leader's id (leaders are never suggested).</summary>
    public async Task<string> DistrictLeaderAsync()
    {
        var page = await Factory.Services.GetRequiredService<OfficialQueries>()
            .ListAsync(new OfficialListQuery { Tier = OfficialTier.DistrictLeader, Limit = 1 });
        return page.Items.Single().Id;
    }

    public async Task<string[]> OfficialsOfAsync(string creditCode) =>
        [.. await Grains.GetGrain<IEnterpriseGrain>(creditCode).GetOfficials()];
}

public sealed class SqliteTownDistrict() : TownDistrict(DatabaseProvider.Sqlite);

public sealed class PostgresTownDistrict() : TownDistrict(DatabaseProvider.Postgres);

/// <summary>The SQLite town test classes share one fixture: loading the demo district takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteTownCollection : ICollectionFixture<SqliteTownDistrict>
{
    public const string Name = "towns on SQLite";
}

/// <summary>The PostgreSQL town test classes share one fixture: loading the demo district takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTownCollection : ICollectionFixture<PostgresTownDistrict>
{
    public const string Name = "towns on PostgreSQL";
}
