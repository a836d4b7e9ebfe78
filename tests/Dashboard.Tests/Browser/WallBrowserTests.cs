using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Dashboard.Wall;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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
    public async Task Wall_AppealWorkedThroughGrains_EveryStepInTheFeedWithoutReload()
    {
        // Arrange: the real app on Kestrel with the demo district, a leader's browser on /wall.
        await using var app = await DemoBrowserApp.StartAsync();
        var (factory, baseAddress, browser) = (app.Factory, app.BaseAddress, app.Browser);
        var page = await browser.NewPageAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1920, Height = 1080 } });
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);
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
        var appeal = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IAppealGrain>(appealId);
        await appeal.Submit(
            new AppealIntake(appealId, owner.OwnerCreditCode, owner.TownCode, AppealChannel.Online, "finance", AppealPriority.Normal, "贷款续贷咨询", "企业希望了解续贷政策。")
            {
                Location = owner.Location ?? new DemoDistrictGenerator(new DomainOptions().DemoSeed, DemoSizes.District, DateTimeOffset.UnixEpoch).Towns[0].Centre,
            },
            new AppealActor("enterprise", ActorRole.Enterprise, null, ActionChannel.Online));

        // Assert: the feed shows it at the top, the wall moved past its rendered sequence, no reload.
        var feed = page.GetByRole(AriaRole.List, new() { Name = "实时动态" });
        await Assertions.Expect(feed.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("金融 · ", new() { Timeout = 10_000 });
        await Assertions.Expect(feed.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("受理诉求");
        await Assertions.Expect(page.Locator(".wall-pulse")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#wall")).Not.ToHaveAttributeAsync("data-sequence", sequenceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(openGreen).Not.ToHaveTextAsync(openBefore ?? "", new() { Timeout = 10_000 });

        // Act: the centre routes it, the department signs for it and replies.
        await appeal.Route(new AppealActor("dispatcher", ActorRole.Dispatcher, null, ActionChannel.Workbench), null);
        var handler = new AppealActor("department", ActorRole.DepartmentHandler, DepartmentCodes.Finance, ActionChannel.Workbench);
        await appeal.TakeOver(handler);
        await appeal.Reply(handler, "已对接银行，续贷已办理。", [new("回执.pdf", "application/pdf", 1024, new string('a', 64))]);

        // Assert: each step is news, saying who acted, on what and where.
        var newest = feed.GetByRole(AriaRole.Listitem).First;
        await Assertions.Expect(newest).ToContainTextAsync("反馈", new() { Timeout = 10_000 });
        await Assertions.Expect(newest).ToContainTextAsync("区金融发展服务中心");
        await Assertions.Expect(newest).ToContainTextAsync("金融 · ");
        await Assertions.Expect(feed.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "签收" })).ToContainTextAsync("区金融发展服务中心");
        await Assertions.Expect(feed.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "分流交办" })).ToHaveCountAsync(1);
        Assert.Equal(0, navigations);
        // No base map is configured: the wall asks nothing of the internet (no tiles, fonts or scripts from a CDN).
        Assert.All(requests.Where(url => url.StartsWith("http", StringComparison.Ordinal)), url => Assert.Equal(baseAddress.Authority, new Uri(url).Authority));

        await ScreenshotAsync(page, "wall-1920x1080.png");
        await AssertLegibleAsync(page, "zh 1920×1080");
        await page.SetViewportSizeAsync(3840, 2160);
        await ScreenshotAsync(page, "wall-3840x2160.png");
        await AssertLegibleAsync(page, "zh 3840×2160");

        // In English: the same wall, nothing cut off.
        await page.Context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = baseAddress.ToString() }]);
        await page.SetViewportSizeAsync(1920, 1080);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "Live connection" })).ToHaveTextAsync("Live", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Live feed" }).GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Replied");
        await ScreenshotAsync(page, "wall-1920x1080-en.png");
        await AssertLegibleAsync(page, "en 1920×1080");
        await page.SetViewportSizeAsync(3840, 2160);
        await ScreenshotAsync(page, "wall-3840x2160-en.png");
        await AssertLegibleAsync(page, "en 3840×2160");

        // A signed-in leader opens a town's page from the map.
        await page.Locator("#wall-map path.leaflet-interactive").First.ClickAsync();
        await page.WaitForURLAsync("**/towns/*");
    }

    [Fact]
    public async Task Wall_ServerStops_WholeWallSaysItIsNoLongerLive()
    {
        // Arrange
        await using var app = await DemoBrowserApp.StartAsync();
        var (factory, baseAddress, browser) = (app.Factory, app.BaseAddress, app.Browser);
        var page = await browser.NewPageAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1920, Height = 1080 } });
        await SignInAsync(page, DashboardRoles.Leader, "/wall");
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "实时连接状态" })).ToHaveTextAsync("实时", new() { Timeout = 15_000 });
        var banner = page.Locator(".wall-offline");
        await Assertions.Expect(banner).ToBeHiddenAsync();

        // Act
        factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        // Assert: a banner across the wall with the time of the last update, the figures dimmed.
        await Assertions.Expect(banner).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(banner).ToContainTextAsync("连接已中断");
        await Assertions.Expect(banner.Locator("time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}:\d{2}:\d{2}$"));
        await Assertions.Expect(page.Locator(".wall-kpis")).ToHaveCSSAsync("opacity", "0.35");
        await Assertions.Expect(page.Locator(".wall-main")).ToHaveCSSAsync("filter", "grayscale(1)");
        await ScreenshotAsync(page, "wall-disconnected.png");
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
        // Nobody clicks a kiosk: its towns are not links.
        await Assertions.Expect(page.Locator("#wall-map path")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#wall-map path.leaflet-interactive")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "实时连接状态" })).ToHaveTextAsync("实时", new() { Timeout = 15_000 });
        await AssertNoScrollbarsAsync(page);
    }

    [Fact]
    public async Task BaseMap_TileSourceConfigured_WallAndTownPageDrawItsTiles()
    {
        // Arrange: a tile server on the app's own host (as a self-hosted one for an offline wall would be).
        await using var factory = DashboardFactory.WithServices(
            services => services.AddTransient<IStartupFilter, TestTileServer>(), useKestrel: true, withDemoDistrict: true);
        factory.Settings["Dashboard:Map:TileUrl"] = "/test-tiles/{z}/{x}/{y}.png";
        factory.Settings["Dashboard:Map:Attribution"] = "测试底图";
        var baseAddress = factory.StartKestrel();
        await factory.WaitForDemoDistrictAsync();
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1920, Height = 1080 } });

        // Act
        await SignInAsync(page, DashboardRoles.Leader, "/wall");

        // Assert: tiles under the towns, with their attribution; then the same on a town's page.
        await Assertions.Expect(page.Locator("#wall-map img.leaflet-tile-loaded").First).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#wall-map .leaflet-control-attribution")).ToContainTextAsync("测试底图");
        await page.Locator("#wall-map path.leaflet-interactive").First.ClickAsync();
        await page.WaitForURLAsync("**/towns/*");
        await Assertions.Expect(page.Locator("#town-map img.leaflet-tile-loaded").First).ToBeAttachedAsync(new() { Timeout = 15_000 });
    }

    /// <summary>Answers every /test-tiles/ request with a one-pixel PNG.</summary>
    private sealed class TestTileServer : IStartupFilter
    {
        private static readonly byte[] Pixel = Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/test-tiles", tiles => tiles.Run(async context =>
            {
                context.Response.ContentType = "image/png";
                await context.Response.Body.WriteAsync(Pixel);
            }));
            next(app);
        };
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

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        // Only for the picture: the chart bars ease to their values for 0.6 s after a resize or a push.
        await page.WaitForTimeoutAsync(1000);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath(name) });
    }

    /// <summary>Readable from five metres: no visible text below 22 px on a 1920-wide wall (scaled with the width), KPI
    /// figures at least 64 px, and no text cut off or spilling out of its box (checked on the page's own elements; the
    /// chart canvases are sized from the same rem).</summary>
    private static async Task AssertLegibleAsync(IPage page, string where)
    {
        await AssertNoScrollbarsAsync(page);
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
              const scale = innerWidth / 1920;
              const problems = [];
              const walker = document.createTreeWalker(document.getElementById("wall"), NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const element = node.parentElement;
                if (!node.textContent.trim() || element.closest("script, .wall-table.sr-only, [hidden]") || element.closest(".has-chart")) continue;
                const rect = element.getBoundingClientRect();
                if (rect.width === 0 || rect.height === 0) continue;
                const size = parseFloat(getComputedStyle(element).fontSize);
                if (size < 21.5 * scale) problems.push(`${size.toFixed(1)} px: ${node.textContent.trim().slice(0, 40)}`);
              }
              for (const output of document.querySelectorAll(".kpi-value output, .light output, output.kpi-value-sm")) {
                const size = parseFloat(getComputedStyle(output).fontSize);
                if (size < 64 * scale) problems.push(`KPI figure ${size.toFixed(1)} px: ${output.textContent}`);
              }
              for (const element of document.querySelectorAll(".kpi, .wall-panel, .wall-table th, .wall-table td, .feed-item, .wall-title, .wall-legend span, .wall-offline")) {
                // The chart's table and visually hidden headers are for screen readers only.
                if (element.closest(".has-chart") || element.clientWidth <= 1) continue;
                if (element.scrollWidth > element.clientWidth + 1) problems.push(`cut off: ${element.textContent.trim().slice(0, 60)}`);
                if (element.matches(".kpi, .wall-panel") && element.scrollHeight > element.clientHeight + 1) problems.push(`cut off at the bottom: ${element.textContent.trim().slice(0, 60)}`);
              }
              return problems;
            }
            """);
        Assert.True(problems.Length == 0, $"{where}: {string.Join("; ", problems)}");
    }

    private static async Task AssertNoScrollbarsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight");
        Assert.False(overflow, "The wall overflows the viewport.");
    }
}
