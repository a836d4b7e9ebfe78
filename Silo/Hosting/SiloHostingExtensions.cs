using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Silo.Diagnostics;
using Storage;
using Storage.ReadModels;

namespace Silo.Hosting;

/// <summary>The one Orleans configuration of the command centre, used by the silo process (<c>dotnet run --project Silo</c>),
/// by the Dashboard when it co-hosts a silo (the embedded default), and by the Dashboard as a client of a cluster.
/// Settings: sections "Storage" (<see cref="StorageOptions"/>), "Silo" (<see cref="SiloOptions"/>) and "Domain".</summary>
public static class SiloHostingExtensions
{
    /// <summary>Runs a silo in this process: the database schema is brought up to date first, then Orleans starts with
    /// ADO.NET grain storage and reminders on the configured database, and localhost or ADO.NET clustering.</summary>
    public static IHostApplicationBuilder AddCommandCentreSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var (storage, silo) = builder.AddStorage();
        builder.Services.AddDomain(builder.Configuration);
        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (silo.ClusterId, silo.ServiceId));
            if (silo.Clustering == SiloClustering.AdoNet)
            {
                RequirePostgres(storage, "Silo:Clustering AdoNet");
                orleans.UseAdoNetClustering(o => o.Configure<IDatabase>((options, database) =>
                    (options.Invariant, options.DataSource) = (AdoNetInvariants.Of(database.Provider), database.DataSource)));
                orleans.ConfigureEndpoints(AdvertisedAddress(silo.AdvertisedAddress), silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
            }

            // Orleans opens its connections from the process's one data source: one pool, and on SQLite the same busy timeout.
            orleans.AddAdoNetGrainStorageAsDefault((OptionsBuilder<AdoNetGrainStorageOptions> o) => o.Configure<IDatabase>((options, database) =>
                (options.Invariant, options.DataSource) = (AdoNetInvariants.Of(database.Provider), database.DataSource)));
            orleans.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> o) => o.Configure<IDatabase>((options, database) =>
                (options.Invariant, options.DataSource) = (AdoNetInvariants.Of(database.Provider), database.DataSource)));
            orleans.UseSystemTextJsonGrainStorageSerializer();
            orleans.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o =>
            {
                // Enums by name and Chinese as text: rows stay readable in psql/sqlite3 and survive a reordered enum.
                o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter());
                o.JsonSerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            });
            orleans.Configure<GrainCollectionOptions>(o =>
            {
                o.CollectionAge = silo.CollectionAge;
                o.CollectionQuantum = silo.CollectionQuantum;
                o.DeactivationTimeout = silo.DeactivationTimeout;
            });
            orleans.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = silo.ResponseTimeout);
            orleans.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = silo.MinimumReminderPeriod);
            // Failure detection (probe timeout, missed probes, votes): Orleans' defaults unless "Silo:Membership" says otherwise.
            orleans.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection($"{SiloOptions.SectionName}:Membership"));
            orleans.AddDashboard();
        });
        AddDatabaseExceptionSerialization(builder.Services);
        builder.Services.AddSingleton<GrainCallStatistics>();
        builder.Services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<GrainCallStatistics>());
        builder.Services.AddHostedService<SiloStatisticsReporter>();
        return builder;
    }

    /// <summary>Joins a cluster of silos as an Orleans client (a Dashboard process in a cluster): gateways come from the
    /// ADO.NET membership table; the client keeps retrying while no silo answers instead of failing the process.</summary>
    public static IHostApplicationBuilder AddCommandCentreClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var (storage, silo) = builder.AddStorage();
        RequirePostgres(storage, "a Dashboard that joins a cluster");
        builder.Services.AddDomainOptions(builder.Configuration);
        builder.Services.AddReadModel();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (silo.ClusterId, silo.ServiceId));
            client.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> o) => o.Configure<IDatabase>((options, database) =>
                (options.Invariant, options.DataSource) = (AdoNetInvariants.Of(database.Provider), database.DataSource)));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = silo.ClientResponseTimeout);
            client.Services.Configure<GatewayOptions>(builder.Configuration.GetSection($"{SiloOptions.SectionName}:Gateways"));
            client.UseConnectionRetryFilter<ClusterConnectionRetry>();
            client.AddDashboard();
        });
        AddDatabaseExceptionSerialization(builder.Services);
        return builder;
    }

    private static (StorageOptions Storage, SiloOptions Silo) AddStorage(this IHostApplicationBuilder builder)
    {
        var storageSection = builder.Configuration.GetSection(StorageOptions.SectionName);
        var siloSection = builder.Configuration.GetSection(SiloOptions.SectionName);
        var storage = storageSection.Get<StorageOptions>() ?? new StorageOptions();
        var silo = siloSection.Get<SiloOptions>() ?? new SiloOptions();
        builder.Services.AddOptions<StorageOptions>().Bind(storageSection);
        builder.Services.AddOptions<SiloOptions>().Bind(siloSection);
        builder.Services.AddAppStorage();
        // Before UseOrleans: hosted services start in registration order, and Orleans' providers need the tables.
        builder.Services.AddHostedService<StorageMigrationService>();
        return (storage, silo);
    }

    /// <summary>A grain call or activation that failed on the database must reach the caller as an exception it can read
    /// (<see cref="DatabaseExceptionCodec"/>). Orleans serializes only exceptions of a few namespaces (System, Microsoft, ...), so
    /// <see cref="StorageUnavailableException"/> is allowed too, on silos and clients alike.</summary>
    private static void AddDatabaseExceptionSerialization(IServiceCollection services)
    {
        services.AddSingleton<IGeneralizedCodec, DatabaseExceptionCodec>();
        services.Configure<ExceptionSerializationOptions>(o =>
        {
            var previous = o.SupportedExceptionTypeFilter;
            o.SupportedExceptionTypeFilter = type => type == typeof(StorageUnavailableException) || previous?.Invoke(type) == true;
        });
    }

    /// <summary>An IP address, or a host name resolved once at start-up (a container's own name in a compose network).</summary>
    private static IPAddress AdvertisedAddress(string value)
    {
        if (IPAddress.TryParse(value, out var address))
        {
            return address;
        }

        return Dns.GetHostAddresses(value).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            ?? throw new SettingsException($"Silo:AdvertisedAddress '{value}' is neither an IP address nor a host name with an IPv4 address.");
    }

    private static void RequirePostgres(StorageOptions storage, string what)
    {
        if (storage.Provider != DatabaseProvider.Postgres)
        {
            throw new SettingsException(
                $"{what} needs Storage:Provider Postgres (the silos share one PostgreSQL database); it is {storage.Provider}.");
        }
    }
}
