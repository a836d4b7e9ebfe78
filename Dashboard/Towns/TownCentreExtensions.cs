namespace Dashboard.Towns;

/// <summary>Registers the town-centre pages' services, policies and live broadcaster.</summary>
internal static class TownCentreExtensions
{
    public static WebApplicationBuilder AddTownCentre(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthorization(TownPolicies.Add);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, TownScopeHandler>();
        services.AddSingleton<TownDirectory>();
        services.AddSingleton<TownReadModel>();
        services.AddSingleton<TownPageLoader>();
        services.AddSingleton<PackagingAssigner>();
        services.AddSingleton<TownOutcomeReader>();
        services.AddSingleton<Live.IDistrictLiveConsumer, TownBroadcaster>();
        return builder;
    }

    public static WebApplication MapTownCentre(this WebApplication app)
    {
        app.MapTownEndpoints();
        return app;
    }
}
