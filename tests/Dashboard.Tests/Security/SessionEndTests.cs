using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Security;

/// <summary>Signing out and changing the password end sessions on the server: copied cookies, other browsers and open hub
/// connections of the user stop working, here at once and, when the session was ended by another Dashboard process (its
/// write to the users table), within seconds.</summary>
public sealed class SessionEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Seconds = TimeSpan.FromSeconds(10);
    private readonly DashboardFactory factory = new();
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        timeout.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task SignOut_CopiedCookie_IsRefused()
    {
        // Arrange: a signed-in admin, and a copy of the cookie taken before signing out.
        var cookies = new CookieContainer();
        using var client = factory.CreateClient(cookies);
        await client.SignInOrFailAsync(DashboardRoles.Admin, DemoAccounts.Password);
        var copied = cookies.GetCookieHeader(factory.Server.BaseAddress);
        using var thief = SecurityPages.ClientWithCookieHeader(factory, copied);
        using var thiefScript = SecurityPages.ClientWithCookieHeader(factory, copied, "application/json");
        using (var before = await thief.GetAsync("/admin/runtime"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // Act
        using var signedOut = await SignOutAsync(client);
        using var page = await thief.GetAsync("/admin/runtime");
        using var api = await thiefScript.GetAsync("/wall/snapshot");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin", page.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        var (events, _) = await factory.Services.GetRequiredService<SecurityEventLog>().PageAsync(1, 50, CancellationToken.None);
        Assert.Contains(events, e => e.Kind == nameof(SecurityEventKind.SessionsEnded) && e.UserName == DashboardRoles.Admin);
        Assert.Contains(events, e => e.Kind == nameof(SecurityEventKind.SessionRefused) && e.UserName == DashboardRoles.Admin);
    }

    [Fact]
    public async Task SignOut_OtherBrowserOfTheSameUser_IsSignedOutToo()
    {
        // Arrange
        using var laptop = factory.CreateClient(new CookieContainer());
        using var phone = factory.CreateClient(new CookieContainer());
        await laptop.SignInOrFailAsync(DashboardRoles.Leader, DemoAccounts.Password);
        await phone.SignInOrFailAsync(DashboardRoles.Leader, DemoAccounts.Password);

        // Act
        using var _ = await SignOutAsync(laptop);
        using var wall = await phone.GetAsync("/wall");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, wall.StatusCode);
        Assert.Equal("/signin", wall.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task SignOut_OpenHubConnection_IsClosed()
    {
        // Arrange: a leader's live wall connection.
        var cookies = new CookieContainer();
        using var client = factory.CreateClient(cookies);
        await client.SignInOrFailAsync(DashboardRoles.Leader, DemoAccounts.Password);
        await using var hub = await RawHubClient.ConnectAsync(factory.Server, "/hubs/live", cookies.GetCookieHeader(factory.Server.BaseAddress), timeout.Token);
        Assert.Null(await hub.InvokeAsync("SubscribeWall", [], timeout.Token));

        // Act
        using var _ = await SignOutAsync(client);

        // Assert
        await SecurityPages.AssertClosedWithinAsync(hub, Seconds);
    }

    [Fact]
    public async Task SessionEndedByAnotherProcess_CookieAndHubStopWithinSeconds()
    {
        // Arrange: a signed-in leader with a live connection.
        var cookies = new CookieContainer();
        using var client = factory.CreateClient(cookies);
        await client.SignInOrFailAsync(DashboardRoles.Leader, DemoAccounts.Password);
        var cookieHeader = cookies.GetCookieHeader(factory.Server.BaseAddress);
        await using var hub = await RawHubClient.ConnectAsync(factory.Server, "/hubs/live", cookieHeader, timeout.Token);
        Assert.Null(await hub.InvokeAsync("SubscribeWall", [], timeout.Token));

        // Act: what another Dashboard process's sign-out does here: a new stamp in the shared users table, and nothing else.
        Assert.NotNull(await factory.Services.GetRequiredService<UserStore>().RotateSecurityStampAsync(DashboardRoles.Leader, CancellationToken.None));

        // Assert: the hub connection closes and the cookie is refused within seconds.
        await SecurityPages.AssertClosedWithinAsync(hub, Seconds);
        using var copy = SecurityPages.ClientWithCookieHeader(factory, cookieHeader);
        var refusedWithin = await RefusedWithinAsync(copy, "/wall", Seconds);
        Assert.True(refusedWithin, "The cookie still opened /wall 10 s after the session ended on another process.");
    }

    [Fact]
    public async Task HubCall_AfterSessionEnded_IsRefusedAndClosesTheConnection()
    {
        // Arrange: no stamp cache and no periodic check, so only the check on the hub call can notice.
        await using var factory = DashboardFactory.WithServices(services => services.Configure<SessionCheckOptions>(o =>
        {
            o.StampCacheDuration = TimeSpan.Zero;
            o.ConnectionCheckInterval = TimeSpan.FromMinutes(1);
        }));
        var cookies = new CookieContainer();
        using var client = factory.CreateClient(cookies);
        await client.SignInOrFailAsync(DashboardRoles.Admin, DemoAccounts.Password);
        await using var hub = await RawHubClient.ConnectAsync(factory.Server, "/hubs/live", cookies.GetCookieHeader(factory.Server.BaseAddress), timeout.Token);
        await factory.Services.GetRequiredService<UserStore>().RotateSecurityStampAsync(DashboardRoles.Admin, CancellationToken.None);

        // Act
        string? error;
        try
        {
            error = await hub.InvokeAsync("SubscribeRuntime", [], timeout.Token);
        }
        catch (InvalidOperationException)
        {
            error = "closed";
        }

        // Assert
        Assert.NotNull(error);
        await SecurityPages.AssertClosedWithinAsync(hub, Seconds);
    }

    [Fact]
    public async Task PasswordChange_EndsOtherSessionsAndKeepsThisOne()
    {
        // Arrange: the same user in two browsers.
        using var here = factory.CreateClient(new CookieContainer());
        using var elsewhere = factory.CreateClient(new CookieContainer());
        await here.SignInOrFailAsync(DashboardRoles.Dispatcher, DemoAccounts.Password);
        await elsewhere.SignInOrFailAsync(DashboardRoles.Dispatcher, DemoAccounts.Password);
        const string newPassword = "新的密码-2026-hardening";

        // Act
        using var changed = await here.PostFormAsync("/account/password", "change-password",
            ("Input.Current", DemoAccounts.Password), ("Input.New", newPassword), ("Input.Confirm", newPassword));
        using var hereAfter = await here.GetAsync("/appeals");
        using var elsewhereAfter = await elsewhere.GetAsync("/appeals");
        using var fresh = factory.CreateClient(new CookieContainer());
        using var oldPassword = await fresh.SignInAsync(DashboardRoles.Dispatcher, DemoAccounts.Password);
        using var withNew = await fresh.SignInAsync(DashboardRoles.Dispatcher, newPassword);

        // Assert
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("密码已修改", (await SecurityPages.DocumentAsync(changed)).QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, hereAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, elsewhereAfter.StatusCode);
        Assert.Equal("/signin", elsewhereAfter.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        var (events, _) = await factory.Services.GetRequiredService<SecurityEventLog>().PageAsync(1, 50, CancellationToken.None);
        Assert.Contains(events, e => e.Kind == nameof(SecurityEventKind.PasswordChanged) && e.UserName == DashboardRoles.Dispatcher);
    }

    [Theory]
    [InlineData("wrong-current", "a-good-new-password", "a-good-new-password", "当前密码不正确。")]
    [InlineData(DemoAccounts.Password, "short", "short", "新密码须为 10 至 128 个字符。")]
    [InlineData(DemoAccounts.Password, "a-good-new-password", "a-different-password", "两次输入的新密码不一致。")]
    [InlineData(DemoAccounts.Password, "", "", "请填写当前密码和新密码。")]
    public async Task PasswordChange_Refused_SaysWhyAndChangesNothing(string current, string proposed, string confirm, string message)
    {
        // Arrange
        using var client = factory.CreateClient(new CookieContainer());
        await client.SignInOrFailAsync(DashboardRoles.Town, DemoAccounts.Password);

        // Act
        using var response = await client.PostFormAsync("/account/password", "change-password",
            ("Input.Current", current), ("Input.New", proposed), ("Input.Confirm", confirm));
        using var still = await client.GetAsync("/account/password");
        using var fresh = factory.CreateClient(new CookieContainer());
        using var signIn = await fresh.SignInAsync(DashboardRoles.Town, DemoAccounts.Password);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, await SecurityPages.AlertAsync(response));
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task PasswordPage_Anonymous_RedirectsToSignIn()
    {
        // Arrange
        using var client = factory.CreateClient(new CookieContainer());

        // Act
        using var response = await client.GetAsync("/account/password");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.AbsolutePath);
    }

    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var token = await client.AntiforgeryTokenAsync("/account/password");
        return await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    private static async Task<bool> RefusedWithinAsync(HttpClient client, string path, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (DateTimeOffset.UtcNow < deadline)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/signin")
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }
}
