using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Dashboard.Wall;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The Content-Security-Policy in Debian's Chromium: the main pages of every role, the wall of a kiosk and the
/// printable sheet load with no violation reported (the page's securitypolicyviolation events and the console), the wall's
/// live hub connects over a WebSocket under the policy, and a page framed by another site is refused.</summary>
public sealed class SecurityPolicyBrowserTests
{
    // Records every violation the page reports, before any of its own scripts run (Playwright injects this outside the CSP).
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", e =>
          window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    // The live hub over a WebSocket only (no fallback to other transports), from inside the page: what connect-src must allow.
    private const string SubscribeWallOverWebSocket = """
        (async () => {
          const connection = new signalR.HubConnectionBuilder()
            .withUrl("/hubs/live", { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
            .build();
          try {
            await connection.start();
            await connection.invoke("SubscribeWall");
            return "subscribed";
          } catch (error) {
            return `failed: ${error}`;
          } finally {
            await connection.stop();
          }
        })()
        """;

    [Fact]
    public async Task MainPages_EveryRoleAndTheKioskWall_ReportNoPolicyViolation()
    {
        // Arrange
        await using var app = await DemoBrowserApp.StartAsync();
        var (factory, baseAddress, browser) = (app.Factory, app.BaseAddress, app.Browser);
        var violations = new List<string>();
        var visited = new List<string>();
        var pagesByRole = new Dictionary<string, string[]>
        {
            ["anonymous"] = ["/signin"],
            [DashboardRoles.Leader] = ["/", "/wall", "/towns", "/projects"],
            [DashboardRoles.Dispatcher] = ["/", "/appeals", "/appeals/new", "/enterprises", "appeal-detail", "appeal-sheet"],
            [DashboardRoles.Town] = ["/", "/towns"],
            [DashboardRoles.Steward] = ["/", "/projects"],
            [DashboardRoles.Enterprise] = ["/", "/my/appeals"],
            [DashboardRoles.Admin] = ["/", "/admin/runtime", "/admin/wall-tokens", "/admin/security", "/account/password", "/admin/orleans"],
        };

        // Act
        foreach (var (role, paths) in pagesByRole)
        {
            await using var context = await NewContextAsync(browser, baseAddress, violations);
            var page = await context.NewPageAsync();
            if (role != "anonymous")
            {
                await SignInAsync(page, role);
            }

            foreach (var path in paths)
            {
                var target = path switch
                {
                    "appeal-detail" => await FirstLinkAsync(page, "/appeals", "^/appeals/(?!new$)[^/?#]+$"),
                    "appeal-sheet" => await FirstLinkAsync(page, page.Url, "^/appeals/[^/]+/sheets/"),
                    _ => path,
                };
                await VisitAsync(page, target, violations);
                visited.Add($"{role} {target}");
                if (target == "/wall")
                {
                    Assert.Equal("subscribed", await page.EvaluateAsync<string>(SubscribeWallOverWebSocket));
                }
            }
        }

        var issued = await factory.Services.GetRequiredService<WallTokenStore>()
            .CreateAsync("CSP 测试大屏", "admin", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        await using (var kiosk = await NewContextAsync(browser, baseAddress, violations))
        {
            var page = await kiosk.NewPageAsync();
            await VisitAsync(page, $"/wall?token={issued.Secret}", violations);
            Assert.Equal("subscribed", await page.EvaluateAsync<string>(SubscribeWallOverWebSocket));
            violations.AddRange(await page.EvaluateAsync<string[]>("window.__cspViolations"));
            visited.Add("kiosk /wall");
        }

        // Assert
        Assert.True(violations.Count == 0, $"Policy violations on {string.Join(", ", visited)}:\n{string.Join('\n', violations)}");
        Assert.Equal(pagesByRole.Values.Sum(p => p.Length) + 1, visited.Count);
    }

    [Fact]
    public async Task InlineHandler_OnAnyPage_IsBlockedAndReported()
    {
        // Arrange: proof that the recorder above sees violations, so that "none" means none.
        await using var factory = DashboardFactory.WithKestrel();
        var baseAddress = factory.StartKestrel();
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var violations = new List<string>();
        await using var context = await NewContextAsync(browser, baseAddress, violations);
        var page = await context.NewPageAsync();
        await VisitAsync(page, "/signin", violations);

        // Act: markup with an inline event handler, as an injection would add.
        await page.EvaluateAsync("document.body.insertAdjacentHTML('beforeend', '<img alt=\"\" src=\"data:,\" onerror=\"window.injected = true\">')");
        await page.WaitForTimeoutAsync(500);

        // Assert: blocked, and seen by both recorders (the page's event and the console).
        Assert.Null(await page.EvaluateAsync<bool?>("window.injected ?? null"));
        Assert.Contains(violations, v => v.Contains("inline event handler", StringComparison.Ordinal));
        Assert.Contains(await page.EvaluateAsync<string[]>("window.__cspViolations"), v => v.StartsWith("script-src-attr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_FramedByAnotherSite_IsRefusedByTheBrowser()
    {
        // Arrange: a page of another origin (about:blank here) that frames the sign-in page.
        await using var factory = DashboardFactory.WithKestrel();
        var baseAddress = factory.StartKestrel();
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);

        // Act
        await page.SetContentAsync($"<iframe title=\"framed\" src=\"{new Uri(baseAddress, "/signin")}\"></iframe>");
        await page.WaitForTimeoutAsync(1500);

        // Assert: the frame shows nothing of the sign-in form, and Chromium says why.
        Assert.Equal(0, await page.FrameLocator("iframe").GetByLabel("用户名").CountAsync());
        Assert.Contains(console, text => text.Contains("frame-ancestors 'none'", StringComparison.Ordinal));
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri baseAddress, List<string> violations)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1600, Height = 1000 } });
        await context.AddInitScriptAsync(RecordViolations);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"console: {message.Text}");
            }
        };
        return context;
    }

    private static async Task VisitAsync(IPage page, string path, List<string> violations)
    {
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        // Let the page's scripts connect and draw (live connection, map, charts, Blazor's circuit).
        await page.WaitForTimeoutAsync(1500);
        violations.AddRange((await page.EvaluateAsync<string[]>("window.__cspViolations")).Select(v => $"{path}: {v}"));
    }

    /// <summary>The first link on <paramref name="from"/> whose href matches <paramref name="pattern"/> (a JS regular expression).</summary>
    private static async Task<string> FirstLinkAsync(IPage page, string from, string pattern)
    {
        if (!page.Url.EndsWith(from, StringComparison.Ordinal))
        {
            await page.GotoAsync(from);
        }

        var handle = await page.WaitForFunctionAsync(
            "pattern => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).find(h => new RegExp(pattern).test(h)) ?? false",
            pattern, new() { Timeout = 10_000 });
        return await handle.JsonValueAsync<string>();
    }

    private static async Task SignInAsync(IPage page, string role)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(role);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }
}
