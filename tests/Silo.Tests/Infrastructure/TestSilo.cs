using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Silo.Hosting;
using Silo.Storage;
using Silo.Tests.TestGrains;

namespace Silo.Tests.Infrastructure;

/// <summary>A real silo host on a test database, with the test grains and a shared probe.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public Probe Probe => Services.GetRequiredService<Probe>();

    public static async Task<TestSilo> StartAsync(
        StorageOptions storage,
        TimeProvider? time = null,
        Action<SiloOptions>? configure = null,
        Probe? probe = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage.Provider.ToString(),
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Silo:MinimumReminderPeriod"] = "00:00:01",
        });
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSingleton(probe ?? new Probe());

        // A grain stuck in a call must not hang the test run at shutdown.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.AddSilo(typeof(Probe).Assembly);
        if (configure is not null)
        {
            builder.Services.PostConfigure(configure);
        }

        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
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
