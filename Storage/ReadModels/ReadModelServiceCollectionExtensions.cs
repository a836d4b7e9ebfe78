using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Storage.ReadModels;

/// <summary>Registers the read model's writer and query services; they read and write the <c>rm_*</c> tables and never
/// activate a grain, so a Dashboard that is only an Orleans client uses them too.</summary>
public static class ReadModelServiceCollectionExtensions
{
    public static IServiceCollection AddReadModel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ReadModelWriter>();
        services.TryAddSingleton<AppealQueries>();
        services.TryAddSingleton<AppealWorkbenchQueries>();
        services.TryAddSingleton<EnterpriseQueries>();
        services.TryAddSingleton<OfficialQueries>();
        services.TryAddSingleton<ProjectQueries>();
        services.TryAddSingleton<IntegrityFindingQueries>();
        services.TryAddSingleton<IFeedHistory, FeedQueries>();
        return services;
    }
}
