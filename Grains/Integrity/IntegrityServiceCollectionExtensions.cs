using Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Storage;
using Storage;

namespace Grains.Integrity;

/// <summary>Registers the integrity keys (section "Integrity"), the check of every district's appeals and its start-up.</summary>
internal static class IntegrityServiceCollectionExtensions
{
    public static IServiceCollection AddAppealIntegrity(this IServiceCollection services, IConfiguration? configuration)
    {
        var options = services.AddOptions<IntegrityOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(IntegrityOptions.SectionName));
        }

        // Found when first asked for, which the start-up service does before the silo starts: a missing key stops the host
        // with one line (SettingsException), not a grain call later.
        services.TryAddSingleton(sp => IntegrityKeySource.Load(
            sp.GetRequiredService<IOptions<IntegrityOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            TimeProvider.System, sp.GetRequiredService<ILogger<IntegrityKeyRing>>()));
        services.TryAddSingleton(sp => new IntegrityScanner(
            sp.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME), sp.GetRequiredService<Appeals.AppealLifecycle>(),
            sp.GetRequiredService<Storage.ReadModels.IntegrityFindingQueries>(), sp.GetRequiredService<DistrictClock>(),
            sp.GetRequiredService<ILogger<IntegrityScanner>>()));
        services.AddHostedService<IntegrityStartupService>();
        return services;
    }
}
