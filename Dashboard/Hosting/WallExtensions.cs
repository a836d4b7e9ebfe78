using Dashboard.Auth;
using Dashboard.Live;
using Dashboard.Wall;
using Microsoft.Extensions.Options;

namespace Dashboard.Hosting;

internal static class WallExtensions
{
    /// <summary>The command-centre wall: its data source, the broadcaster that pushes district changes to
    /// the wall group, and kiosk wall tokens.</summary>
    public static WebApplicationBuilder AddWall(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WallOptions>()
            .Bind(builder.Configuration.GetSection(WallOptions.SectionName))
            .Validate(o => o.FeedItems is >= 1 and <= WallOptions.MaxFeedItems, $"Dashboard:FeedItems must be between 1 and {WallOptions.MaxFeedItems}.")
            .ValidateOnStart();
        // A base map that would fail or draw every point off (a missing key, a GCJ-02 source taken for WGS-84) stops the start
        // with the reason, rather than showing a blank or shifted map on the wall.
        services.AddOptions<Maps.BaseMapOptions>()
            .Bind(builder.Configuration.GetSection("Dashboard:Map"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<Maps.BaseMapOptions>, Maps.BaseMapValidation>();
        services.AddSingleton(provider => new WallFeed(provider.GetRequiredService<IOptions<WallOptions>>().Value.FeedItems));
        services.AddSingleton<WallSnapshotSource>();
        services.AddSingleton<WallBroadcaster>();
        services.AddSingleton<IDistrictLiveConsumer>(provider => provider.GetRequiredService<WallBroadcaster>());
        services.AddHostedService(provider => provider.GetRequiredService<WallBroadcaster>());
        services.AddSingleton<WallTokenStore>();
        services.AddSingleton<WallKioskConnections>();
        return builder;
    }

    /// <summary>Before authorization: turns <c>/wall?token=…</c> into a kiosk session.</summary>
    public static WebApplication UseWallTokens(this WebApplication app)
    {
        app.UseWallTokenSignIn();
        return app;
    }

    /// <summary>GET /wall/snapshot: what the wall shows, as JSON, for a wall that reconnected.</summary>
    public static WebApplication MapWall(this WebApplication app)
    {
        app.MapGet("/wall/snapshot", async (WallSnapshotSource source, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(await source.GetSnapshotAsync());
        }).RequireAuthorization(DashboardPolicies.Wall);
        return app;
    }
}
