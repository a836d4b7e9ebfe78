using Dashboard.Tests.Infrastructure;
using Dashboard.Wall;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Wall;

/// <summary>The wall feed kept in the app's database (the embedded SQLite default) through the running app's history.</summary>
public sealed class WallFeedHistoryTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync()
    {
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Record_Items_AreReadBackOldestFirstWithTheirFields()
    {
        // Arrange
        var history = factory.Services.GetRequiredService<IWallFeedHistory>();
        var at = new DateTimeOffset(2025, 11, 17, 9, 30, 0, TimeSpan.FromHours(8));

        // Act
        history.Record(Item(1, at) with { Latitude = 29.95, Longitude = 121.71 });
        history.Record(Item(2, at.AddMinutes(1)));
        var kept = await WaitForAsync(history, 2);

        // Assert: instants come back as the same moment; a missing position stays missing.
        Assert.Equal(["title 1", "title 2"], kept.Select(k => k.Title));
        Assert.Equal(at, kept[0].At);
        Assert.Equal((29.95, 121.71), (kept[0].Latitude, kept[0].Longitude));
        Assert.Equal(("AppealReceived", "town-01", "一号镇", "a-1", 0L), (kept[0].Kind, kept[0].TownCode, kept[0].TownName, kept[0].SubjectCode, kept[0].Sequence));
        Assert.Null(kept[1].Latitude);
    }

    [Fact]
    public async Task Record_MoreThanKept_OnlyTheNewestStay()
    {
        // Arrange
        var history = factory.Services.GetRequiredService<IWallFeedHistory>();
        var at = new DateTimeOffset(2025, 11, 17, 9, 30, 0, TimeSpan.Zero);
        var total = WallFeedHistory.Kept + 50;

        // Act
        for (var i = 1; i <= total; i++)
        {
            history.Record(Item(i, at.AddSeconds(i)));
        }

        var newest = await WaitForAsync(history, 1, $"title {total}");
        var all = await history.ReadRecentAsync(10 * WallFeedHistory.Kept, CancellationToken.None);

        // Assert
        Assert.Equal($"title {total}", newest[^1].Title);
        Assert.Equal(WallFeedHistory.Kept, all.Count);
        Assert.Equal("title 51", all[0].Title);
    }

    private static WallFeedItem Item(int n, DateTimeOffset at) =>
        new(0, "AppealReceived", at, "town-01", "一号镇", $"a-{n}", $"title {n}", null, null);

    /// <summary>The history writes from a background loop: poll until the expected newest item is there.</summary>
    private static async Task<IReadOnlyList<WallFeedItem>> WaitForAsync(IWallFeedHistory history, int count, string? newestTitle = null)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var kept = await history.ReadRecentAsync(count, CancellationToken.None);
            if (kept.Count == count && (newestTitle is null || kept[^1].Title == newestTitle))
            {
                return kept;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The wall feed history did not write the items within 15 s.");
    }
}
