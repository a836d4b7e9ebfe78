using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Dashboard.Towns;
using Grains.Abstractions.Officials;
using Storage.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;

namespace Dashboard.Tests.Browser;

public sealed class TownPageBrowserTests
{
    [Fact]
    public async Task TownPage_TownOperator_SeesMapAndListsAssignsAnOfficialAndGetsLiveUpdates()
    {
        // Arrange: the real app with the demo district on Kestrel, a town operator of a real town, a real browser.
        await using var factory = DashboardFactory.WithKestrel(withDemoDistrict: true);
        var baseAddress = factory.StartKestrel();
        var town = (await factory.Services.GetRequiredService<TownDirectory>().ListAsync())[1];
        await factory.Services.GetRequiredService<UserStore>()
            .CreateAsync("town-browser", "镇街中心操作员", DashboardRoles.Town, town.Code, isDemo: false, "town-browser-2026", CancellationToken.None);
        var enterprises = factory.Services.GetRequiredService<EnterpriseQueries>();
        var unpackaged = (await enterprises.ListAsync(new EnterpriseListQuery { TownCode = town.Code, UnpackagedOnly = true, Limit = 2 })).Items;
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1366, Height = 768 } });

        // Act 1: open /towns, sign in, land on the operator's own town.
        await page.GotoAsync("/towns");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync("town-browser");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("town-browser-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/towns/{town.Code}");

        // Assert 1: the map is drawn from map.json (a canvas, not DOM markers), the lists are there, the hub is live.
        var map = page.GetByRole(AriaRole.Region, new() { Name = $"{town.Name}网格地图" });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 15_000 });
        await Assertions.Expect(map.Locator("canvas")).ToHaveCountAsync(1);
        Assert.Equal(0, await map.Locator(".leaflet-marker-icon").CountAsync());
        Assert.Equal(unpackaged.Count(e => e.Location is not null) > 0, int.Parse(await map.GetAttributeAsync("data-unpackaged") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "在办诉求" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "服务驿站" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "实时连接状态" })).ToHaveTextAsync("实时", new() { Timeout = 15_000 });

        // The town's grid cells (网格): one button per cell under the map; a cell shows its coverage and unpackaged enterprises.
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-grids", "0");
        var cells = page.GetByRole(AriaRole.Group, new() { Name = "网格" }).GetByRole(AriaRole.Button);
        await Assertions.Expect(cells.First).ToBeVisibleAsync();
        await cells.First.ClickAsync();
        await Assertions.Expect(cells.First).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(cells.First).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("[data-field=grid-coverage]")).ToContainTextAsync("包联覆盖率");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("town-desktop.png") });

        // Act 2: assign the suggested official to the first unpackaged enterprise.
        var first = unpackaged[0];
        var field = page.GetByLabel($"为「{first.Name}」选择包联干部");
        var chosen = await field.InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"为「{first.Name}」指派包联干部" }).ClickAsync();

        // Assert 2: the page says what changed, and the enterprise is packaged by the chosen official.
        var status = page.Locator("#town-outcome").GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToContainTextAsync($"已为「{first.Name}」指派包联干部");
        await Assertions.Expect(page.GetByLabel($"为「{first.Name}」选择包联干部")).ToHaveCountAsync(0);
        var officials = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<Grains.Abstractions.Enterprises.IEnterpriseGrain>(first.CreditCode).GetOfficials();
        Assert.Equal([chosen], officials.ToArray());

        // Act 3: someone else packages another enterprise of the town while the page stays open.
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "实时连接状态" })).ToHaveTextAsync("实时", new() { Timeout = 15_000 });
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;
        var packaged = await page.Locator("[data-figure=packaged]").TextContentAsync();
        var second = unpackaged[1];
        var suggestion = (await factory.Services.GetRequiredService<OfficialQueries>().SuggestAsync(second.CreditCode))[0];
        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IOfficialGrain>(suggestion.OfficialId).Assign(second.CreditCode);

        // Assert 3: the push arrives and the figures are re-fetched without a reload.
        await Assertions.Expect(map).ToHaveAttributeAsync("data-live-sequence", new System.Text.RegularExpressions.Regex("^[0-9]+$"), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-figure=packaged]")).Not.ToHaveTextAsync(packaged ?? "", new() { Timeout = 15_000 });
        Assert.Equal(0, navigations);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("town-desktop-assigned.png"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("town-phone.png") });
        await page.GetByRole(AriaRole.Heading, new() { Name = "未包联企业" }).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("town-phone-unpackaged.png") });
        await page.GetByRole(AriaRole.Heading, new() { Name = "服务驿站" }).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("town-phone-stations.png") });
    }
}
