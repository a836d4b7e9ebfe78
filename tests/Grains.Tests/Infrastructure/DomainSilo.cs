using Grains.Abstractions.Sla;
using Grains.Appeals;
using Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Silo;
using Silo.Hosting;
using Storage;

namespace Grains.Tests.Infrastructure;

/// <summary>A real silo with the domain's grains and services on a test database, on a fake clock and a
/// weekends-only working calendar, so every deadline in a test is simple to compute.</summary>
public sealed class DomainSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private DomainSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<DomainSilo> StartAsync(StorageOptions storage, FakeTimeProvider time, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage.Provider.ToString(),
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Silo:MinimumReminderPeriod"] = "00:00:01",
            // Tests move the fake clock by hours and days; idle collection would only add churn to them.
            ["Silo:CollectionAge"] = "3650.00:00:00",
            ["Silo:CollectionQuantum"] = "1.00:00:00",
            ["Domain:DistrictCode"] = TestDistrict.Code,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(WorkingCalendarSettings.WeekendsOnly);
        builder.AddSilo(typeof(AppealGrain).Assembly);
        builder.Services.AddDomain(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new DomainSilo(host);
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
