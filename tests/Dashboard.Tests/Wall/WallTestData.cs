using System.Collections.Immutable;
using Dashboard.Wall;
using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.District;
using Grains.Abstractions.Live;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Projects;
using Grains.Abstractions.Towns;
using Orleans;

namespace Dashboard.Tests.Wall;

/// <summary>Hand-made wall data for component and unit tests (never for end-to-end tests).</summary>
internal static class WallTestData
{
    public static readonly DateTimeOffset Now = new(2026, 6, 30, 6, 3, 22, TimeSpan.Zero);

    public static DistrictFigures Figures(string scope = "demo", int openRed = 4) => new(
        scope, Now, AppealsReceived: 1400, AppealsClosed: 1260, AppealsClosedOnTime: 1197, AppealsRated: 1000, AppealsSatisfied: 968,
        OpenGreen: 100, OpenYellow: 36, OpenRed: openRed, Enterprises: 13000, PackagedEnterprises: 12350, Projects: 120, ProjectsBehindSchedule: 14,
        PlannedInvestment: 1_000_000m, CompletedInvestment: 765_000m, ScheduleProgress: 0.5);

    public static WallSnapshot Snapshot(bool isDemo = true, IReadOnlyList<WallFeedItem>? feed = null) => new(
        Guid.Parse("6f1c2d3e-0000-4000-8000-000000000042"),
        Sequence: 42,
        Now,
        IsAvailable: true,
        new WallProfile("demo", "示范区", 29.0, 123.5, isDemo),
        WallFigures.From(Figures()),
        [new WallTownShape("town-01", "澜屿镇", [[123.4, 29.0], [123.5, 29.0], [123.5, 29.1], [123.4, 29.0]])],
        [
            new WallTownRow(1, "town-02", "海湾街道", 0.95, 0.97, 0.99, 12, 0, 1),
            new WallTownRow(2, "town-01", "澜屿镇", 0.81, 0.90, 0.62, 30, 5, 3),
        ],
        [
            new DepartmentRankingRow(1, "dept-market", "区市场监管局", "Market Regulation Bureau", 10, 0, 300, 0.98, 0.99),
            new DepartmentRankingRow(2, "dept-resources", "区自然资源局", "Natural Resources Bureau", 25, 3, 180, 0.86, 0.91),
        ],
        [new WallMarker("p-1", "新材料产业园", "town-01", 29.05, 123.45, nameof(ProjectStage.Building), BehindSchedule: true, 0.3)],
        feed ?? [FeedItem(42, DistrictEventKind.AppealTurnedRed, "海湾精密机械有限公司 · 用电报装")]);

    public static WallFeedItem FeedItem(long sequence, DistrictEventKind kind, string title) =>
        new(sequence, kind.ToString(), Now, "town-01", "澜屿镇", $"appeal-{sequence}", title, 29.05, 123.45);

    public static IReadOnlyList<TownProfile> Towns { get; } =
    [
        new("town-01", "澜屿镇", "demo", new GeoPoint(29.05, 123.45), [new(29.0, 123.4), new(29.0, 123.5), new(29.1, 123.5), new(29.0, 123.4)]),
        new("town-02", "海湾街道", "demo", new GeoPoint(29.15, 123.55), ImmutableArray<GeoPoint>.Empty),
    ];
}

/// <summary>A district grain answering fixed data, behind a grain factory; counts the figure reads.</summary>
internal sealed class FixedDistrict : StringKeyGrainFactory, IDistrictGrain
{
    private int figureReads;

    public int FigureReads => Volatile.Read(ref figureReads);

    public string? RequestedKey { get; private set; }

    protected override T GetStringKeyed<T>(string primaryKey)
    {
        RequestedKey = primaryKey;
        return (T)(object)this;
    }

    public Task<DistrictProfile> GetProfile() => Task.FromResult(new DistrictProfile("demo", "示范区", new GeoPoint(29.05, 123.5), IsDemo: true));

    public Task<DistrictFigures> GetFigures()
    {
        var reads = Interlocked.Increment(ref figureReads);
        return Task.FromResult(WallTestData.Figures(openRed: reads));
    }

    public Task<DistrictFigures> GetYearFigures(int year) => Task.FromResult(WallTestData.Figures());

    public Task<IReadOnlyList<DistrictFigures>> GetTownFigures() => Task.FromResult<IReadOnlyList<DistrictFigures>>(
        [WallTestData.Figures("town-01", openRed: 5) with { AppealsClosed = 900 }, WallTestData.Figures("town-02", openRed: 0)]);

    public Task<IReadOnlyList<TownProfile>> GetTowns() => Task.FromResult(WallTestData.Towns);

    public Task<IReadOnlyList<DepartmentRankingRow>> GetDepartmentRanking() => Task.FromResult<IReadOnlyList<DepartmentRankingRow>>(
        [new DepartmentRankingRow(1, "dept-market", "区市场监管局", "Market Regulation Bureau", 10, 0, 300, 0.98, 0.99)]);

    public Task<IReadOnlyList<ProjectMarker>> GetProjectMarkers(string? townCode) => Task.FromResult<IReadOnlyList<ProjectMarker>>(
        [new ProjectMarker("p-1", "新材料产业园", "town-01", new GeoPoint(29.05, 123.45), ProjectStage.Building, BehindSchedule: true, 0.3)]);

    public Task<LiveCursor> Subscribe(IDistrictObserver observer) => throw new NotSupportedException();

    public Task Unsubscribe(IDistrictObserver observer) => throw new NotSupportedException();

    public Task<DistrictBacklog> GetEventsSince(Guid epoch, long sequence) => throw new NotSupportedException();
}
