using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Dashboard.Hosting;

internal static class LocalizationExtensions
{
    /// <summary>All UI strings come from Resources/SharedResource*.resx.</summary>
    public static WebApplicationBuilder AddDashboardLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = DashboardCultures.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(DashboardCultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Simplified Chinese unless the user switched: the browser's Accept-Language is not asked,
            // because the wall's kiosk browsers often say en-US.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static WebApplication UseDashboardLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }
}
