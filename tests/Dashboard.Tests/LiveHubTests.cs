using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests;

public sealed class LiveHubTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();
    private readonly CookieContainer cookies = new();
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        timeout.Dispose();
        await factory.DisposeAsync();
    }

    [Theory]
    [InlineData(DashboardRoles.Admin, true)]
    [InlineData(DashboardRoles.Leader, false)]
    [InlineData(DashboardRoles.Dispatcher, false)]
    [InlineData(DashboardRoles.Department, false)]
    [InlineData(DashboardRoles.Steward, false)]
    [InlineData(DashboardRoles.Town, false)]
    [InlineData(DashboardRoles.Enterprise, false)]
    public async Task SubscribeRuntime_ByRole_OnlyAdminIsAllowed(string role, bool allowed)
    {
        // Arrange
        await using var hub = await ConnectAsAsync(role);

        // Act
        var error = await hub.InvokeAsync("SubscribeRuntime", [], timeout.Token);

        // Assert
        Assert.Equal(allowed, error is null);
        if (!allowed)
        {
            Assert.Contains("Forbidden", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SubscribeTown_TownOperator_OnlyTheirOwnTown(bool ownTown)
    {
        // Arrange: the demo town operator's scope is the demo district's first town.
        var own = DemoScopes.For(new Grains.Hosting.DomainOptions()).Town;
        var townId = ownTown ? own : own + "-other";
        var allowed = ownTown;
        await using var hub = await ConnectAsAsync(DashboardRoles.Town);

        // Act
        var error = await hub.InvokeAsync("SubscribeTown", [townId], timeout.Token);

        // Assert
        Assert.Equal(allowed, error is null);
    }

    [Fact]
    public async Task SubscribeRuntime_Admin_ReceivesIncreasingSequences()
    {
        // Arrange
        await using var hub = await ConnectAsAsync(DashboardRoles.Admin);
        Assert.Null(await hub.InvokeAsync("SubscribeRuntime", [], timeout.Token));

        // Act
        var first = await hub.NextPushAsync("Runtime", timeout.Token);
        var second = await hub.NextPushAsync("Runtime", timeout.Token);

        // Assert
        Assert.True(second.GetProperty("sequence").GetInt64() > first.GetProperty("sequence").GetInt64());
        Assert.Equal(first.GetProperty("epoch").GetString(), second.GetProperty("epoch").GetString());
        Assert.True(second.GetProperty("snapshot").TryGetProperty("grainTypes", out _));
    }

    private async Task<RawHubClient> ConnectAsAsync(string role)
    {
        using var client = factory.CreateClient(cookies);
        using var response = await client.AsDemoAsync(role);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await RawHubClient.ConnectAsync(factory.Server, "/hubs/live", cookies.GetCookieHeader(factory.Server.BaseAddress), timeout.Token);
    }
}
