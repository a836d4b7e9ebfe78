using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The leader's home: an interactive page in the MudBlazor workbench layout (the rest of the pages are static).</summary>
public sealed class LeaderHomeBrowserTests
{
    [Fact]
    public async Task LeaderHome_SignsIn_SeesTheOverviewInAnInteractiveLayoutInBothLanguages()
    {
        // Arrange
        await using var app = await DemoBrowserApp.StartAsync();
        var (factory, baseAddress, browser) = (app.Factory, app.BaseAddress, app.Browser);
        var page = await browser.NewPageAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });

        // Act: sign in; the leader stays on the home page.
        await page.GotoAsync("/signin");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(DashboardRoles.Leader);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        // Assert: the overview with its figures, the leader's name in the bar, and a menu that works (only with a circuit).
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "区领导总览" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("在办诉求（三色灯）")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "指挥大屏" }).First).ToBeVisibleAsync();
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "菜单" });
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator("main[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false", new() { Timeout = 15_000 });
        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("leader-home-desktop.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "District leader overview" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("leader-home-desktop-en.png"), FullPage = true });

        // A phone opens the page at its own size: the menu starts closed and nothing scrolls sideways.
        foreach (var (button, file) in new[] { ("中文", "leader-home-phone.png"), ("English", "leader-home-phone-en.png") })
        {
            await page.SetViewportSizeAsync(390, 844);
            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await Assertions.Expect(page.Locator("main[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeInViewportAsync();
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{file}: the page scrolls sideways");
            await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath(file), FullPage = true });
        }
    }
}
