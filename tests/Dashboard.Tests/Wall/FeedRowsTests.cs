using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.District;
using Grains.Abstractions.Geo;
using Microsoft.Extensions.DependencyInjection;
using Storage;
using Storage.ReadModels;

namespace Dashboard.Tests.Wall;

/// <summary>The district's live events kept in rm_feed (written with the entity's read-model row) and read back the way the
/// wall restores its feed after a restart or missed events.</summary>
public sealed class FeedRowsTests : IAsyncLifetime
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
    public async Task Insert_Events_AreReadBackOldestFirstWithTheirFields()
    {
        // Arrange
        var at = new DateTimeOffset(2025, 11, 17, 9, 30, 0, TimeSpan.FromHours(8));

        // Act
        await InsertAsync([Event(1, at) with { Location = new GeoPoint(29.95, 121.71), Unit = "justice", ActorRole = ActorRole.DepartmentHandler, Category = "debt" }]);
        await InsertAsync([Event(2, at.AddMinutes(1))]);
        var kept = await History.RecentAsync(District, 2);

        // Assert: instants come back as the same moment; a missing position stays missing.
        Assert.Equal(["title 1", "title 2"], kept.Select(k => k.Title));
        Assert.Equal(at, kept[0].At);
        Assert.Equal(new GeoPoint(29.95, 121.71), kept[0].Location);
        Assert.Equal((DistrictEventKind.AppealReplied, "town-01", "a-1", 7L), (kept[0].Kind, kept[0].TownCode, kept[0].SubjectCode, kept[0].SubjectVersion));
        Assert.Equal(("justice", (ActorRole?)ActorRole.DepartmentHandler, "debt"), (kept[0].Unit, kept[0].ActorRole, kept[0].Category));
        Assert.Null(kept[1].Location);
    }

    [Fact]
    public async Task Trim_MoreThanKept_OnlyTheNewestStay()
    {
        // Arrange
        var at = new DateTimeOffset(2025, 11, 17, 9, 30, 0, TimeSpan.Zero);
        var total = FeedRows.Kept + 50;
        await InsertAsync([.. Enumerable.Range(1, total).Select(i => Event(i, at.AddSeconds(i)))]);

        // Act
        await factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<FeedTrimmer>().Single().TrimAsync(CancellationToken.None);
        var all = await History.RecentAsync(District, 10 * FeedRows.Kept);

        // Assert
        Assert.Equal(FeedRows.Kept, all.Count);
        Assert.Equal("title 51", all[0].Title);
        Assert.Equal($"title {total}", all[^1].Title);
    }

    private IFeedHistory History => factory.Services.GetRequiredService<IFeedHistory>();

    private async Task InsertAsync(IReadOnlyList<DistrictEvent> events)
    {
        await using var connection = await factory.Services.GetRequiredService<IDatabase>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await FeedRows.InsertAsync(connection, transaction, District, events);
        await transaction.CommitAsync();
    }

    private static DistrictEvent Event(int n, DateTimeOffset at) =>
        new(DistrictEventKind.AppealReplied, at, "town-01", $"a-{n}", $"title {n}", null) { Sequence = n, SubjectVersion = 7 };
}
