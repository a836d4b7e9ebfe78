using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Silo.Diagnostics;
using Silo.Runtime;
using Silo.Storage;
using Silo.Streams;

namespace Silo.Hosting;

/// <summary>Adds the grain host to an application.</summary>
public static class SiloHostingExtensions
{
    /// <summary>Adds the silo: the grain runtime, grain storage (section "Storage"), reminders, the change
    /// feed and the statistics (section "Silo"); grain classes are found in <paramref name="grainAssemblies"/>.</summary>
    public static IHostApplicationBuilder AddSilo(this IHostApplicationBuilder builder, params Assembly[] grainAssemblies)
    {
        builder.Services.AddSilo(builder.Configuration, grainAssemblies);
        return builder;
    }

    /// <summary>Adds the silo's services, bound to <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, IConfiguration configuration, params Assembly[] grainAssemblies)
    {
        services.AddOptions<SiloOptions>().Bind(configuration.GetSection(SiloOptions.SectionName));
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddAdoNetStorage();
        services.AddSingleton(new GrainClassRegistry(grainAssemblies));
        services.AddSingleton<SiloStatistics>();
        services.AddSingleton<ISiloStatistics>(sp => sp.GetRequiredService<SiloStatistics>());
        services.AddSingleton<SiloRuntime>();
        services.AddSingleton<Catalog>();
        services.AddSingleton(sp => sp.GetRequiredService<Catalog>().GrainFactory);
        services.AddSingleton<GrainStateStorage>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<IChangeFeed, ChangeFeed>();
        services.AddHostedService<SiloHostedService>();
        return services;
    }
}
