using Dashboard.Auth;
using Dashboard.Live;
using Grains.Hosting;
using Silo.Hosting;
using Storage;

namespace Dashboard.Hosting;

/// <summary>How the Dashboard reaches the grains (setting "Dashboard:Orleans").</summary>
internal enum DashboardOrleansMode
{
    /// <summary>The Dashboard runs a silo in its own process (the embedded default, one process on SQLite).</summary>
    CoHosted,

    /// <summary>The Dashboard is an Orleans client of a cluster of silo processes on PostgreSQL: it holds no grains, so it can
    /// be restarted or scaled with the number of screens without moving any activation.</summary>
    Client,
}

internal static class OrleansExtensions
{
    public const string ModeKey = "Dashboard:Orleans";

    /// <summary>Co-hosts a silo or joins a cluster as a client, then subscribes to the district's live changes. On the
    /// embedded SQLite default the demo district is loaded on first start, unless "Domain:SeedDemoDistrict" says otherwise.</summary>
    public static WebApplicationBuilder AddOrleans(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetValue(ModeKey, DashboardOrleansMode.CoHosted);
        if (mode == DashboardOrleansMode.Client)
        {
            builder.AddCommandCentreClient();
        }
        else
        {
            builder.AddCommandCentreSilo();
            var explicitSeed = builder.Configuration[$"{DomainOptions.SectionName}:{nameof(DomainOptions.SeedDemoDistrict)}"];
            if (explicitSeed is null)
            {
                var provider = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()?.Provider ?? DatabaseProvider.Sqlite;
                builder.Services.PostConfigure<DomainOptions>(o => o.SeedDemoDistrict = provider == DatabaseProvider.Sqlite);
            }
        }

        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<DistrictLiveFeed>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<DistrictLiveFeed>());
        return builder;
    }
}
