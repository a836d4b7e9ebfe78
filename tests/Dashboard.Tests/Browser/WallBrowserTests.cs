using System.Text.Json;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Dashboard.Wall;
using Grains.Abstractions.District;
using Grains.Abstractions.Geo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Sla;
using Grains.Demo;
using Grains.Hosting;
using Orleans;

namespace Dashboard.Tests.Browser;

/// <summary>The wall against the real app, silo and district grain, in Debian's Chromium.</summary>
public sealed class WallBrowserTests
{
    [Fact]
    public async Task Wall_AppealSubmittedThroughGrain_FeedAndFiguresUpdateWithoutReload()
    {
        // Arrange: the real app on Kestrel with the demo district, a leader's browser on /wall.
        await using var factory = DashboardFactory.WithKestrel(withDemoDistrict: true);
        var baseAddress = factory.StartKestrel();
        await factory.WaitForDemoDistrictAsync();
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1920, Height = 1080 } });
        await SignInAsync(page, DashboardRoles.Leader, "/wall");
        await AssertDistrictAvailableAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "实时连接状态" })).ToHaveTextAsync("实时", new() { Timeout = 15_000 });
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;
        var sequenceBefore = long.Parse(await page.Locator("#wall").GetAttributeAsync("data-sequence") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var openGreen = page.Locator("output[data-field='openGreen']");
        var openBefore = await openGreen.TextContentAsync();

        // Act: an enterprise's appeal is accepted by the real appeal grain, which publishes the change.
        // An appeal is in its enterprise's town: the demo enterprise account owns project 0, built in its own town.
        var owner = new DemoDistrictGenerator(new DomainOptions().DemoSeed, DemoSizes.District, DateTimeOffset.UnixEpoch).ProjectAt(0);
        var appealId = $"wall-test-{Guid.NewGuid():N}";
        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IAppealGrain>(appealId).Submit(
            new AppealIntake(appealId, owner.OwnerCreditCode, owner.TownCode, AppealChannel.Online, "finance", AppealPriority.Normal, "贷款续贷咨询", "企业希望了解续贷政策。")
            {
                Location = owner.Location ?? new DemoDistrictGenerator(new DomainOptions().DemoSeed, DemoSizes.District, DateTimeOffset.UnixEpoch).Towns[0].Centre,
            },
            new AppealActor("enterprise", ActorRole.Enterprise, null, ActionChannel.Online));

        // Assert: the feed shows it at the top, the wall moved past its rendered sequence, no reload.
        var feed = page.GetByRole(AriaRole.List, new() { Name = "实时动态" });
        await Assertions.Expect(feed.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("· 金融", new() { Timeout = 10_000 });
        await Assertions.Expect(feed.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("受理诉求");
        await Assertions.Expect(page.Locator(".wall-pulse")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#wall")).Not.ToHaveAttributeAsync("data-sequence", sequenceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, navigations);
        await Assertions.Expect(openGreen).Not.ToHaveTextAsync(openBefore ?? "", new() { Timeout = 10_000 });
        await AssertNoScrollbarsAsync(page);
        await ScreenshotAsync(page, "wall-1920x1080.png");

        await page.SetViewportSizeAsync(3840, 2160);
        await AssertNoScrollbarsAsync(page);
        await ScreenshotAsync(page, "wall-3840x2160.png");
    }

    [Fact]
    public async Task Wall_KioskToken_OpensTheWallWithoutSignIn()
    {
        // Arrange
        await using var factory = DashboardFactory.WithKestrel(withDemoDistrict: true);
        var baseAddress = factory.StartKestrel();
        await factory.WaitForDemoDistrictAsync();
        var issued = await factory.Services.GetRequiredService<WallTokenStore>()
            .CreateAsync("浏览器测试大屏", "admin", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1920, Height = 1080 } });

        // Act
        await page.GotoAsync($"/wall?token={issued.Secret}");

        // Assert: on /wall without the secret in the address, live, and no scrollbars.
        Assert.EndsWith("/wall", page.Url, StringComparison.Ordinal);
        await AssertDistrictAvailableAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "实时连接状态" })).ToHaveTextAsync("实时", new() { Timeout = 15_000 });
        await AssertNoScrollbarsAsync(page);
    }

    private static async Task SignInAsync(IPage page, string role, string returnUrl)
    {
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(role);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**{returnUrl}");
    }

    private static async Task AssertDistrictAvailableAsync(IPage page)
    {
        var available = await page.Locator("#wall").GetAttributeAsync("data-available");
        Assert.True(available == "true",
            "The wall could not read IDistrictGrain (no grain class implements it yet, or it failed): see the WallSnapshotSource error in the log.");
    }

    private static async Task<(string Code, GeoPoint Centre)> FirstTownAsync(IPage page)
    {
        var json = await page.Locator("#wall-snapshot").TextContentAsync() ?? "{}";
        var shape = JsonDocument.Parse(json).RootElement.GetProperty("townShapes")[0];
        var ring = shape.GetProperty("ring").EnumerateArray().Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToArray();
        return (shape.GetProperty("code").GetString() ?? "", new GeoPoint(ring.Average(p => p.Lat), ring.Average(p => p.Lon)));
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        // Only for the picture: the chart bars ease to their values for 0.6 s after a resize or a push.
        await page.WaitForTimeoutAsync(1000);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath(name) });
    }

    private static async Task AssertNoScrollbarsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight");
        Assert.False(overflow, "The wall overflows the viewport.");
    }
}
