using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;
using Storage.Tests.Infrastructure;
using Storage.Tests.TestGrains;

namespace Storage.Tests.Reminders;

/// <summary>Durable reminders through Orleans' ADO.NET reminder service (on SQLite with the project's own queries): they
/// outlive the silo that registered them and go when unregistered.</summary>
public abstract class ReminderTests(DatabaseProvider provider) : DatabaseTestBase(provider)
{
    private const string CountTicks = "SELECT COUNT(*) FROM OrleansRemindersTable WHERE ReminderName = 'tick' AND GrainId LIKE '%k-reminder%'";

    [Fact]
    public async Task RegisterOrUpdateReminder_SiloStoppedAndNewSiloStarted_NewSiloFiresItWithoutAGrainCall()
    {
        var first = await StartSiloAsync(configure: services => services.AddSingleton(new ReminderProbe()));
        // Due later than the first silo lives, so that only a silo that loaded the reminder from the table can fire it.
        await Grains(first).GetGrain<IReminderGrain>("k-reminder-restart").Start(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
        await StopSiloAsync(first);
        Assert.Equal(1, await Db.CountAsync(CountTicks));

        var probe = new ReminderProbe();
        await StartSiloAsync(configure: services => services.AddSingleton(probe));

        await Eventually.UntilAsync(() => probe.Ticks.Contains("k-reminder-restart:tick"), "the new silo fires the stored reminder");
    }

    [Fact]
    public async Task UnregisterReminder_Registered_RemovesItFromTheTable()
    {
        var probe = new ReminderProbe();
        var silo = await StartSiloAsync(configure: services => services.AddSingleton(probe));
        var grain = Grains(silo).GetGrain<IReminderGrain>("k-reminder-stop");
        await grain.Start(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(() => probe.Ticks.Contains("k-reminder-stop:tick"), "the reminder fires once");

        await grain.Stop();

        Assert.False(await grain.IsRegistered());
        Assert.Equal(0, await Db.CountAsync(CountTicks));
    }

    [Fact]
    public async Task UnregisterReminder_ThenSiloRestarted_NewSiloHasNoReminder()
    {
        var first = await StartSiloAsync(configure: services => services.AddSingleton(new ReminderProbe()));
        var grain = Grains(first).GetGrain<IReminderGrain>("k-reminder-gone");
        await grain.Start(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        await grain.Stop();
        await StopSiloAsync(first);

        var second = await StartSiloAsync(configure: services => services.AddSingleton(new ReminderProbe()));

        Assert.False(await Grains(second).GetGrain<IReminderGrain>("k-reminder-gone").IsRegistered());
        Assert.Equal(0, await Db.CountAsync(CountTicks));
    }

    [Fact]
    public async Task ReadRow_ReminderRegisteredThroughAGrain_ReturnsItsStartInUtcAndItsPeriod()
    {
        var silo = await StartSiloAsync(configure: services => services.AddSingleton(new ReminderProbe()));
        var grain = Grains(silo).GetGrain<IReminderGrain>("k-reminder-row");
        var before = DateTime.UtcNow;

        await grain.Start(TimeSpan.FromHours(1), TimeSpan.FromHours(2));
        var after = DateTime.UtcNow;
        var entry = await Table(silo).ReadRow(grain.GetGrainId(), ReminderGrain.ReminderName);

        Assert.NotNull(entry);
        Assert.Equal(DateTimeKind.Utc, entry.StartAt.Kind);
        Assert.InRange(entry.StartAt, before.AddHours(1).AddSeconds(-1), after.AddHours(1).AddSeconds(1));
        Assert.Equal(TimeSpan.FromHours(2), entry.Period);
    }

    [Fact]
    public async Task ReadRows_HashRanges_ReturnExactlyTheRemindersOfEachRange()
    {
        var silo = await StartSiloAsync(configure: services => services.AddSingleton(new ReminderProbe()));
        var table = Table(silo);
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("storage-tests-reminder", $"k-range-{i}")).ToList();
        foreach (var grainId in grains)
        {
            await table.UpsertRow(new ReminderEntry
            {
                GrainId = grainId,
                ReminderName = "range",
                StartAt = DateTime.UtcNow.AddDays(1),
                Period = TimeSpan.FromDays(1),
            });
        }

        // Ranges are (begin, end] on the uint ring: one in the lower half, one across the signed boundary, one that wraps
        // past zero, and begin = end for the whole ring (a single silo).
        (uint Begin, uint End)[] ranges = [(0x1000_0000, 0x7000_0000), (0x7000_0000, 0x9000_0000), (0xC000_0000, 0x4000_0000), (0x5555_5555, 0x5555_5555)];
        foreach (var (begin, end) in ranges)
        {
            var rows = await table.ReadRows(begin, end);

            var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order(StringComparer.Ordinal);
            Assert.Equal(expected, rows.Reminders.Where(r => r.ReminderName == "range").Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task RemoveRow_ETagOfAnEarlierRegistration_ReturnsFalseAndKeepsTheReminder()
    {
        var silo = await StartSiloAsync(configure: services => services.AddSingleton(new ReminderProbe()));
        var table = Table(silo);
        var grainId = GrainId.Create("storage-tests-reminder", "k-reminder-etag");
        var entry = new ReminderEntry { GrainId = grainId, ReminderName = "etag", StartAt = DateTime.UtcNow.AddDays(1), Period = TimeSpan.FromDays(1) };
        var first = await table.UpsertRow(entry);
        var second = await table.UpsertRow(entry);
        Assert.NotNull(first);
        Assert.NotNull(second);

        var removedWithOld = await table.RemoveRow(grainId, "etag", first);
        var kept = await table.ReadRow(grainId, "etag");
        var removedWithCurrent = await table.RemoveRow(grainId, "etag", second);

        Assert.NotEqual(first, second);
        Assert.False(removedWithOld);
        Assert.Equal(second, kept?.ETag);
        Assert.True(removedWithCurrent);
        Assert.Null((await table.ReadRow(grainId, "etag"))?.ReminderName);
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static IReminderTable Table(IHost silo) => silo.Services.GetRequiredService<IReminderTable>();

    private static IGrainFactory Grains(IHost silo) => silo.Services.GetRequiredService<IGrainFactory>();
}
