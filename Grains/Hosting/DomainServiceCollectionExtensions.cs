using Grains.Abstractions.Appeals;
using Grains.Abstractions.Sla;
using Grains.Appeals;
using Grains.Demo;
using Grains.Figures;
using Grains.Projects;
using Grains.ReadModels;
using Grains.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Silo.Storage;

namespace Grains.Hosting;

/// <summary>Registers the domain: rules, read model, query services and the demo loader.</summary>
public static class DomainServiceCollectionExtensions
{
    /// <summary>The read model's schema scripts (Grains/ReadModels/Sql/{sqlite,postgres}/NNN_*.sql).</summary>
    public static SchemaModule ReadModelSchema { get; } = new("domain", typeof(DomainServiceCollectionExtensions).Assembly, "Grains.ReadModels.Sql");

    /// <summary>Adds the domain's services next to the silo (call after <c>AddSilo</c>); settings come from section "Domain".
    /// Appeal, SLA and calendar settings are the defaults unless registered before this call.</summary>
    public static IServiceCollection AddDomain(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DomainOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(DomainOptions.SectionName));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(AppealSettings.Default);
        services.TryAddSingleton(SlaSettings.Default);
        services.TryAddSingleton(WorkingCalendarSettings.China);
        services.TryAddSingleton(sp => new WorkingCalendar(sp.GetRequiredService<WorkingCalendarSettings>()));
        services.TryAddSingleton(sp => new SlaPolicy(sp.GetRequiredService<SlaSettings>(), sp.GetRequiredService<WorkingCalendar>()));
        services.TryAddSingleton(sp => new AppealLifecycle(
            sp.GetRequiredService<AppealSettings>(), sp.GetRequiredService<SlaPolicy>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new KeyProjectRules(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<WorkingCalendar>().UtcOffset));
        services.TryAddSingleton(sp => RoutingTable.FromCategories(
            sp.GetRequiredService<SlaSettings>(), sp.GetRequiredService<IOptions<DomainOptions>>().Value.RoutingRules));
        services.TryAddSingleton(sp =>
        {
            var domain = sp.GetRequiredService<IOptions<DomainOptions>>().Value;
            return new DuplicateFinder(domain.DuplicateWindowDays, domain.DuplicateRadiusMetres);
        });
        services.TryAddSingleton<DistrictClock>();
        services.TryAddSingleton<ReadModelWriter>();
        services.TryAddSingleton<FigureRecounter>();
        services.TryAddSingleton<AppealQueries>();
        services.TryAddSingleton<EnterpriseQueries>();
        services.TryAddSingleton<OfficialQueries>();
        services.TryAddSingleton<ProjectQueries>();
        services.TryAddSingleton(sp => new DemoDistrictSeeder(
            sp.GetRequiredService<IDatabase>(), sp.GetRequiredService<Silo.IGrainFactory>(), sp.GetRequiredService<AppealLifecycle>(),
            sp.GetRequiredService<DistrictClock>(), sp.GetRequiredService<IOptions<DomainOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DemoDistrictSeeder>>()));
        services.AddHostedService<FigureRepairService>();
        services.AddHostedService<DemoSeedingService>();
        return services.AddSchemaModule(ReadModelSchema);
    }
}
