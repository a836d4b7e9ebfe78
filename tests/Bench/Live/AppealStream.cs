using System.Collections.Concurrent;
using System.Diagnostics;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Sla;
using Grains.Demo;
using Grains.Hosting;

namespace Bench.Live;

/// <summary>Submits appeals through the real appeal grain on a fixed schedule, each with its own id, from
/// the demo enterprise the demo accounts use, and notes the send time (Unix ms) of each.</summary>
internal sealed class AppealStream(IGrainFactory grains, string run)
{
    public const string Prefix = "live-bench-";

    private static readonly DemoDistrictGenerator Generator = new(new DomainOptions().DemoSeed, DemoSizes.District, DateTimeOffset.UnixEpoch);
    private static readonly AppealActor Enterprise = new("enterprise", ActorRole.Enterprise, null, ActionChannel.Online);

    /// <summary>Sends <paramref name="perSecond"/> appeals a second for <paramref name="duration"/>; a slow
    /// grain does not delay the next send. Returns appeal id → send time of those the grain accepted, and
    /// the rate achieved.</summary>
    public async Task<(IReadOnlyDictionary<string, long> Sent, double PerSecond)> RunAsync(string label, double perSecond, TimeSpan duration)
    {
        // An appeal is in its enterprise's town; project 0's owner is in the town the project is built in.
        var project = Generator.ProjectAt(0);
        var (town, enterprise) = (Generator.Towns.Single(t => t.Code == project.TownCode), project.OwnerCreditCode);
        var count = (int)Math.Round(perSecond * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var calls = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var wait = (interval * i) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var id = $"{Prefix}{run}-{label}-{i}";
            calls.Add(Task.Run(async () =>
            {
                var intake = new AppealIntake(id, enterprise, town.Code, AppealChannel.Online, "finance", AppealPriority.Normal,
                    $"压测 {id} 贷款续贷咨询", "企业希望了解续贷政策。")
                {
                    Location = town.Centre,
                };
                var sentMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                await grains.GetGrain<IAppealGrain>(id).Submit(intake, Enterprise);
                sent[id] = sentMs;
            }));
        }

        var all = Task.WhenAll(calls);
        if (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(30))) != all)
        {
            Console.Error.WriteLine($"live: {calls.Count(c => !c.IsCompleted)} submissions of {label} still running after 30 s; not counted");
        }
        else
        {
            await all;
        }

        return (sent, count / clock.Elapsed.TotalSeconds);
    }
}
