using Silo.Storage;

namespace Silo.Tests.Storage;

public abstract class ReminderTableTests(DatabaseProvider provider) : StorageTestBase(provider)
{
    private static readonly GrainId Appeal = new("AppealGrain", "2026-000123");

    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 30, 0, 250, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_NothingRegistered_ReturnsNull()
    {
        var table = Db.CreateReminderTable();

        Assert.Null(await table.ReadAsync(Appeal, "overdue", CancellationToken.None));
    }

    [Fact]
    public async Task UpsertAsync_NewReminder_ReadAsyncReturnsIt()
    {
        var table = Db.CreateReminderTable();
        var entry = new ReminderEntry(Appeal, "overdue", Start, TimeSpan.FromHours(24));

        await table.UpsertAsync(entry, CancellationToken.None);

        Assert.Equal(entry, await table.ReadAsync(Appeal, "overdue", CancellationToken.None));
    }

    [Fact]
    public async Task UpsertAsync_ExistingReminder_ReplacesStartAndPeriod()
    {
        var table = Db.CreateReminderTable();
        await table.UpsertAsync(new ReminderEntry(Appeal, "overdue", Start, TimeSpan.FromHours(24)), CancellationToken.None);
        var replacement = new ReminderEntry(Appeal, "overdue", Start.AddDays(1), TimeSpan.FromMinutes(90));

        await table.UpsertAsync(replacement, CancellationToken.None);

        Assert.Equal([replacement], await table.ReadAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task UpsertAsync_StartWithLocalOffset_StoresSameInstantInUtc()
    {
        var table = Db.CreateReminderTable();
        var beijing = new DateTimeOffset(2026, 11, 23, 16, 30, 0, TimeSpan.FromHours(8));

        await table.UpsertAsync(new ReminderEntry(Appeal, "overdue", beijing, TimeSpan.FromMinutes(1)), CancellationToken.None);
        var stored = await table.ReadAsync(Appeal, "overdue", CancellationToken.None);

        Assert.Equal(beijing.UtcDateTime, stored?.StartAt.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, stored?.StartAt.Offset);
    }

    [Fact]
    public async Task ReadAllAsync_SeveralGrains_ReturnsEveryReminderFromAnotherHost()
    {
        var table = Db.CreateReminderTable();
        var other = new GrainId("ProjectGrain", "HC-2026-017");
        ReminderEntry[] entries =
        [
            new(Appeal, "overdue", Start, TimeSpan.FromHours(24)),
            new(Appeal, "satisfaction", Start.AddDays(3), TimeSpan.Zero),
            new(other, "milestone", Start, TimeSpan.FromDays(7)),
        ];
        foreach (var entry in entries)
        {
            await table.UpsertAsync(entry, CancellationToken.None);
        }

        var all = await Db.CreateReminderTable(Db.OpenAnotherDatabase()).ReadAllAsync(CancellationToken.None);

        Assert.Equal(entries.OrderBy(e => e.GrainId.Type).ThenBy(e => e.Name), all);
    }

    [Fact]
    public async Task RemoveAsync_ExistingReminder_ReturnsTrueAndRemovesOnlyIt()
    {
        var table = Db.CreateReminderTable();
        var kept = new ReminderEntry(Appeal, "satisfaction", Start, TimeSpan.FromHours(1));
        await table.UpsertAsync(new ReminderEntry(Appeal, "overdue", Start, TimeSpan.FromHours(24)), CancellationToken.None);
        await table.UpsertAsync(kept, CancellationToken.None);

        var removed = await table.RemoveAsync(Appeal, "overdue", CancellationToken.None);

        Assert.True(removed);
        Assert.Equal([kept], await table.ReadAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_NothingRegistered_ReturnsFalse()
    {
        var table = Db.CreateReminderTable();

        Assert.False(await table.RemoveAsync(Appeal, "overdue", CancellationToken.None));
    }

    [Fact]
    public async Task UpsertAsync_NegativePeriod_ThrowsAndStoresNothing()
    {
        var table = Db.CreateReminderTable();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => table.UpsertAsync(new ReminderEntry(Appeal, "overdue", Start, TimeSpan.FromSeconds(-1)), CancellationToken.None));

        Assert.Empty(await table.ReadAllAsync(CancellationToken.None));
    }
}
