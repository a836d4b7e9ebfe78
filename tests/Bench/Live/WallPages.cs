using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Bench.Live;

/// <summary>Debian's Chromium (never a downloaded browser) with up to N leader walls open in one signed-in
/// context. Each wall watches its feed list with a MutationObserver and notes, for every pushed item, the
/// item's event time (the time element's datetime, which identifies the change) and Date.now().</summary>
internal sealed class WallPages : IAsyncDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

    // Only pushed items (class is-new) count; a re-render after a reconnect would list old items again.
    private const string ObserveFeed = """
        () => {
          const list = document.querySelector('#wall [data-field="feed"]');
          if (!list) return false;
          window.__liveSeen = [];
          window.__liveRecord = true;
          new MutationObserver((records) => {
            if (!window.__liveRecord) return;
            const now = Date.now();
            for (const record of records) {
              for (const node of record.addedNodes) {
                if (node.nodeType === 1 && node.classList.contains('is-new')) {
                  window.__liveSeen.push([node.querySelector('time')?.dateTime ?? '', node.className, now]);
                }
              }
            }
          }).observe(list, { childList: true });
          return true;
        }
        """;

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly IBrowserContext context;
    private readonly List<IPage> walls = [];

    private WallPages(IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.context = context;
    }

    public int Count => walls.Count;

    public static async Task<WallPages> LaunchAsync(Uri baseAddress)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            Timeout = 60_000,
        });
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 720 },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(30_000);
        return new WallPages(playwright, browser, context);
    }

    /// <summary>Signs the context in as <paramref name="userName"/>; every page of it shares the cookie.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin?returnUrl=%2F");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    /// <summary>The context's cookies, for an HttpClient that requests pages as the same user.</summary>
    public async Task<string> CookieHeaderAsync(Uri baseAddress)
    {
        var cookies = await context.CookiesAsync([baseAddress.ToString()]);
        return string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"));
    }

    /// <summary>Opens walls until <paramref name="target"/> are live or the budget is spent, whichever is
    /// first; a wall that does not come up stops the ramp (the machine has reached what it can carry).</summary>
    public async Task OpenWallsAsync(int target, TimeSpan budget)
    {
        var started = Stopwatch.StartNew();
        while (walls.Count < target && started.Elapsed < budget)
        {
            var page = await context.NewPageAsync();
            try
            {
                await page.GotoAsync("/wall", new() { WaitUntil = WaitUntilState.Load });
                await Assertions.Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
                if (!await page.EvaluateAsync<bool>(ObserveFeed))
                {
                    throw new InvalidOperationException("The wall has no feed list.");
                }

                walls.Add(page);
            }
            catch (Exception exception) when (exception is PlaywrightException or TimeoutException or InvalidOperationException)
            {
                Console.Error.WriteLine($"live: wall {walls.Count + 1} did not come up ({exception.Message.Split('\n')[0]}); continuing with {walls.Count}");
                await page.CloseAsync();
                break;
            }
        }
    }

    /// <summary>Turns the observers' recording on or off (off while flooding, to spare the browser).</summary>
    public Task RecordAsync(bool on) =>
        Task.WhenAll(walls.Select(p => p.EvaluateAsync($"() => {{ window.__liveRecord = {(on ? "true" : "false")}; }}")));

    /// <summary>Takes what every wall has seen since the last call: per wall, (event time, kind class, DOM ms).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<WallSighting>>> TakeSightingsAsync()
    {
        var all = await Task.WhenAll(walls.Select(async page =>
        {
            var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.__liveSeen.splice(0))");
            using var document = JsonDocument.Parse(json);
            return (IReadOnlyList<WallSighting>)document.RootElement.EnumerateArray()
                .Select(e => new WallSighting(e[0].GetString() ?? "", e[1].GetString() ?? "", e[2].GetInt64()))
                .ToArray();
        }));
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await context.CloseAsync();
            await browser.CloseAsync();
        }
        finally
        {
            playwright.Dispose();
        }
    }
}

/// <summary>One pushed feed item as a wall saw it: the event's time as pushed, its li class, and Date.now().</summary>
internal sealed record WallSighting(string EventTime, string ClassName, long DomMs)
{
    public bool IsAppealReceived => ClassName.Contains("kind-AppealReceived", StringComparison.Ordinal);
}
