using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.Officials;

namespace Dashboard.Tests.Towns;

/// <summary>The town group of the live hub: who may subscribe, and that a town's changes reach only its group.</summary>
[Collection(SqliteTownCollection.Name)]
public sealed class TownLiveHubTests(SqliteTownDistrict district) : IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    public void Dispose() => timeout.Dispose();

    [Theory]
    [InlineData(DashboardRoles.Town, 1, true)]
    [InlineData(DashboardRoles.Town, 2, false)]
    [InlineData(DashboardRoles.Dispatcher, 2, true)]
    [InlineData(DashboardRoles.Leader, 2, true)]
    [InlineData(DashboardRoles.Admin, 2, true)]
    [InlineData(DashboardRoles.Enterprise, 1, false)]
    [InlineData(DashboardRoles.Steward, 1, false)]
    [InlineData(DashboardRoles.Department, 1, false)]
    public async Task SubscribeTown_ByRoleAndTown_OnlyTheTownsOperatorAndDistrictWideRoles(string role, int townIndex, bool allowed)
    {
        // Arrange: town operators are scoped to town 1.
        await using var hub = await ConnectAsync(role, district.Towns[1].Code);

        // Act
        var error = await hub.InvokeAsync("SubscribeTown", [district.Towns[townIndex].Code], timeout.Token);

        // Assert
        Assert.Equal(allowed, error is null);
        if (!allowed)
        {
            Assert.Contains("Forbidden", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TownGroup_PackagingChangesInTwoTowns_OperatorReceivesOnlyTheirTownsChange()
    {
        // Arrange
        var own = district.Towns[3].Code;
        var other = district.Towns[4].Code;
        await using var hub = await ConnectAsync(DashboardRoles.Town, own);
        Assert.Null(await hub.InvokeAsync("SubscribeTown", [own], timeout.Token));
        var elsewhere = (await district.UnpackagedAsync(other))[0];
        var here = (await district.UnpackagedAsync(own))[0];

        // Act: the other town's change happens first, so a leak would arrive first.
        await Assign(elsewhere.CreditCode);
        await Assign(here.CreditCode);
        var push = await hub.NextPushAsync("Town", timeout.Token);

        // Assert
        Assert.Equal(own, push.GetProperty("townCode").GetString());
        Assert.Equal(here.CreditCode, push.GetProperty("subjectCode").GetString());
        Assert.Equal("PackagingChanged", push.GetProperty("kind").GetString());
        Assert.True(push.GetProperty("sequence").GetInt64() > 0);
    }

    private async Task Assign(string creditCode)
    {
        var official = (await district.SuggestionsAsync(creditCode))[0];
        await district.Grains.GetGrain<IOfficialGrain>(official).Assign(creditCode);
    }

    private async Task<RawHubClient> ConnectAsync(string role, string townCode)
    {
        var cookies = new CookieContainer();
        using var client = await district.SignedInClientAsync(role, townCode, cookies);
        var server = district.Factory.Server;
        return await RawHubClient.ConnectAsync(server, "/hubs/live", cookies.GetCookieHeader(server.BaseAddress), timeout.Token);
    }
}
