using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Dashboard.Tests;

/// <summary>What the Dashboard exposes of the Orleans cluster: the Orleans Dashboard package (administrators only), grain keys
/// no entity can have (refused before any activation), and the page shown when the cluster cannot be reached.</summary>
public sealed class ClusterEndpointTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();
    private readonly CookieContainer cookies = new();
    private HttpClient client = new();

    public Task InitializeAsync()
    {
        client = factory.CreateClient(cookies);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task OrleansDashboard_Admin_IsServed()
    {
        // Arrange
        await client.AsDemoAsync(DashboardRoles.Admin);

        // Act
        using var response = await client.GetAsync("/admin/orleans/");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Orleans", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrleansDashboard_Anonymous_IsSentToSignIn()
    {
        // Act
        using var page = await client.GetAsync("/admin/orleans/");
        using var api = await client.GetAsync("/admin/orleans/DashboardCounters");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin", page.Headers.Location?.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.OK, api.StatusCode);
    }

    [Theory]
    [InlineData(DashboardRoles.Leader)]
    [InlineData(DashboardRoles.Dispatcher)]
    [InlineData(DashboardRoles.Department)]
    [InlineData(DashboardRoles.Steward)]
    [InlineData(DashboardRoles.Town)]
    [InlineData(DashboardRoles.Enterprise)]
    public async Task OrleansDashboard_NonAdminRole_IsForbidden(string role)
    {
        // Arrange
        await client.AsDemoAsync(role);

        // Act
        using var page = await client.GetAsync("/admin/orleans/");
        using var api = await client.GetAsync("/admin/orleans/DashboardCounters");

        // Assert: sent to the access-denied page; the data API answers nothing either.
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/access-denied", page.Headers.Location?.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task AppealPage_OversizedId_IsNotFoundAndActivatesNoGrain()
    {
        // Arrange
        await client.AsDemoAsync(DashboardRoles.Dispatcher);
        var id = new string('x', Dashboard.Http.GrainKeyGuard.MaxLength + 1);

        // Act
        using var response = await client.GetAsync($"/appeals/{id}");
        var activations = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();

        // Assert: the in-app not-found page, and no appeal grain was activated for the key.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(activations, a => a.GrainType.EndsWith(".AppealGrain", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task GrainCall_BlankKey_IsRefusedBeforeActivation(string key)
    {
        // Arrange
        var grains = factory.Services.GetRequiredService<IGrainFactory>();

        // Act: Orleans refuses it when the reference is made.
        var refused = await Assert.ThrowsAnyAsync<ArgumentException>(() => grains.GetGrain<Grains.Abstractions.Appeals.IAppealGrain>(key).Get());

        // Assert
        Assert.Equal("primaryKey", refused.ParamName);
    }

    [Fact]
    public async Task ApiCall_OversizedId_IsNotFound()
    {
        // Arrange
        await client.AsDemoAsync(DashboardRoles.Dispatcher);

        // Act
        using var response = await client.GetAsync($"/api/appeals/{new string('x', 60_000)}");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
