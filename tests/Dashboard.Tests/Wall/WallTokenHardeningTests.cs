using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Security;
using Dashboard.Wall;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Wall;

/// <summary>Wall links: revoking one of several works and closes that kiosk's live connection (here at once, from another
/// process within seconds), a link opens one kiosk once, and lifetimes outside 1–365 days are refused with a message.</summary>
public sealed class WallTokenHardeningTests : IAsyncLifetime
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
    public async Task AdminPage_RevokeOneOfThree_RevokesItAndClosesItsKioskOnly()
    {
        // Arrange: three links issued on the page, each opened by its own kiosk with a live wall connection.
        using var admin = factory.CreateClient(new CookieContainer());
        await admin.SignInOrFailAsync(DashboardRoles.Admin, DemoAccounts.Password);
        var kiosks = new List<(string Label, RawHubClient Hub)>();
        foreach (var label in new[] { "主屏", "副屏", "会议室" })
        {
            using var created = await admin.PostFormAsync("/admin/wall-tokens", "create-wall-token", ("Label", label), ("Days", "30"));
            var url = (await SecurityPages.DocumentAsync(created)).QuerySelector("#wall-token-url")?.GetAttribute("value") ?? "";
            var cookies = new CookieContainer();
            using var kiosk = factory.CreateClient(cookies);
            using var opened = await kiosk.GetAsync(new Uri(url).PathAndQuery);
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            var hub = await RawHubClient.ConnectAsync(factory.Server, "/hubs/live", cookies.GetCookieHeader(factory.Server.BaseAddress), timeout.Token);
            Assert.Null(await hub.InvokeAsync("SubscribeWall", [], timeout.Token));
            kiosks.Add((label, hub));
        }

        try
        {
            var page = await SecurityPages.DocumentAsync(await admin.GetAsync("/admin/wall-tokens"));
            var button = page.QuerySelectorAll("button[name=TokenId]").Single(b => b.GetAttribute("aria-label")!.Contains("副屏", StringComparison.Ordinal));
            var tokenId = button.GetAttribute("value") ?? "";

            // Act: the second row's button.
            using var revoked = await admin.PostFormAsync("/admin/wall-tokens", "revoke-wall-token", ("TokenId", tokenId));

            // Assert: that one revoked and its kiosk disconnected; the other two untouched and still live.
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
            Assert.Contains("副屏", (await SecurityPages.DocumentAsync(revoked)).QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
            var tokens = await Store().ListAsync(CancellationToken.None);
            Assert.Equal(["副屏"], tokens.Where(t => t.RevokedAt is not null).Select(t => t.Label));
            await SecurityPages.AssertClosedWithinAsync(kiosks[1].Hub, Seconds);
            Assert.Null(await kiosks[0].Hub.InvokeAsync("SubscribeWall", [], timeout.Token));
            Assert.Null(await kiosks[2].Hub.InvokeAsync("SubscribeWall", [], timeout.Token));
            var (events, _) = await factory.Services.GetRequiredService<SecurityEventLog>().PageAsync(1, 50, CancellationToken.None);
            Assert.Contains(events, e => e.Kind == nameof(SecurityEventKind.WallTokenRevoked) && e.UserName == DashboardRoles.Admin && e.Detail!.Contains(tokenId, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var (_, hub) in kiosks)
            {
                await hub.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task WallToken_RevokedByAnotherProcess_ClosesTheKioskConnectionWithinSeconds()
    {
        // Arrange
        var issued = await Store().CreateAsync("大屏", "admin", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        var cookies = new CookieContainer();
        using var kiosk = factory.CreateClient(cookies);
        using (await kiosk.GetAsync($"/wall?token={issued.Secret}"))
        {
        }

        await using var hub = await RawHubClient.ConnectAsync(factory.Server, "/hubs/live", cookies.GetCookieHeader(factory.Server.BaseAddress), timeout.Token);
        Assert.Null(await hub.InvokeAsync("SubscribeWall", [], timeout.Token));

        // Act: only the row changes, as when an admin revokes it on another Dashboard process.
        Assert.True(await Store().RevokeAsync(issued.Token.Id, CancellationToken.None));

        // Assert
        await SecurityPages.AssertClosedWithinAsync(hub, Seconds);
    }

    [Fact]
    public async Task WallToken_RedeemedTwice_SecondBrowserIsRefusedWithAPage()
    {
        // Arrange: the first kiosk opens the link.
        var issued = await Store().CreateAsync("大屏", "admin", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        using var first = factory.CreateClient(new CookieContainer());
        using var firstOpen = await first.GetAsync($"/wall?token={issued.Secret}");

        // Act: another browser opens the same link; then the first kiosk opens it again (its bookmark) and the wall.
        var secondCookies = new CookieContainer();
        using var second = factory.CreateClient(secondCookies);
        using var secondOpen = await second.GetAsync($"/wall?token={issued.Secret}");
        using var firstAgain = await first.GetAsync($"/wall?token={issued.Secret}");
        using var firstWall = await first.GetAsync("/wall");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, firstOpen.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, secondOpen.StatusCode);
        var refusal = await SecurityPages.DocumentAsync(secondOpen);
        Assert.Equal("大屏链接已被使用", refusal.QuerySelector("h1")?.TextContent);
        Assert.Contains("请联系系统管理员签发新的链接", refusal.Body?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(secondCookies.GetAllCookies(), c => c.Name == ".CommandCentre.Auth");
        Assert.Equal(HttpStatusCode.Redirect, firstAgain.StatusCode);
        Assert.Equal("/wall", firstAgain.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, firstWall.StatusCode);
        Assert.NotNull((await Store().FindAsync(issued.Token.Id, CancellationToken.None))?.RedeemedAt);
        var (events, _) = await factory.Services.GetRequiredService<SecurityEventLog>().PageAsync(1, 50, CancellationToken.None);
        Assert.Contains(events, e => e.Kind == nameof(SecurityEventKind.WallTokenReused));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("730")]
    [InlineData("-5")]
    [InlineData("30.5")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task AdminPage_LifetimeOutOfRange_IsRefusedWithAMessage(string days)
    {
        // Arrange
        using var admin = factory.CreateClient(new CookieContainer());
        await admin.SignInOrFailAsync(DashboardRoles.Admin, DemoAccounts.Password);

        // Act
        using var response = await admin.PostFormAsync("/admin/wall-tokens", "create-wall-token", ("Label", "主屏"), ("Days", days));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SecurityPages.DocumentAsync(response);
        Assert.Equal("有效期须为 1 至 365 之间的整数天数，令牌未签发。", page.QuerySelector("[role=alert]")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("#wall-token-url"));
        Assert.Empty(await Store().ListAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(365)]
    public async Task AdminPage_LifetimeInRange_IssuesATokenValidThatLong(int days)
    {
        // Arrange
        using var admin = factory.CreateClient(new CookieContainer());
        await admin.SignInOrFailAsync(DashboardRoles.Admin, DemoAccounts.Password);

        // Act
        using var response = await admin.PostFormAsync("/admin/wall-tokens", "create-wall-token", ("Label", "主屏"), ("Days", days.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // Assert
        var token = Assert.Single(await Store().ListAsync(CancellationToken.None));
        Assert.InRange(token.ExpiresAt - token.CreatedAt, TimeSpan.FromDays(days) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(days) + TimeSpan.FromMinutes(1));
        Assert.NotNull((await SecurityPages.DocumentAsync(response)).QuerySelector("#wall-token-url"));
    }

    private WallTokenStore Store() => factory.Services.GetRequiredService<WallTokenStore>();
}
