using System.Diagnostics;
using Grains.Abstractions.Towns;
using Grains.Demo;
using Grains.Hosting;
using Storage;

namespace Bench.Runtime;

/// <summary>Cost of an in-silo grain call against the same method called directly, and the throughput of grain calls on all
/// cores, in a bare Orleans silo and in the product's silo (its incoming call filter and the Orleans Dashboard's profiler on
/// top), so that what the project adds to Orleans shows.</summary>
internal static class GrainCallBenchmark
{
    private const int CallsPerRound = 100_000;
    private const int Rounds = 13;
    private const int WarmUpRounds = 3;
    private const int ThroughputRounds = 3;
    private static readonly TimeSpan s_throughputDuration = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(string[] args)
    {
        // Both silos run side by side and their rounds alternate, so a change of load on the shared machine hits both alike.
        await using var bare = await BenchSilo.StartBareAsync();
        await using var product = await BenchSilo.StartAsync(DatabaseProvider.Sqlite);
        var town = await DefineTownAsync(product);
        var direct = new DirectProfile("bench-direct");
        var bareGrain = bare.Grains.GetGrain<IProfileGrain>("bench-0");
        var productGrain = product.Grains.GetGrain<IProfileGrain>("bench-0");
        Func<Task<double>>[] measures =
        [
            () => TimeCallsAsync(direct.GetProfile),
            () => TimeCallsAsync(bareGrain.GetProfile),
            () => TimeCallsAsync(productGrain.GetProfile),
            () => TimeCallsAsync(town.GetProfile),
        ];
        var samples = measures.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var m = 0; m < measures.Length; m++)
            {
                samples[m].Add(await measures[m]());
            }
        }

        var (directNs, bareNs, productNs, townNs) = (Median(samples[0]), Median(samples[1]), Median(samples[2]), Median(samples[3]));
        Console.WriteLine("# grain_call_ns: ITownGrain.GetProfile on a defined town in the product's silo; *_bench_grain and *_orleans_bare: the same [ReadOnly] bench grain in the product's and in a bare Orleans silo");
        Metrics.Print("direct_call_ns", directNs, "ns");
        Metrics.Print("grain_call_ns_orleans_bare", bareNs, "ns");
        Metrics.Print("grain_call_ns_bench_grain", productNs, "ns");
        Metrics.Print("grain_call_ns", townNs, "ns");
        Metrics.Print("grain_call_ratio", townNs / directNs, "x");
        Metrics.Print("grain_call_product_vs_bare", productNs / bareNs, "x");
        Metrics.Print("grain_call_product_overhead_ns", productNs - bareNs, "ns");
        var (bareRates, productRates) = (new List<double>(), new List<double>());
        for (var round = 0; round < ThroughputRounds; round++)
        {
            bareRates.Add(await ThroughputAsync(bare));
            productRates.Add(await ThroughputAsync(product));
        }

        Metrics.Print("grain_calls_per_sec_orleans_bare", Metrics.Median(bareRates), "calls/s");
        Metrics.Print("grain_calls_per_sec", Metrics.Median(productRates), "calls/s");
        Metrics.Print("cores", Environment.ProcessorCount, "cores");
    }

    private static double Median(List<double> rounds) => Metrics.Median(rounds.Skip(WarmUpRounds));

    /// <summary>A town of the demo district, defined through its grain (its state written), as the demo load defines it.</summary>
    private static async Task<ITownGrain> DefineTownAsync(BenchSilo silo)
    {
        var profile = new DemoDistrictGenerator(new DomainOptions().DemoSeed, DemoSizes.District, DateTimeOffset.UtcNow).Towns[0];
        var town = silo.Grains.GetGrain<ITownGrain>(profile.Code);
        await town.Define(profile);
        return town;
    }

    private static async Task<double> TimeCallsAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < CallsPerRound; i++)
        {
            await call();
        }

        return Stopwatch.GetElapsedTime(started).TotalNanoseconds / CallsPerRound;
    }

    /// <summary>Many callers, each to its own bench grain, on every core for two seconds.</summary>
    private static async Task<double> ThroughputAsync(BenchSilo silo)
    {
        var workers = Environment.ProcessorCount * 8;
        var grains = Enumerable.Range(100, workers).Select(i => silo.Grains.GetGrain<IProfileGrain>($"bench-{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.GetProfile()));
        using var stop = new CancellationTokenSource(s_throughputDuration);
        var started = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(grains.Select(g => Task.Run(async () =>
        {
            long calls = 0;
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < 1000; i++)
                {
                    await g.GetProfile();
                }

                calls += 1000;
            }

            return calls;
        })));
        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
