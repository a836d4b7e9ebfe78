using Grains.Hosting;
using Dashboard.Tests.Infrastructure;
using Dashboard.Wall;
using Grains.Abstractions.District;
using Grains.Abstractions.Sla;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans;

namespace Dashboard.Tests.Wall;

public sealed class WallSnapshotSourceTests
{
    [Fact]
    public async Task GetSnapshot_District_MapsEveryPartAndUsesTheConfiguredKey()
    {
        // Arrange
        var district = new FixedDistrict();
        var feed = new WallFeed(3);
        feed.Append(s => WallTestData.FeedItem(s, DistrictEventKind.AppealReceived, "一"));
        var source = Source(district, feed, "district-7");

        // Act
        var snapshot = await source.GetSnapshotAsync();

        // Assert
        Assert.Equal("district-7", district.RequestedKey);
        Assert.True(snapshot.IsAvailable);
        Assert.Equal(1, snapshot.Sequence);
        Assert.Equal(feed.Epoch, snapshot.Epoch);
        Assert.Equal("示范区", snapshot.Profile.Name);
        Assert.Equal(0.9, snapshot.Figures.ClosureRate ?? -1, 6);
        Assert.Equal([123.4, 29.0], snapshot.TownShapes[0].Ring[0]);
        Assert.Equal(["town-02", "town-01"], snapshot.Towns.Select(t => t.Code));
        Assert.Equal(["海湾街道", "澜屿镇"], snapshot.Towns.Select(t => t.Name));
        Assert.Equal([1, 2], snapshot.Towns.Select(t => t.Rank));
        Assert.Single(snapshot.Departments);
        Assert.True(Assert.Single(snapshot.Markers).BehindSchedule);
        Assert.Equal("一", Assert.Single(snapshot.Feed).Title);
    }

    [Fact]
    public async Task GetSnapshot_NoDistrictGrain_IsUnavailableInsteadOfFailing()
    {
        // Arrange
        var source = Source(new NoGrains(), new WallFeed(3), "demo");

        // Act
        var snapshot = await source.GetSnapshotAsync();

        // Assert
        Assert.False(snapshot.IsAvailable);
        Assert.Equal("demo", snapshot.Profile.Code);
        Assert.Empty(snapshot.Towns);
    }

    [Fact]
    public void RankTowns_EqualClosure_FewerRedLightsRankFirst()
    {
        // Arrange
        var towns = new[] { WallTestData.Figures("a", openRed: 3), WallTestData.Figures("b", openRed: 1) };

        // Act
        var ranked = WallSnapshotSource.RankTowns(towns, new Dictionary<string, string>());

        // Assert
        Assert.Equal(["b", "a"], ranked.Select(t => t.Code));
        Assert.Equal("b", ranked[0].Name);
    }

    private static WallSnapshotSource Source(IGrainFactory grains, WallFeed feed, string districtCode) =>
        new(grains, feed, Options.Create(new DomainOptions { DistrictCode = districtCode }), SlaSettings.Default, new FakeTimeProvider(WallTestData.Now), NullLogger<WallSnapshotSource>.Instance);

    private sealed class NoGrains : StringKeyGrainFactory
    {
        protected override T GetStringKeyed<T>(string primaryKey) => throw new InvalidOperationException($"No grain class implements {typeof(T).Name}.");
    }
}
