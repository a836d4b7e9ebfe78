using Microsoft.Extensions.Hosting;
using Silo.Hosting;

namespace Silo;

/// <summary>A silo of a command-centre cluster: grains on Orleans, state and reminders in the database of "Storage",
/// membership in it too when Silo:Clustering is AdoNet. The Dashboard co-hosts the same silo on the embedded default.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddCommandCentreSilo();
        return await builder.Build().RunOrExplainAsync("企业服务指挥中心 silo");
    }
}
