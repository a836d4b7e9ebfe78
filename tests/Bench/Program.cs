using Bench.Cluster;
using Bench.Domain;
using Bench.Live;
using Bench.Runtime;

// tests/bench.sh NAME runs this with NAME as the first argument; every result line is "metric: value unit".
var benchmarks = new Dictionary<string, Func<string[], Task>>(StringComparer.Ordinal)
{
    ["grain-calls"] = GrainCallBenchmark.RunAsync,
    ["state-writes"] = StateWriteBenchmark.RunAsync,
    ["domain"] = DomainBenchmark.RunAsync,
    ["live"] = LiveBenchmark.RunAsync,
    ["cluster"] = ClusterBenchmark.RunAsync,
    ["chaos"] = ChaosBenchmark.RunAsync,
    ["fuzz"] = Bench.Fuzz.FuzzBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: bench NAME, where NAME is one of: {string.Join(", ", benchmarks.Keys)}");
    return 2;
}

await run(args[1..]);
return 0;
