using Dashboard.Live;
using Dashboard.Runtime;
using Orleans.Dashboard;

namespace Dashboard.Hosting;

internal static class LiveExtensions
{
    /// <summary>SignalR hub and the background services that push to its groups.</summary>
    public static WebApplicationBuilder AddLiveUpdates(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<LiveChanges>();
        builder.Services.AddSingleton<IDistrictLiveConsumer>(provider => provider.GetRequiredService<LiveChanges>());
        builder.Services.AddSingleton<ClusterRuntimeSource>();
        builder.Services.AddSingleton<RuntimeBroadcaster>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RuntimeBroadcaster>());
        return builder;
    }

    /// <summary>The live hub, and the Orleans Dashboard package's own pages under <see cref="OrleansDashboardPath"/>, for
    /// administrators only.</summary>
    public static WebApplication MapLiveUpdates(this WebApplication app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        // An open live connection would hold the shutdown until its timeout (30 s), and the co-hosted silo would then be
        // stopped without time to write its grains' state: close them at once; the pages reconnect to another process.
        var users = app.Services.GetRequiredService<Auth.UserHubConnections>();
        var kiosks = app.Services.GetRequiredService<Wall.WallKioskConnections>();
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            users.AbortAll();
            kiosks.AbortAll();
        });
        app.MapOrleansDashboard(routePrefix: OrleansDashboardPath).RequireAuthorization(Auth.DashboardPolicies.Admin);
        return app;
    }

    /// <summary>Where the Orleans Dashboard package is mounted.</summary>
    public const string OrleansDashboardPath = "/admin/orleans";
}
