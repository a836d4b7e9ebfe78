using Grains.Appeals;
using Grains.Hosting;
using Microsoft.Extensions.Logging;
using Storage;

namespace Bench.Domain;

/// <summary>A <see cref="BenchSilo"/> with the domain (grains, read model, demo loader), on the system clock.</summary>
internal static class DomainSilo
{
    public static Task<BenchSilo> StartAsync(DatabaseProvider provider) =>
        BenchSilo.StartAsync(provider, typeof(AppealGrain).Assembly, builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddDomain(builder.Configuration);
        });
}
