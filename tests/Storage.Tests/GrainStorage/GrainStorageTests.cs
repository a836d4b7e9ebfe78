using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Storage;
using Storage.Tests.Infrastructure;
using Storage.Tests.TestGrains;

namespace Storage.Tests.GrainStorage;

/// <summary>Grain state through Orleans' ADO.NET grain storage provider and the project's queries, with real silos: durable
/// across silos, guarded by the ETag, cleared and rewritten, readable after the state class grew, refused when corrupt,
/// and stored as plain JSON.</summary>
public abstract class GrainStorageTests(DatabaseProvider provider) : DatabaseTestBase(provider)
{
    [Fact]
    public async Task WriteStateAsync_SiloStoppedAndNewSiloStarted_NewSiloReadsStateBack()
    {
        var first = await StartSiloAsync();
        await Grains(first).GetGrain<INoteGrain>("k-restart").Write("威海某某包装有限公司", NoteKind.Urgent);
        await StopSiloAsync(first);

        var second = await StartSiloAsync();
        var note = await Grains(second).GetGrain<INoteGrain>("k-restart").Get();

        Assert.Equal(new Note("威海某某包装有限公司", NoteKind.Urgent, 1), note);
    }

    [Fact]
    public async Task WriteStateAsync_RowVersionBumpedBySql_ThrowsInconsistentStateAndLeavesRowUnchanged()
    {
        var silo = await StartSiloAsync();
        var grain = Grains(silo).GetGrain<INoteGrain>("k-bumped");
        await grain.Write("original", NoteKind.Routine);
        await Db.ExecuteSqlAsync($"UPDATE OrleansStorage SET Version = Version + 1 WHERE {RowOf(NoteGrain.StateName)}", "k-bumped");
        var before = await RowAsync(NoteGrain.StateName, "k-bumped");

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Write("stale", NoteKind.Urgent));

        Assert.Equal(before, await RowAsync(NoteGrain.StateName, "k-bumped"));
        Assert.Contains("original", before.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteStateAsync_SecondSiloHostWroteFirst_ThrowsInconsistentStateAndKeepsNewerState()
    {
        // Two silos of two separate (localhost) clusters on one database: nothing but the ETag keeps them apart.
        var hostA = await StartSiloAsync();
        var hostB = await StartSiloAsync();
        var onA = Grains(hostA).GetGrain<INoteGrain>("k-two-hosts");
        var onB = Grains(hostB).GetGrain<INoteGrain>("k-two-hosts");
        await onA.Write("from A", NoteKind.Routine);
        await onB.Write("from B", NoteKind.Urgent);
        var newer = await RowAsync(NoteGrain.StateName, "k-two-hosts");

        await Assert.ThrowsAsync<InconsistentStateException>(() => onA.Write("stale from A", NoteKind.Routine));

        Assert.Equal(newer, await RowAsync(NoteGrain.StateName, "k-two-hosts"));
        Assert.Equal(2, newer.Version);
        // Orleans drops the activation that held the stale state; the next call reads the newer row.
        Assert.Equal(new Note("from B", NoteKind.Urgent, 2), await Eventually.SucceedsAsync(onA.Get, "host A reads again"));
    }

    [Fact]
    public async Task ClearStateAsync_ThenWrite_StoresTheNewState()
    {
        var silo = await StartSiloAsync();
        var grain = Grains(silo).GetGrain<INoteGrain>("k-cleared");
        await grain.Write("before the clear", NoteKind.Urgent);

        await grain.Clear();
        var cleared = await RowAsync(NoteGrain.StateName, "k-cleared");
        // A new activation reads the cleared row: no state, but the row's version as its ETag.
        await grain.Deactivate();
        var afterClear = await grain.Get();
        await grain.Write("after the clear", NoteKind.Routine);
        await grain.Deactivate();

        Assert.Null(cleared.Json);
        Assert.Equal(new Note("", NoteKind.Routine, 0), afterClear);
        Assert.Equal(new Note("after the clear", NoteKind.Routine, 1), await grain.Get());
        var rewritten = await RowAsync(NoteGrain.StateName, "k-cleared");
        Assert.Contains("after the clear", rewritten.Json, StringComparison.Ordinal);
        Assert.Equal(cleared.Version + 1, rewritten.Version);
    }

    [Fact]
    public async Task WriteStateAsync_ManyGrainsAtOnce_StoresEveryRow()
    {
        var silo = await StartSiloAsync();
        var grains = Enumerable.Range(0, 100).Select(i => Grains(silo).GetGrain<INoteGrain>($"k-many-{i}")).ToList();

        for (var round = 1; round <= 3; round++)
        {
            await Task.WhenAll(grains.Select(grain => grain.Write($"round {round}", NoteKind.Routine)));
        }

        Assert.Equal(100, await Db.CountAsync(
            $"SELECT COUNT(*) FROM OrleansStorage WHERE GrainTypeString = '{NoteGrain.StateName}' AND GrainIdExtensionString LIKE 'k-many-%' AND Version = 3"));
        Assert.All(await Task.WhenAll(grains.Select(grain => grain.Get())), note => Assert.Equal(new Note("round 3", NoteKind.Routine, 3), note));
    }

    [Fact]
    public async Task ReadStateAsync_RowWrittenBeforePropertyWasAdded_ReadsOldValuesAndDefaultsTheNewOne()
    {
        var silo = await StartSiloAsync();
        var grain = Grains(silo).GetGrain<IProfileGrain>("k-old-shape");
        await grain.Write("新名字", 9, "小王");
        await grain.Deactivate();
        // The first build's ProfileState had no Nickname.
        await Db.ExecuteSqlAsync($"UPDATE OrleansStorage SET PayloadJson = '{{\"Name\":\"老名字\",\"Level\":3}}' WHERE {RowOf(ProfileGrain.StateName)}",
            "k-old-shape");

        var profile = await grain.Get();

        Assert.Equal(new ProfileState { Name = "老名字", Level = 3, Nickname = "(none)" }, profile);
    }

    [Fact]
    public async Task ReadStateAsync_CorruptRow_FailsTheCallNamingTheGrainAndLeavesTheRowUntouched()
    {
        var silo = await StartSiloAsync();
        var grain = Grains(silo).GetGrain<INoteGrain>("k-corrupt");
        await grain.Write("fine", NoteKind.Routine);
        await grain.Deactivate();
        await Db.ExecuteSqlAsync($"UPDATE OrleansStorage SET PayloadJson = '{{\"Text\": \"unterminated' WHERE {RowOf(NoteGrain.StateName)}", "k-corrupt");
        var corrupt = await RowAsync(NoteGrain.StateName, "k-corrupt");

        var failure = await Assert.ThrowsAnyAsync<Exception>(grain.Get);
        var again = await Assert.ThrowsAnyAsync<Exception>(grain.Get);

        Assert.Contains(grain.GetGrainId().ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Contains("ReadStateAsync", failure.Message, StringComparison.Ordinal);
        // No activation came up with an empty state that a later write would store over the row.
        Assert.Equal(failure.Message, again.Message);
        Assert.Equal(corrupt, await RowAsync(NoteGrain.StateName, "k-corrupt"));
        Assert.Equal("{\"Text\": \"unterminated", corrupt.Json);
    }

    [Fact]
    public async Task WriteStateAsync_EnumAndChineseText_StoresPlainJson()
    {
        var silo = await StartSiloAsync();

        await Grains(silo).GetGrain<INoteGrain>("k-plain").Write("环翠区企业诉求已办结", NoteKind.Urgent);

        var json = (await RowAsync(NoteGrain.StateName, "k-plain")).Json;
        Assert.NotNull(json);
        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.Contains("环翠区企业诉求已办结", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["Text", "Kind", "Revision"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Urgent", document.RootElement.GetProperty("Kind").GetString());
    }

    [Fact]
    public async Task WriteStateAsync_TwoGrainClassesWithOneKey_KeepOneRowEach()
    {
        var silo = await StartSiloAsync();

        await Grains(silo).GetGrain<INoteGrain>("k-shared").Write("note", NoteKind.Routine);
        await Grains(silo).GetGrain<IProfileGrain>("k-shared").Write("profile", 1, "p");

        Assert.Equal(2, await Db.CountAsync("SELECT COUNT(*) FROM OrleansStorage WHERE GrainIdExtensionString = 'k-shared'"));
        Assert.Equal("note", (await Grains(silo).GetGrain<INoteGrain>("k-shared").Get()).Text);
        Assert.Equal("profile", (await Grains(silo).GetGrain<IProfileGrain>("k-shared").Get()).Name);
    }

    private static IGrainFactory Grains(IHost silo) => silo.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The WHERE clause of a string-keyed grain's row (the key is bound as @value): Orleans sends the whole string key
    /// as the key extension.</summary>
    private static string RowOf(string stateName) => $"GrainTypeString = '{stateName}' AND GrainIdExtensionString = @value";

    private async Task<StoredRow> RowAsync(string stateName, string key)
    {
        var where = $"GrainTypeString = '{stateName}' AND GrainIdExtensionString = '{key}'";
        Assert.Equal(1, await Db.CountAsync($"SELECT COUNT(*) FROM OrleansStorage WHERE {where}"));
        return new StoredRow(
            await Db.ScalarTextAsync($"SELECT PayloadJson FROM OrleansStorage WHERE {where}"),
            await Db.CountAsync($"SELECT Version FROM OrleansStorage WHERE {where}"));
    }

    private sealed record StoredRow(string? Json, long Version);
}
