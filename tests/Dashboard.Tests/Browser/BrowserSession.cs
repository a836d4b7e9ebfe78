using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright; never a downloaded browser (`playwright install` cannot run here).</summary>
internal static class BrowserSession
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium).");
        }

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>artifacts/screenshots/ at the repository root.</summary>
    public static string ScreenshotPath(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommandCentre.slnx")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException("CommandCentre.slnx not found above the test output.");
        var screenshots = Directory.CreateDirectory(Path.Combine(root, "artifacts", "screenshots"));
        return Path.Combine(screenshots.FullName, name);
    }
}

/// <summary>The real app on Kestrel with the demo district loaded, and Chromium to drive it; disposed in reverse order.</summary>
internal sealed class DemoBrowserApp : IAsyncDisposable
{
    private DemoBrowserApp(Infrastructure.DashboardFactory factory, Uri baseAddress, IPlaywright playwright, IBrowser browser) =>
        (Factory, BaseAddress, Playwright, Browser) = (factory, baseAddress, playwright, browser);

    public Infrastructure.DashboardFactory Factory { get; }

    public Uri BaseAddress { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public static async Task<DemoBrowserApp> StartAsync()
    {
        var factory = Infrastructure.DashboardFactory.WithKestrel(withDemoDistrict: true);
        try
        {
            var baseAddress = factory.StartKestrel();
            await factory.WaitForDemoDistrictAsync();
            var (playwright, browser) = await BrowserSession.LaunchAsync();
            return new DemoBrowserApp(factory, baseAddress, playwright, browser);
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }
}
