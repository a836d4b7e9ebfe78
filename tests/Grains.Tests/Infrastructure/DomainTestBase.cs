using Grains.Abstractions.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Orleans.Runtime;
using Storage;

namespace Grains.Tests.Infrastructure;

/// <summary>Each test: its own database (SQLite file or PostgreSQL database), a real silo on it, a fake clock at
/// Monday 2025-11-17 09:00 (+08:00), and <see cref="TestDistrict"/> set up.</summary>
public abstract class DomainTestBase : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2025, 11, 17, 9, 0, 0, TimeSpan.FromHours(8));

    private FakeTimeProvider? _clock;
    private TestDatabase? _database;
    private DomainSilo? _silo;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The test has not been initialised.");

    /// <summary>The fake clock, starting at <see cref="StartAt"/>.</summary>
    protected FakeTimeProvider Clock => _clock ??= new(StartAt);

    /// <summary>Where the fake clock starts; a test about a far date starts near it rather than advancing the clock for
    /// weeks (every timer and reminder would fire on the way).</summary>
    protected virtual DateTimeOffset StartAt => Start;

    protected DomainSilo Silo => _silo ?? throw new InvalidOperationException("The test has not been initialised.");

    protected IGrainFactory Grains => Silo.Grains;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>Settings that replace the test silo's defaults for this class (null values remove a default); read at every start.</summary>
    protected virtual IDictionary<string, string?>? SiloSettings => null;

    /// <summary>Services added to every silo of the test (a log capture).</summary>
    protected virtual void ConfigureSilo(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        _silo = await DomainSilo.StartAsync(_database.Options, Clock, SiloSettings, ConfigureSilo);
        await TestDistrict.SetUpAsync(_silo.Grains);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Stops the silo (every activation is gone) and starts a new one on the same database and clock.</summary>
    protected async Task RestartAsync()
    {
        await Silo.DisposeAsync();
        _silo = await DomainSilo.StartAsync(Database.Options, Clock, SiloSettings, ConfigureSilo);
    }

    /// <summary>Awaits commands already sent together; each one's refusal, or null where it ran.</summary>
    protected static Task<DomainException?[]> RefusalsAsync(params Task[] calls) =>
        Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                await call;
                return null;
            }
            catch (DomainException refused)
            {
                return refused;
            }
        }));

    /// <summary>The durable reminder of that name as Orleans' reminder table holds it, or null.</summary>
    protected Task<ReminderEntry?> ReminderAsync(IAddressable grain, string name) =>
        Silo.Get<IReminderTable>().ReadRow(grain.GetGrainId(), name)!;

    /// <summary>Delivers a stored reminder to its grain the way Orleans does when it falls due (Orleans times reminders in
    /// real time, while the tests move the domain's fake clock): asserts it is registered, then calls ReceiveReminder.</summary>
    protected async Task FireReminderAsync(IAddressable grain, string name)
    {
        var reminder = await ReminderAsync(grain, name);
        Assert.True(reminder is not null, $"No reminder {name} is registered for {grain.GetGrainId()}.");
        await grain.AsReference<IRemindable>().ReceiveReminder(name, new TickStatus(reminder.StartAt, reminder.Period, DateTime.UtcNow));
    }

    /// <summary>Waits for work the fake clock started on the thread pool (a reminder's grain call) to show its effect.</summary>
    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        // Generous: a loaded CI machine runs many PostgreSQL-backed tests at once; a passing wait returns early.
        for (var i = 0; i < 3000; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail($"Timed out waiting until {what}.");
    }
}
