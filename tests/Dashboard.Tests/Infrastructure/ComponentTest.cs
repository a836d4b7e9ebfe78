using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Tests.Infrastructure;

/// <summary>A bUnit context for the Dashboard's components: MudBlazor's services, localization from the app's resources,
/// loose JS interop (MudBlazor calls into JS that a test has no browser for), and the UI language of the test. MudBlazor's
/// services are only asynchronously disposable, so the context is disposed asynchronously.</summary>
public abstract class ComponentTest : IAsyncLifetime
{
    private readonly CultureInfo previousCulture = CultureInfo.CurrentUICulture;

    protected ComponentTest(string culture = "zh-Hans")
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddLocalization();
    }

    protected BunitContext Context { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        CultureInfo.CurrentUICulture = previousCulture;
    }
}
