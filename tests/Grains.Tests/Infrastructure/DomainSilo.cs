using Grains.Abstractions.Sla;
using Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Storage;

namespace Grains.Tests.Infrastructure;

/// <summary>A real Orleans silo with the domain's grains and services on a test database, on a fake domain clock and a
/// weekends-only working calendar, so every deadline in a test is simple to compute.</summary>
public sealed class DomainSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private DomainSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Starts a silo configured as the product's (<c>AddCommandCentreSilo</c>) on the database; the fake clock drives
    /// the domain's time (deadlines, lights, years), not Orleans' own timers. A setting given as null is removed from the
    /// defaults; <paramref name="configure"/> adds services (a log capture).</summary>
    public static async Task<DomainSilo> StartAsync(
        StorageOptions storage, FakeTimeProvider time, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = TestSiloHost.Settings(storage, TestDistrict.Code);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                configuration.Remove(key);
            }
            else
            {
                configuration[key] = value;
            }
        }

        var host = await TestSiloHost.StartAsync(configuration, services =>
        {
            services.AddKeyedSingleton<TimeProvider>(DistrictClock.TimeKey, time);
            services.AddSingleton(WorkingCalendarSettings.WeekendsOnly);
            configure?.Invoke(services);
        });
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
