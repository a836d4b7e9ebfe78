using Dashboard.Live;
using Dashboard.Runtime;

namespace Dashboard.Hosting;

internal static class LiveExtensions
{
    /// <summary>SignalR hub and the background services that push to its groups.</summary>
    public static WebApplicationBuilder AddLiveUpdates(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<ClusterRuntimeSource>();
        builder.Services.AddSingleton<RuntimeBroadcaster>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RuntimeBroadcaster>());
        return builder;
    }

    public static WebApplication MapLiveUpdates(this WebApplication app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        return app;
    }
}
