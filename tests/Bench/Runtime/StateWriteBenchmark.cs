using System.Diagnostics;
using Storage;

namespace Bench.Runtime;

/// <summary>Durable grain-state writes per second through Orleans' ADO.NET grain storage as the product configures it, on
/// SQLite and on PostgreSQL, with as many concurrent writers (one grain each) as tests/bench.sh gives pgbench clients, so
/// the two compare.</summary>
internal static class StateWriteBenchmark
{
    private const int Writers = 16;
    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(string[] args)
    {
        Metrics.Print("state_writers", Writers, "grains");
        Metrics.Print("sqlite_writes_per_sec", await MeasureAsync(DatabaseProvider.Sqlite), "writes/s");
        Metrics.Print("postgres_writes_per_sec", await MeasureAsync(DatabaseProvider.Postgres), "writes/s");
    }

    private static async Task<double> MeasureAsync(DatabaseProvider provider)
    {
        await using var silo = await BenchSilo.StartAsync(provider);
        var run = Guid.NewGuid().ToString("N")[..8];
        var grains = Enumerable.Range(0, Writers).Select(i => silo.Grains.GetGrain<IWriterGrain>($"writer-{run}-{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.Write(0)));
        using var stop = new CancellationTokenSource(s_duration);
        var started = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(grains.Select(g => Task.Run(async () =>
        {
            long writes = 0;
            while (!stop.IsCancellationRequested)
            {
                await g.Write((int)writes);
                writes++;
            }

            return writes;
        })));
        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
