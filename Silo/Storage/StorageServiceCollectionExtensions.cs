using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Silo.Storage;

/// <summary>Registers durable storage in SQLite or PostgreSQL.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IDatabase"/> (the provider named by <see cref="StorageOptions"/>),
    /// <see cref="IGrainStorage"/>, <see cref="IReminderTable"/>, <see cref="StorageInitializer"/> and the silo's
    /// own <see cref="SchemaModule"/>. Binding <see cref="StorageOptions"/> to configuration is the caller's job;
    /// call <see cref="StorageInitializer.InitializeAsync"/> before the first grain call.</summary>
    public static IServiceCollection AddAdoNetStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StorageOptions>();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => DatabaseFactory.Create(provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton<IGrainStorage, AdoNetGrainStorage>();
        services.TryAddSingleton<IReminderTable, AdoNetReminderTable>();
        services.TryAddSingleton<StorageInitializer>();
        return services.AddSchemaModule(StorageInitializer.SiloModule);
    }

    /// <summary>Adds a module of schema scripts that <see cref="StorageInitializer"/> applies after the silo's
    /// own, in registration order; adding the same module twice is harmless.</summary>
    public static IServiceCollection AddSchemaModule(this IServiceCollection services, SchemaModule module)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(module);
        return services.AddSingleton(module);
    }
}
