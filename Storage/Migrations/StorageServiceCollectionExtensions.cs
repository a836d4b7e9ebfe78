using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Storage;

/// <summary>Registers durable storage in SQLite or PostgreSQL.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IDatabase"/> (the provider named by <see cref="StorageOptions"/>) and
    /// <see cref="StorageInitializer"/>. Binding <see cref="StorageOptions"/> to configuration is the caller's job;
    /// call <see cref="StorageInitializer.InitializeAsync"/> before Orleans starts.</summary>
    public static IServiceCollection AddAppStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StorageOptions>();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => DatabaseFactory.Create(provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton<StorageInitializer>();
        return services;
    }

    /// <summary>Adds a module of schema scripts that <see cref="StorageInitializer"/> applies after Orleans' and the
    /// app's, in registration order; adding the same module twice is harmless.</summary>
    public static IServiceCollection AddSchemaModule(this IServiceCollection services, SchemaModule module)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(module);
        return services.AddSingleton(module);
    }
}
