using System.Diagnostics;
using Storage;

namespace Bench.Runtime;

/// <summary>Cost of a grain call against the same method called directly, in one run, and the
/// throughput of grain calls on all cores.</summary>
internal static class GrainCallBenchmark
{
    private const int CallsPerRound = 200_000;
    private const int Rounds = 15;

    public static async Task RunAsync(string[] args)
    {
        await using var silo = await BenchSilo.StartAsync(DatabaseProvider.Sqlite);
        IAdder direct = new DirectAdder();
        var grain = silo.Grains.GetGrain<IAdderGrain>(1);
        await grain.Add(0);

        var directNs = new List<double>();
        var grainNs = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            directNs.Add(await TimeCallsAsync(direct.Add));
            grainNs.Add(await TimeCallsAsync(grain.Add));
        }

        var directMedian = Metrics.Median(directNs.Skip(3));
        var grainMedian = Metrics.Median(grainNs.Skip(3));
        Metrics.Print("direct_call_ns", directMedian, "ns");
        Metrics.Print("grain_call_ns", grainMedian, "ns");
        Metrics.Print("grain_call_ratio", grainMedian / directMedian, "x");
        Metrics.Print("grain_calls_per_sec", await ThroughputAsync(silo, TimeSpan.FromSeconds(5)), "calls/s");
        Metrics.Print("cores", Environment.ProcessorCount, "cores");
    }

    private static async Task<double> TimeCallsAsync(Func<int, Task<int>> call)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < CallsPerRound; i++)
        {
            await call(1);
        }

        return Stopwatch.GetElapsedTime(started).TotalNanoseconds / CallsPerRound;
    }

    /// <summary>Many callers, each to its own grain, on every core for the given time.</summary>
    private static async Task<double> ThroughputAsync(BenchSilo silo, TimeSpan duration)
    {
        var workers = Environment.ProcessorCount * 8;
        var grains = Enumerable.Range(100, workers).Select(i => silo.Grains.GetGrain<IAdderGrain>(i)).ToArray();
        await Task.WhenAll(grains.Select(g => g.Add(0)));
        using var stop = new CancellationTokenSource(duration);
        var started = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(grains.Select(g => Task.Run(async () =>
        {
            long calls = 0;
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < 1000; i++)
                {
                    await g.Add(1);
                }

                calls += 1000;
            }

            return calls;
        })));
        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
