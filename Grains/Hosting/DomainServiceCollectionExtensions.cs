using Grains.Abstractions.Appeals;
using Grains.Abstractions.Sla;
using Grains.Appeals;
using Grains.Demo;
using Grains.Figures;
using Grains.Integrity;
using Grains.Projects;
using Storage.ReadModels;
using Grains.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Providers;
using Orleans.Storage;
using Storage;

namespace Grains.Hosting;

/// <summary>Registers the domain for a silo: rules, the domain clock, the read model, the figure checks, the integrity keys and
/// check, and the demo loader.</summary>
public static class DomainServiceCollectionExtensions
{
    /// <summary>Binds <see cref="DomainOptions"/> (section "Domain") and the appeal, SLA and calendar settings (the defaults
    /// unless registered before): all a process that only reads the read model and calls grains needs of the domain.</summary>
    public static IServiceCollection AddDomainOptions(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<DomainOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(DomainOptions.SectionName));
        }

        services.TryAddSingleton(AppealSettings.Default);
        services.TryAddSingleton(SlaSettings.Default);
        services.TryAddSingleton(WorkingCalendarSettings.China);
        return services;
    }

    /// <summary>Adds the services the grains use; settings come from section "Domain". Appeal, SLA and calendar settings
    /// are the defaults, and the domain clock is the host's <see cref="TimeProvider"/>, unless registered before this call.</summary>
    public static IServiceCollection AddDomain(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDomainOptions(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(DistrictClock.TimeKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton(sp => new WorkingCalendar(sp.GetRequiredService<WorkingCalendarSettings>()));
        services.TryAddSingleton(sp => new SlaPolicy(sp.GetRequiredService<SlaSettings>(), sp.GetRequiredService<WorkingCalendar>()));
        services.TryAddSingleton(sp => new AppealLifecycle(
            sp.GetRequiredService<AppealSettings>(), sp.GetRequiredService<SlaPolicy>(), sp.GetRequiredService<DistrictClock>().Time,
            sp.GetRequiredService<IntegrityKeyRing>()));
        services.TryAddSingleton(sp => new KeyProjectRules(
            sp.GetRequiredService<DistrictClock>().Time, sp.GetRequiredService<WorkingCalendar>().UtcOffset));
        services.TryAddSingleton(sp => RoutingTable.FromCategories(
            sp.GetRequiredService<SlaSettings>(), sp.GetRequiredService<IOptions<DomainOptions>>().Value.RoutingRules));
        services.TryAddSingleton(sp =>
        {
            var domain = sp.GetRequiredService<IOptions<DomainOptions>>().Value;
            return new DuplicateFinder(domain.DuplicateWindowDays, domain.DuplicateRadiusMetres);
        });
        services.TryAddSingleton<DistrictClock>();
        services.AddReadModel();
        services.TryAddSingleton<FigureRecounter>();
        services.TryAddSingleton(sp => new DemoDistrictSeeder(
            sp.GetRequiredService<IDatabase>(), sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME), sp.GetRequiredService<AppealLifecycle>(),
            sp.GetRequiredService<DistrictClock>(), sp.GetRequiredService<IOptions<DomainOptions>>(),
            sp.GetRequiredService<ILogger<DemoDistrictSeeder>>()));
        services.AddHostedService<FeedTrimmer>();
        services.AddHostedService<FigureRepairService>();
        services.AddHostedService<DemoSeedingService>();
        services.AddAppealIntegrity(configuration);
        return services;
    }
}
