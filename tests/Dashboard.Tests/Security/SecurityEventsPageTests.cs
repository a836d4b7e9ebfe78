using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Storage;

namespace Dashboard.Tests.Security;

/// <summary>The admin's security log (/admin/security) on both engines: what the app records, newest first, paged, in
/// Chinese and English, for administrators only.</summary>
public abstract class SecurityEventsPageTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly DashboardFactory factory = DashboardFactory.WithServices(_ => { }, provider: provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task SecurityPage_AfterFailedSignInAndRefusal_ListsThemNewestFirst()
    {
        // Arrange: a failed sign-in, then a dispatcher refused an admin page.
        using var anonymous = factory.CreateClient(new CookieContainer());
        using (await anonymous.SignInAsync("mallory", "guess-1"))
        {
        }

        using var dispatcher = factory.CreateClient(new CookieContainer());
        await dispatcher.SignInOrFailAsync(DashboardRoles.Dispatcher, DemoAccounts.Password);
        using (await dispatcher.GetAsync("/admin/security"))
        {
        }

        using var admin = factory.CreateClient(new CookieContainer());
        await admin.SignInOrFailAsync(DashboardRoles.Admin, DemoAccounts.Password);

        // Act
        using var response = await admin.GetAsync("/admin/security");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await SecurityPages.DocumentAsync(response)).QuerySelectorAll("tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToArray())
            .ToList();
        Assert.Equal("越权访问被拒绝", rows[0][1]);
        Assert.Equal(DashboardRoles.Dispatcher, rows[0][2]);
        Assert.Contains("/admin/security", rows[0][5], StringComparison.Ordinal);
        Assert.Equal("登录失败", rows[1][1]);
        Assert.Equal("mallory", rows[1][2]);
    }

    [Fact]
    public async Task SecurityPage_ManyEvents_IsPagedNewestFirst()
    {
        // Arrange: 120 events, numbered in the order they happened.
        var log = factory.Services.GetRequiredService<SecurityEventLog>();
        for (var i = 1; i <= 120; i++)
        {
            await log.WriteAsync(SecurityEventKind.SignInFailed, $"user-{i:000}", "192.0.2.7", detail: $"event {i}");
        }

        using var admin = factory.CreateClient(new CookieContainer());
        await admin.SignInOrFailAsync(DashboardRoles.Admin, DemoAccounts.Password);

        // Act
        using var first = await admin.GetAsync("/admin/security");
        using var last = await admin.GetAsync("/admin/security?page=3");

        // Assert
        var firstPage = await SecurityPages.DocumentAsync(first);
        var lastPage = await SecurityPages.DocumentAsync(last);
        Assert.Equal(50, firstPage.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("user-120", firstPage.QuerySelector("tbody tr td:nth-child(3)")?.TextContent);
        Assert.Equal("第 1 / 3 页", firstPage.QuerySelector("[aria-current=page]")?.TextContent.Trim());
        Assert.Equal("/admin/security?page=2", firstPage.QuerySelectorAll(".page-link").Last().GetAttribute("href"));
        Assert.Equal(20, lastPage.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("user-001", lastPage.QuerySelectorAll("tbody tr td:nth-child(3)").Last().TextContent);
    }

    [Fact]
    public async Task SecurityPage_English_ShowsEnglishText()
    {
        // Arrange
        await factory.Services.GetRequiredService<SecurityEventLog>().WriteAsync(SecurityEventKind.WallTokenRevoked, "admin", "192.0.2.7");
        var cookies = new CookieContainer();
        using var admin = factory.CreateClient(cookies);
        await admin.SignInOrFailAsync(DashboardRoles.Admin, DemoAccounts.Password);
        cookies.Add(factory.Server.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));

        // Act
        using var response = await admin.GetAsync("/admin/security");

        // Assert
        var page = await SecurityPages.DocumentAsync(response);
        Assert.Equal("Security log", page.QuerySelector("h1")?.TextContent);
        Assert.Contains(page.QuerySelectorAll("tbody td"), cell => cell.TextContent == "Wall token revoked");
    }

    [Theory]
    [InlineData(DashboardRoles.Leader)]
    [InlineData(DashboardRoles.Dispatcher)]
    [InlineData(DashboardRoles.Town)]
    public async Task SecurityPage_NotAdmin_IsRefused(string role)
    {
        // Arrange
        using var client = factory.CreateClient(new CookieContainer());
        await client.SignInOrFailAsync(role, DemoAccounts.Password);

        // Act
        using var response = await client.GetAsync("/admin/security");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
    }
}

public sealed class SecurityEventsPageSqliteTests() : SecurityEventsPageTests(DatabaseProvider.Sqlite);

public sealed class SecurityEventsPagePostgresTests() : SecurityEventsPageTests(DatabaseProvider.Postgres);
