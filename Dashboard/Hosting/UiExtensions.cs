using System.Text.Encodings.Web;
using System.Text.Unicode;
using Dashboard.Components;
using Dashboard.Auth;
using MudBlazor.Services;

namespace Dashboard.Hosting;

internal static class UiExtensions
{
    /// <summary>Razor components rendered on the server; a page that works in place runs interactively on the server
    /// (Blazor Server) with MudBlazor components, the others stay static.</summary>
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        // blazor.web.js and MudBlazor's files live in packages: `dotnet run` serves them from the build's static web assets in
        // every environment, not only in Development (a published app has them in wwwroot, and this is a no-op).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        // Chinese text as text, not as &#x...; entities: smaller pages that stay readable in view-source.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<DemoMode>();
        builder.Services.AddScoped<Components.Layout.NavEntries>();
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>Every unhandled failure renders the error page inside the app frame: 503 with "temporarily unavailable" when the
    /// cluster or the database cannot be reached (the page retries by itself), 404 for a key no entity can have, 500 otherwise;
    /// never a stack trace.</summary>
    public static WebApplication UseDashboardErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = exception => ServiceUnavailable.Is(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            // A made-up oversized key in a URL is a probe or a typo, and an unreachable cluster is logged once per request by the
            // error page as a warning: neither is worth an error with a stack trace in the log.
            SuppressDiagnosticsCallback = context => context.Exception is Http.InvalidGrainKeyException || ServiceUnavailable.Is(context.Exception),
        });
        return app;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
