using Microsoft.Extensions.Time.Testing;
using Silo.Storage;
using Silo.Tests.Infrastructure;
using Silo.Tests.TestGrains;

namespace Silo.Tests.Runtime;

/// <summary>The grain host's semantics, run once per database provider by the subclasses below.</summary>
public abstract class GrainRuntimeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Calls_ManyConcurrentCallsToOneGrain_RunOneAtATimeInArrivalOrder()
    {
        await using var silo = await TestSilo.StartAsync(Database.Options);
        var grain = silo.Grains.GetGrain<ISequenceGrain>(Guid.NewGuid());

        var calls = Enumerable.Range(0, 200).Select(grain.Append).ToArray();
        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 200), await grain.Values());
        Assert.Equal(0, await grain.Overlaps());
    }

    [Fact]
    public async Task GetGrain_ThousandConcurrentFirstCalls_ActivateExactlyOnce()
    {
        await using var silo = await TestSilo.StartAsync(Database.Options);
        var key = Random.Shared.NextInt64(1, long.MaxValue);
        using var start = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 1000).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return silo.Grains.GetGrain<IPingGrain>(key).Ping();
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(1, r));
        Assert.Equal(1, silo.Probe.Constructed($"ping/{key}"));
    }

    [Fact]
    public async Task CallChain_BackIntoNonReentrantGrain_FailsAtOnceNamingTheChain()
    {
        await using var silo = await TestSilo.StartAsync(Database.Options, configure: o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
        var a = silo.Grains.GetGrain<IPingGrain>(1001);

        var error = await Assert.ThrowsAsync<DeadlockException>(() => a.CallThrough(1002, CallbackKind.Exclusive));

        Assert.Contains("ping/1001 → ping/1002 → ping/1001", error.Message);
        Assert.Equal(3, error.CallChain.Count);
    }

    [Theory]
    [InlineData(CallbackKind.Interleaving)]
    public async Task CallChain_BackIntoAlwaysInterleaveMethod_Completes(CallbackKind kind)
    {
        await using var silo = await TestSilo.StartAsync(Database.Options);

        var reply = await silo.Grains.GetGrain<IPingGrain>(2001).CallThrough(2002, kind);

        Assert.Equal("hello from 2001", reply);
    }

    [Fact]
    public async Task CallChain_BackIntoReentrantGrain_Completes()
    {
        await using var silo = await TestSilo.StartAsync(Database.Options);

        var reply = await silo.Grains.GetGrain<IReentrantPingGrain>(3001).CallThrough(3002);

        Assert.Equal("reentrant hello", reply);
    }

    [Fact]
    public async Task Call_GrainNeverAnswers_TimesOutNamingGrainAndMethod()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var silo = await TestSilo.StartAsync(Database.Options, time, o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
        var grain = silo.Grains.GetGrain<IPingGrain>(4001);

        var call = grain.Hang();
        time.Advance(TimeSpan.FromSeconds(31));
        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Contains("ping/4001", error.Message);
        Assert.Contains("Hang", error.Message);
        silo.Probe.Record("release-hang");
    }

    [Fact]
    public async Task IdleCollection_GrainIdleLongerThanCollectionAge_IsDeactivatedAndReactivatedOnNextCall()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var silo = await TestSilo.StartAsync(Database.Options, time, o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(10);
            o.CollectionQuantum = TimeSpan.FromMinutes(1);
        });
        var key = $"idle-{Guid.NewGuid():N}";
        var grain = silo.Grains.GetGrain<ICounterGrain>(key);
        await grain.Increment();

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.DoesNotContain($"deactivated:{key}:ActivationIdle", silo.Probe.Events);
        time.Advance(TimeSpan.FromMinutes(7));
        await silo.Probe.WhenRecorded($"deactivated:{key}:ActivationIdle");

        Assert.Equal(2, await grain.Increment());
        Assert.Equal(2, silo.Probe.Constructed(key));
    }

    [Fact]
    public async Task State_WrittenThenHostRestarted_IsReadBack()
    {
        var key = $"restart-{Guid.NewGuid():N}";
        await using (var first = await TestSilo.StartAsync(Database.Options))
        {
            await first.Grains.GetGrain<ICounterGrain>(key).Increment();
            await first.Grains.GetGrain<ICounterGrain>(key).Increment();
        }

        await using var second = await TestSilo.StartAsync(Database.Options);

        Assert.Equal(2, await second.Grains.GetGrain<ICounterGrain>(key).Get());
        Assert.Equal([1, 2], await second.Grains.GetGrain<ICounterGrain>(key).History());
    }

    [Fact]
    public async Task State_TwoHostsWriteSameGrain_SecondWriterGetsInconsistentStateAndThenReloads()
    {
        var key = $"etag-{Guid.NewGuid():N}";
        await using var host1 = await TestSilo.StartAsync(Database.Options);
        await using var host2 = await TestSilo.StartAsync(Database.Options);
        var onHost1 = host1.Grains.GetGrain<ICounterGrain>(key);
        var onHost2 = host2.Grains.GetGrain<ICounterGrain>(key);
        Assert.Equal(0, await onHost1.Get());
        Assert.Equal(0, await onHost2.Get());

        await onHost1.Set(10);
        await Assert.ThrowsAsync<InconsistentStateException>(() => onHost2.Set(20));

        await host2.Probe.WhenRecorded($"deactivated:{key}:InconsistentState");
        Assert.Equal(10, await onHost2.Get());
        Assert.Equal(11, await onHost2.Increment());
        Assert.Equal(10, await onHost1.Get());
    }

    [Fact]
    public async Task State_StoredByOlderBuildWithoutNewProperty_ReadsWithDefaultForNewProperty()
    {
        var key = $"profile-{Guid.NewGuid():N}";
        await using var silo = await TestSilo.StartAsync(Database.Options);
        var storage = (IGrainStorage)silo.Services.GetService(typeof(IGrainStorage))!;
        await storage.WriteAsync(new GrainId("profile", key), "profile", """{"Name":"张三","Level":3}""", null, CancellationToken.None);

        var profile = await silo.Grains.GetGrain<IProfileGrain>(key).Get();

        Assert.Equal(new ProfileState { Name = "张三", Level = 3, Nickname = "(none)" }, profile);
    }

    [Fact]
    public async Task State_StoredRowThatNoLongerDeserializes_FailsActivationNamingGrainAndKeepsRow()
    {
        var key = $"corrupt-{Guid.NewGuid():N}";
        await using var silo = await TestSilo.StartAsync(Database.Options);
        var storage = (IGrainStorage)silo.Services.GetService(typeof(IGrainStorage))!;
        var grainId = new GrainId("profile", key);
        await storage.WriteAsync(grainId, "profile", """{"Name":["not","a","string"]}""", null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<GrainActivationException>(() => silo.Grains.GetGrain<IProfileGrain>(key).Get());

        Assert.IsType<GrainStateCorruptException>(error.InnerException);
        Assert.Contains($"profile/{key}", error.Message);
        var stored = await storage.ReadAsync(grainId, "profile", CancellationToken.None);
        Assert.Equal("""{"Name":["not","a","string"]}""", stored?.Payload);
    }

    [Fact]
    public async Task Reminder_RegisteredThenHostRestartedAfterDueTime_FiresOnNewHost()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var key = $"reminder-{Guid.NewGuid():N}";
        await using (var first = await TestSilo.StartAsync(Database.Options, time))
        {
            await first.Grains.GetGrain<IReminderGrain>(key).Start(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        time.Advance(TimeSpan.FromMinutes(5));
        await using var second = await TestSilo.StartAsync(Database.Options, time);
        time.Advance(TimeSpan.FromSeconds(1));

        await second.Probe.WhenRecorded($"reminder:{key}:tick");
        await second.Grains.GetGrain<IReminderGrain>(key).Stop();
    }

    [Fact]
    public async Task Reminder_PeriodBelowMinimum_IsRefusedWithClearMessage()
    {
        await using var silo = await TestSilo.StartAsync(Database.Options);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => silo.Grains.GetGrain<IReminderGrain>($"short-{Guid.NewGuid():N}").Start(TimeSpan.Zero, TimeSpan.FromMilliseconds(10)));

        Assert.Contains("at least", error.Message);
    }

    [Fact]
    public async Task Timer_TicksWithSlowCallback_NeverOverlapAndStopOnDeactivation()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var silo = await TestSilo.StartAsync(Database.Options, time);
        var key = $"timer-{Guid.NewGuid():N}";
        var grain = silo.Grains.GetGrain<IReminderGrain>(key);
        await grain.StartTimer(TimeSpan.FromSeconds(10));

        for (var i = 1; i <= 3; i++)
        {
            var tick = $"timer:{key}:{i}";
            await time.AdvanceUntilAsync(TimeSpan.FromSeconds(1), () => silo.Probe.Events.Contains(tick));
        }

        Assert.Equal(0, await grain.TimerOverlaps());
        await silo.StopAsync();
        Assert.Contains($"deactivated:{key}:ShuttingDown", silo.Probe.Events);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain($"timer:{key}:4", silo.Probe.Events);
    }

    [Fact]
    public async Task GetGrain_EmptyOrOversizedKey_ThrowsNamingGrainType()
    {
        await using var silo = await TestSilo.StartAsync(Database.Options);

        var empty = Assert.Throws<ArgumentException>(() => silo.Grains.GetGrain<ICounterGrain>(""));
        var oversized = Assert.Throws<ArgumentException>(() => silo.Grains.GetGrain<ICounterGrain>(new string('x', GrainId.MaxKeyLength + 1)));

        Assert.Contains("counter", empty.Message);
        Assert.Contains("counter", oversized.Message);
    }

    [Fact]
    public async Task Shutdown_WithActiveGrains_DeactivatesEachGracefully()
    {
        var silo = await TestSilo.StartAsync(Database.Options);
        var keys = Enumerable.Range(0, 5).Select(i => $"shutdown-{i}-{Guid.NewGuid():N}").ToArray();
        foreach (var key in keys)
        {
            await silo.Grains.GetGrain<ICounterGrain>(key).Increment();
        }

        var probe = silo.Probe;

        await silo.DisposeAsync();

        Assert.All(keys, key => Assert.Contains($"deactivated:{key}:ShuttingDown", probe.Events));
    }
}

public sealed class GrainRuntimeSqliteTests() : GrainRuntimeTests(DatabaseProvider.Sqlite);

public sealed class GrainRuntimePostgresTests() : GrainRuntimeTests(DatabaseProvider.Postgres);
