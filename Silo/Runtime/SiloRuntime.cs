using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silo.Diagnostics;
using Silo.Hosting;

namespace Silo.Runtime;

/// <summary>The services every activation shares.</summary>
internal sealed class SiloRuntime(
    IServiceProvider services,
    IOptions<SiloOptions> options,
    TimeProvider timeProvider,
    SiloStatistics statistics,
    ILoggerFactory loggerFactory)
{
    public IServiceProvider Services { get; } = services;

    public SiloOptions Options { get; } = options.Value;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ActivityClock ActivityClock { get; } = new(timeProvider);

    public SiloStatistics Statistics { get; } = statistics;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("Silo.Runtime");
}
