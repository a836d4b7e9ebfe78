using Dashboard.Auth;

namespace Dashboard.Geography;

/// <summary>The district's geography for GIS tools: GET /admin/geography.geojson (admins only).</summary>
internal static class GeographyEndpoints
{
    public const string ExportPath = "/admin/geography.geojson";

    public static WebApplicationBuilder AddGeography(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DistrictGeography>();
        return builder;
    }

    public static WebApplication MapGeography(this WebApplication app)
    {
        app.MapGet(ExportPath, async (DistrictGeography geography) =>
                Results.Text(await geography.ExportAsync(), "application/geo+json", System.Text.Encoding.UTF8))
            .RequireAuthorization(DashboardPolicies.Admin);
        return app;
    }
}
