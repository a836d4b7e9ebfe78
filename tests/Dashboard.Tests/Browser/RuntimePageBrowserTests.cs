using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

public sealed class RuntimePageBrowserTests
{
    [Fact]
    public async Task RuntimePage_AdminSignsIn_TableUpdatesLiveWithoutReload()
    {
        // Arrange: the real app on Kestrel, a real browser.
        await using var factory = DashboardFactory.WithKestrel();
        var baseAddress = factory.StartKestrel();
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1366, Height = 800 } });

        // Act: open the page, get sent to sign-in, sign in as the demo admin.
        await page.GotoAsync("/admin/runtime");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(DashboardRoles.Admin);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/runtime");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;
        var sequence = page.GetByLabel("更新序号");
        var shown = await sequence.TextContentAsync() ?? "";

        // Assert: the pushed sequence replaces the rendered one, with the page never reloaded.
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "实时连接状态" })).ToHaveTextAsync("实时", new() { Timeout = 15_000 });
        await Assertions.Expect(sequence).Not.ToHaveTextAsync(shown, new() { Timeout = 15_000 });
        var updated = long.Parse(await sequence.TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(updated > long.Parse(shown, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, navigations);
        // Orleans' own figures: the co-hosted silo is an active member, and the domain's grain classes have activations.
        var silos = page.GetByRole(AriaRole.Table, new() { Name = "集群中的 Silo（Orleans 成员表）" });
        await Assertions.Expect(silos.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Active", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "按 Grain 类型统计" })).ToContainTextAsync("DistrictGrain", new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("runtime-desktop.png"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("runtime-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task SignInPage_Phone_ShowsTheFormAndDemoAccounts()
    {
        // Arrange
        await using var factory = DashboardFactory.WithKestrel();
        var baseAddress = factory.StartKestrel();
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });

        // Act
        await page.GotoAsync("/signin");

        // Assert
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录指挥中心" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("演示数据")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("signin-phone.png"), FullPage = true });
    }
}
