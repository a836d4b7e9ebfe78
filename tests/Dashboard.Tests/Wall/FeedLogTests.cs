using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.District;
using Grains.Abstractions.Geo;
using Microsoft.Extensions.DependencyInjection;
using Storage.ReadModels;

namespace Dashboard.Tests.Wall;

/// <summary>The district's live events kept in the app's database (rm_feed) by the running app's silo, read back the way the
/// wall restores its feed after a restart.</summary>
public sealed class FeedLogTests : IAsyncLifetime
{
    private const string District = "feed-district";
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync()
    {
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Record_Events_AreReadBackOldestFirstWithTheirFields()
    {
        // Arrange
        var log = factory.Services.GetRequiredService<FeedLog>();
        var at = new DateTimeOffset(2025, 11, 17, 9, 30, 0, TimeSpan.FromHours(8));

        // Act
        log.Record(District, [Event(1, at) with { Location = new GeoPoint(29.95, 121.71), Unit = "justice", ActorRole = ActorRole.DepartmentHandler, Category = "debt" }]);
        log.Record(District, [Event(2, at.AddMinutes(1))]);
        var kept = await WaitForAsync(2);

        // Assert: instants come back as the same moment; a missing position stays missing.
        Assert.Equal(["title 1", "title 2"], kept.Select(k => k.Title));
        Assert.Equal(at, kept[0].At);
        Assert.Equal(new GeoPoint(29.95, 121.71), kept[0].Location);
        Assert.Equal((DistrictEventKind.AppealReplied, "town-01", "a-1", 7L), (kept[0].Kind, kept[0].TownCode, kept[0].SubjectCode, kept[0].SubjectVersion));
        Assert.Equal(("justice", (ActorRole?)ActorRole.DepartmentHandler, "debt"), (kept[0].Unit, kept[0].ActorRole, kept[0].Category));
        Assert.Null(kept[1].Location);
    }

    [Fact]
    public async Task Record_MoreThanKept_OnlyTheNewestStay()
    {
        // Arrange
        var log = factory.Services.GetRequiredService<FeedLog>();
        var at = new DateTimeOffset(2025, 11, 17, 9, 30, 0, TimeSpan.Zero);
        var total = FeedLog.Kept + 50;

        // Act
        log.Record(District, Enumerable.Range(1, total).Select(i => Event(i, at.AddSeconds(i))));
        var newest = await WaitForAsync(1, $"title {total}");
        var all = await factory.Services.GetRequiredService<IFeedHistory>().RecentAsync(District, 10 * FeedLog.Kept);

        // Assert
        Assert.Equal($"title {total}", newest[^1].Title);
        Assert.Equal(FeedLog.Kept, all.Count);
        Assert.Equal("title 51", all[0].Title);
    }

    private static DistrictEvent Event(int n, DateTimeOffset at) =>
        new(DistrictEventKind.AppealReplied, at, "town-01", $"a-{n}", $"title {n}", null) { Sequence = n, SubjectVersion = 7 };

    /// <summary>The log writes from a background loop: poll until the expected newest event is there.</summary>
    private async Task<IReadOnlyList<DistrictEvent>> WaitForAsync(int count, string? newestTitle = null)
    {
        var history = factory.Services.GetRequiredService<IFeedHistory>();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var kept = await history.RecentAsync(District, count);
            if (kept.Count == count && (newestTitle is null || kept[^1].Title == newestTitle))
            {
                return kept;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The feed log did not write the events within 15 s.");
    }
}
