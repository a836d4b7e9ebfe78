using Silo.Storage;

namespace Silo.Tests.Storage;

public abstract class GrainStorageTests(DatabaseProvider provider) : StorageTestBase(provider)
{
    private static readonly GrainId Enterprise = new("EnterpriseGrain", "91371002MA3C8TXU4K");

    private const string State = "profile";

    [Fact]
    public async Task ReadAsync_NothingStored_ReturnsNull()
    {
        var storage = Db.CreateGrainStorage();

        var stored = await storage.ReadAsync(Enterprise, State, CancellationToken.None);

        Assert.Null(stored);
    }

    [Fact]
    public async Task WriteAsync_ThenReadAsync_ReturnsPayloadAndNewETag()
    {
        var storage = Db.CreateGrainStorage();
        const string payload = """{"name":"威海某某包装有限公司","town":"环翠"}""";

        var etag = await storage.WriteAsync(Enterprise, State, payload, null, CancellationToken.None);
        var stored = await storage.ReadAsync(Enterprise, State, CancellationToken.None);

        Assert.Equal(new StoredState(payload, etag), stored);
    }

    [Fact]
    public async Task WriteAsync_MatchingETag_ReplacesPayloadAndChangesETag()
    {
        var storage = Db.CreateGrainStorage();
        var first = await storage.WriteAsync(Enterprise, State, "1", null, CancellationToken.None);

        var second = await storage.WriteAsync(Enterprise, State, "2", first, CancellationToken.None);
        var third = await storage.WriteAsync(Enterprise, State, "2", second, CancellationToken.None);

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        Assert.Equal(new StoredState("2", third), await storage.ReadAsync(Enterprise, State, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_StaleETagFromAnotherHost_ThrowsAndKeepsNewerState()
    {
        var hostA = Db.CreateGrainStorage(Db.Database);
        var hostB = Db.CreateGrainStorage(Db.OpenAnotherDatabase());
        var original = await hostA.WriteAsync(Enterprise, State, "original", null, CancellationToken.None);
        var newer = await hostB.WriteAsync(Enterprise, State, "newer", original, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => hostA.WriteAsync(Enterprise, State, "stale", original, CancellationToken.None));

        Assert.Equal(newer, conflict.StoredEtag);
        Assert.Equal(original, conflict.CurrentEtag);
        Assert.Contains(Enterprise.ToString(), conflict.Message, StringComparison.Ordinal);
        Assert.Contains(State, conflict.Message, StringComparison.Ordinal);
        Assert.Contains(newer, conflict.Message, StringComparison.Ordinal);
        Assert.Contains(original, conflict.Message, StringComparison.Ordinal);
        Assert.Equal(new StoredState("newer", newer), await hostA.ReadAsync(Enterprise, State, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_TwoHostsBothExpectNothingStored_SecondThrowsAndFirstWins()
    {
        var hostA = Db.CreateGrainStorage(Db.Database);
        var hostB = Db.CreateGrainStorage(Db.OpenAnotherDatabase());
        var first = await hostA.WriteAsync(Enterprise, State, "first", null, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => hostB.WriteAsync(Enterprise, State, "second", null, CancellationToken.None));

        Assert.Equal(first, conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
        Assert.Equal(new StoredState("first", first), await hostB.ReadAsync(Enterprise, State, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ETagExpectedButNothingStored_Throws()
    {
        var storage = Db.CreateGrainStorage();

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteAsync(Enterprise, State, "x", "no-such-etag", CancellationToken.None));

        Assert.Null(conflict.StoredEtag);
        Assert.Null(await storage.ReadAsync(Enterprise, State, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ManyHostsRaceOnOneETag_ExactlyOneWins()
    {
        var hosts = new[] { Db.CreateGrainStorage(Db.Database), Db.CreateGrainStorage(Db.OpenAnotherDatabase()) };
        var original = await hosts[0].WriteAsync(Enterprise, State, "original", null, CancellationToken.None);

        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                return (payload: $"writer {i}", etag: await hosts[i % 2].WriteAsync(Enterprise, State, $"writer {i}", original, CancellationToken.None));
            }
            catch (InconsistentStateException)
            {
                return (payload: $"writer {i}", etag: (string?)null);
            }
        }));
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, result => result.etag is not null);
        var stored = await hosts[0].ReadAsync(Enterprise, State, CancellationToken.None);
        Assert.Equal(winner.payload, stored?.Payload);
        Assert.Equal(winner.etag, stored?.ETag);
    }

    [Fact]
    public async Task WriteAsync_OldETagAfterClearAndRewrite_Throws()
    {
        var storage = Db.CreateGrainStorage();
        var original = await storage.WriteAsync(Enterprise, State, "original", null, CancellationToken.None);
        await storage.ClearAsync(Enterprise, State, original, CancellationToken.None);
        await storage.WriteAsync(Enterprise, State, "recreated", null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteAsync(Enterprise, State, "stale", original, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_OtherStateNameAndGrain_AreIndependent()
    {
        var storage = Db.CreateGrainStorage();
        var otherGrain = Enterprise with { Key = "91371002MA3C8TXU5L" };
        await storage.WriteAsync(Enterprise, State, "profile", null, CancellationToken.None);

        await storage.WriteAsync(Enterprise, "visits", "visits", null, CancellationToken.None);
        await storage.WriteAsync(otherGrain, State, "other", null, CancellationToken.None);

        Assert.Equal("profile", (await storage.ReadAsync(Enterprise, State, CancellationToken.None))?.Payload);
        Assert.Equal("visits", (await storage.ReadAsync(Enterprise, "visits", CancellationToken.None))?.Payload);
        Assert.Equal("other", (await storage.ReadAsync(otherGrain, State, CancellationToken.None))?.Payload);
    }

    [Fact]
    public async Task ClearAsync_MatchingETag_RemovesStateAndAllowsFreshWrite()
    {
        var storage = Db.CreateGrainStorage();
        var etag = await storage.WriteAsync(Enterprise, State, "x", null, CancellationToken.None);

        await storage.ClearAsync(Enterprise, State, etag, CancellationToken.None);

        Assert.Null(await storage.ReadAsync(Enterprise, State, CancellationToken.None));
        Assert.NotNull(await storage.WriteAsync(Enterprise, State, "y", null, CancellationToken.None));
    }

    [Fact]
    public async Task ClearAsync_StaleETag_ThrowsAndKeepsState()
    {
        var storage = Db.CreateGrainStorage();
        var original = await storage.WriteAsync(Enterprise, State, "original", null, CancellationToken.None);
        var newer = await storage.WriteAsync(Enterprise, State, "newer", original, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearAsync(Enterprise, State, original, CancellationToken.None));

        Assert.Equal(newer, conflict.StoredEtag);
        Assert.Equal(new StoredState("newer", newer), await storage.ReadAsync(Enterprise, State, CancellationToken.None));
    }

    [Fact]
    public async Task ClearAsync_NullETagButStateStored_ThrowsAndKeepsState()
    {
        var storage = Db.CreateGrainStorage();
        var etag = await storage.WriteAsync(Enterprise, State, "x", null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearAsync(Enterprise, State, null, CancellationToken.None));

        Assert.Equal(new StoredState("x", etag), await storage.ReadAsync(Enterprise, State, CancellationToken.None));
    }

    [Fact]
    public async Task ClearAsync_NullETagAndNothingStored_Succeeds()
    {
        var storage = Db.CreateGrainStorage();

        await storage.ClearAsync(Enterprise, State, null, CancellationToken.None);

        Assert.Null(await storage.ReadAsync(Enterprise, State, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ThenReadFromAnotherHost_SeesCommittedState()
    {
        var writer = Db.CreateGrainStorage(Db.Database);
        var etag = await writer.WriteAsync(Enterprise, State, "durable", null, CancellationToken.None);

        var stored = await Db.CreateGrainStorage(Db.OpenAnotherDatabase()).ReadAsync(Enterprise, State, CancellationToken.None);

        Assert.Equal(new StoredState("durable", etag), stored);
    }
}
