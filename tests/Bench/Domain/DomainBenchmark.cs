using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Sla;
using Grains.Demo;
using Storage;

namespace Bench.Domain;

/// <summary>tests/bench.sh domain: generating and loading the demo district into the product's silo (SQLite, and PostgreSQL
/// when BENCH_POSTGRES_CONNECTION is set; the seeder writes grain state through Orleans' ADO.NET grain storage), process
/// memory after each, the median time of the wall's figures read, durable appeal transitions per second on PostgreSQL
/// (bench.sh runs pgbench afterwards and prints the ratio), and generating the province preset.</summary>
/// <remarks>By default the province (×100) is generated (streamed) but not loaded: loading takes about 100 × the
/// district's time. <c>domain --load-province</c> (or <c>BENCH_LOAD_PROVINCE=1 bash tests/bench.sh domain</c>) loads all of
/// it into one SQLite file as well; each district keeps its own towns and departments (keys carry the district code).</remarks>
internal static class DomainBenchmark
{
    private const int Seed = 20_251_117;
    private const int FigureReads = 2_000;
    private const int TransitionWorkers = 32;
    private static readonly TimeSpan s_transitionDuration = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(string[] args)
    {
        await DistrictAsync(DatabaseProvider.Sqlite, "sqlite", transitions: false);
        if (Environment.GetEnvironmentVariable("BENCH_POSTGRES_CONNECTION") is { Length: > 0 })
        {
            await DistrictAsync(DatabaseProvider.Postgres, "postgres", transitions: true);
        }
        else
        {
            Console.Error.WriteLine("BENCH_POSTGRES_CONNECTION is not set: the PostgreSQL load and the appeal transitions are skipped.");
        }

        Province();
        if (args.Contains("--load-province") || Environment.GetEnvironmentVariable("BENCH_LOAD_PROVINCE") == "1")
        {
            await LoadProvinceAsync();
        }
        else
        {
            Console.Error.WriteLine("province: generated (streamed) only; set BENCH_LOAD_PROVINCE=1 (or pass --load-province) to load it too (about 100 × the district load time).");
        }
    }

    private static async Task LoadProvinceAsync()
    {
        await using var silo = await BenchSilo.StartAsync(DatabaseProvider.Sqlite);
        var seeder = silo.Get<DemoDistrictSeeder>();
        var started = Stopwatch.GetTimestamp();
        var districts = 0;
        foreach (var district in DemoProvince.Districts(Seed, TimeProvider.System.GetLocalNow()))
        {
            await seeder.LoadAsync(district);
            districts++;
        }

        Metrics.Print("province_generate_and_load_sqlite", Stopwatch.GetElapsedTime(started).TotalSeconds, "s");
        Metrics.Print("province_districts_loaded_sqlite", districts, "districts");
        PrintMemory("province_loaded_sqlite");
    }

    private static async Task DistrictAsync(DatabaseProvider provider, string name, bool transitions)
    {
        await using var silo = await BenchSilo.StartAsync(provider);
        var started = Stopwatch.GetTimestamp();
        var generator = new DemoDistrictGenerator(Seed, DemoSizes.District, TimeProvider.System.GetLocalNow());
        var result = await silo.Get<DemoDistrictSeeder>().LoadAsync(generator);
        Metrics.Print($"district_generate_and_load_{name}", Stopwatch.GetElapsedTime(started).TotalSeconds, "s");
        Metrics.Print($"district_rows_{name}", result.Enterprises + result.Officials + result.Projects + result.Appeals, "entities");
        PrintMemory($"district_{name}");

        var district = silo.Grains.GetGrain<IDistrictGrain>(result.District.Code);
        for (var i = 0; i < 100; i++)
        {
            await district.GetFigures();
        }

        var samples = new double[FigureReads];
        for (var i = 0; i < FigureReads; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await district.GetFigures();
            samples[i] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
        }

        Metrics.Print($"wall_figures_read_median_{name}", Metrics.Median(samples), "us");
        if (transitions)
        {
            Metrics.Print($"appeal_transitions_{name}", await TransitionsPerSecondAsync(silo, generator), "transitions/s");
        }
    }

    /// <summary>Workers each take a fresh appeal through 受理 → 分流 → 签收 → 反馈 → 评价 → 销号, every step a durable
    /// transition: state and history written, read-model row upserted, deltas sent to the town, department and district
    /// grains (which write their counters at most once a second), the change published to the district's live channel.</summary>
    private static async Task<double> TransitionsPerSecondAsync(BenchSilo silo, DemoDistrictGenerator generator)
    {
        var dispatcher = new AppealActor("bench-dispatcher", ActorRole.Dispatcher, "centre", ActionChannel.Workbench);
        var handler = new AppealActor("bench-handler", ActorRole.DepartmentHandler, DepartmentCodes.Finance, ActionChannel.Workbench);
        var run = Guid.NewGuid().ToString("N")[..8];
        using var stop = new CancellationTokenSource(s_transitionDuration);
        var started = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(Enumerable.Range(0, TransitionWorkers).Select(worker => Task.Run(async () =>
        {
            long done = 0;
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var enterprise = generator.EnterpriseAt(((worker * 7_919) + n) % generator.Sizes.Enterprises);
                var id = string.Create(CultureInfo.InvariantCulture, $"bench-{run}-{worker}-{n}");
                var appeal = silo.Grains.GetGrain<IAppealGrain>(id);
                await appeal.Submit(new AppealIntake(id, enterprise.CreditCode, enterprise.TownCode, AppealChannel.Online, "finance",
                    AppealPriority.Normal, "融资需求", "企业流动资金紧张，申请对接银行"), dispatcher);
                await appeal.Route(dispatcher, null);
                await appeal.TakeOver(handler);
                await appeal.Reply(handler, "已对接银行", ImmutableArray.Create(new AttachmentInfo("r.pdf", "application/pdf", 1, new string('a', 64))));
                await appeal.Rate(new AppealActor("e", ActorRole.Enterprise, enterprise.CreditCode, ActionChannel.Online), SatisfactionRating.Satisfied, null);
                await appeal.Close(dispatcher, null);
                done += 6;
            }

            return done;
        })));
        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static void Province()
    {
        var started = Stopwatch.GetTimestamp();
        long enterprises = 0, officials = 0, projects = 0, appeals = 0;
        foreach (var district in DemoProvince.Districts(Seed, TimeProvider.System.GetLocalNow()))
        {
            enterprises += district.Enterprises().LongCount();
            officials += district.Officials().LongCount();
            projects += district.Projects().LongCount();
            appeals += district.Appeals().LongCount();
        }

        Metrics.Print("province_generate_streamed", Stopwatch.GetElapsedTime(started).TotalSeconds, "s");
        Metrics.Print("province_entities_generated", enterprises + officials + projects + appeals, "entities");
        PrintMemory("province");
    }

    private static void PrintMemory(string prefix)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        Metrics.Print($"{prefix}_working_set", process.WorkingSet64 / 1_048_576d, "MB");
        Metrics.Print($"{prefix}_managed_heap", GC.GetTotalMemory(forceFullCollection: true) / 1_048_576d, "MB");
    }
}
