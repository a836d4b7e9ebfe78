using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Storage.Tests;

/// <summary>The test assembly doubles as a silo process, so that a test can kill a silo the way a crash does
/// (<see cref="Infrastructure.SiloProcess"/>): <c>dotnet Storage.Tests.dll silo Key=Value ...</c> runs a test silo with
/// these settings, prints "ready" and its address, and runs until it is killed or its standard input closes (the test
/// process is gone).</summary>
internal static class Program
{
    public const string ReadyLine = "ready";

    private static async Task<int> Main(string[] args)
    {
        if (args is not ["silo", .. var pairs])
        {
            await Console.Error.WriteLineAsync("usage: Storage.Tests silo Key=Value ...; the tests themselves run through dotnet test.");
            return 2;
        }

        var settings = pairs.Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => (string?)pair[1], StringComparer.Ordinal);
        using var host = await TestSiloHost.StartAsync(settings);
        var address = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{ReadyLine} {address}"));
        await Console.Out.FlushAsync();
        await Console.In.ReadToEndAsync();
        return 0;
    }
}
