using Dashboard.Tests.Infrastructure;
using AngleSharp.Html.Dom;
using Dashboard.Components.Wall;
using Dashboard.Maps;
using Dashboard.Wall;
using Grains.Abstractions.District;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Tests.Wall;

public sealed class WallViewRenderingTests
{
    [Fact]
    public async Task WallView_Snapshot_RendersEveryKpiWithItsValue()
    {
        // Arrange
        var snapshot = WallTestData.Snapshot();

        // Act
        var document = await RenderAsync(snapshot, "zh-Hans");

        // Assert: 1260/1400, 1197/1260, 968/1000, 12350/13000, lights, projects, 76.5 % vs 50 %.
        Assert.Equal("90.0", Field(document, "closureRate"));
        Assert.Equal("95.0", Field(document, "onTimeRate"));
        Assert.Equal("96.8", Field(document, "satisfactionRate"));
        Assert.Equal("95.0", Field(document, "packagingCoverage"));
        Assert.Equal("100", Field(document, "openGreen"));
        Assert.Equal("36", Field(document, "openYellow"));
        Assert.Equal("4", Field(document, "openRed"));
        Assert.Equal("106", Field(document, "projectsOnSchedule"));
        Assert.Equal("14", Field(document, "projectsBehindSchedule"));
        Assert.Equal("+26.5", Field(document, "investmentLeadPoints"));
        Assert.Equal("办结\u00A01,260 / 受理\u00A01,400", Field(document, "closureRateDetail"));
        Assert.Equal("good", document.QuerySelector("[data-field=investmentLeadPoints]")?.Closest(".kpi")?.GetAttribute("data-state"));
    }

    [Fact]
    public async Task WallView_Snapshot_CarriesEpochSequenceAndTheSnapshotForTheScript()
    {
        // Act
        var snapshot = WallTestData.Snapshot();
        var document = await RenderAsync(snapshot, "zh-Hans");

        // Assert
        var root = document.QuerySelector("#wall");
        Assert.Equal("42", root?.GetAttribute("data-sequence"));
        Assert.Equal(snapshot.Epoch.ToString(), root?.GetAttribute("data-epoch"));
        var json = System.Text.Json.JsonDocument.Parse(document.QuerySelector("#wall-snapshot")?.TextContent ?? "{}").RootElement;
        Assert.Equal(42, json.GetProperty("sequence").GetInt64());
        Assert.Equal(123.4, json.GetProperty("townShapes")[0].GetProperty("ring")[0][0].GetDouble());
        Assert.Equal("Building", json.GetProperty("markers")[0].GetProperty("stage").GetString());
    }

    [Fact]
    public async Task WallView_Rankings_RenderTownsAndDepartmentsInOrder()
    {
        // Act
        var document = await RenderAsync(WallTestData.Snapshot(), "zh-Hans");

        // Assert
        var towns = document.QuerySelectorAll("tbody[data-field=towns] tr").Select(Cells).ToArray();
        Assert.Equal(["1", "海湾街道", "95.0%", "99.0%", "0"], towns[0]);
        Assert.Equal(["2", "澜屿镇", "81.0%", "62.0%", "5"], towns[1]);
        var departments = document.QuerySelectorAll("tbody[data-field=departments] tr").Select(Cells).ToArray();
        Assert.Equal(["1", "区市场监管局", "98.0%", "99.0%", "0"], departments[0]);
        Assert.Equal(["2", "区自然资源局", "86.0%", "91.0%", "3"], departments[1]);
        Assert.Equal("num bad", document.QuerySelectorAll("tbody[data-field=departments] tr")[1].Children[4].ClassName);
    }

    [Fact]
    public async Task WallView_RatesWithNothingToDivideBy_ShowADashWithTheReasonNotZeroPercent()
    {
        // Arrange: 1 January: nothing received, closed or rated yet; a department that has closed nothing.
        var newYear = WallTestData.Figures() with
        {
            AppealsReceived = 0, AppealsClosed = 0, AppealsClosedOnTime = 0, AppealsRated = 0, AppealsSatisfied = 0, AppealsCarriedOver = 0,
        };
        var snapshot = WallTestData.Snapshot() with
        {
            Figures = WallFigures.From(newYear),
            Departments = [new DepartmentRankingRow(1, "dept-market", "区市场监管局", "Market Regulation Bureau", 2, 0, 0, null, null)],
        };

        // Act
        var document = await RenderAsync(snapshot, "zh-Hans");

        // Assert
        foreach (var rate in new[] { "closureRate", "onTimeRate", "satisfactionRate" })
        {
            Assert.Equal("—", Field(document, rate));
            var tile = document.QuerySelector($"[data-field={rate}]")?.Closest(".kpi");
            Assert.Equal("none", tile?.GetAttribute("data-state"));
            Assert.Contains("不是0%", tile?.GetAttribute("title") ?? "", StringComparison.Ordinal);
            Assert.True(tile?.QuerySelector(".kpi-unit")?.HasAttribute("hidden"));
        }

        Assert.Equal("95.0", Field(document, "packagingCoverage"));
        var department = document.QuerySelector("tbody[data-field=departments] tr");
        Assert.Equal(["1", "区市场监管局", "—", "—", "0"], Cells(department!));
        Assert.Equal("本年度尚无办结的诉求，按时办结率无从计算（不是0%）", department!.Children[2].GetAttribute("title"));
        Assert.Null(document.QuerySelectorAll("tbody[data-field=towns] tr")[0].Children[2].GetAttribute("title"));
    }

    [Fact]
    public async Task WallView_Feed_ShowsNewestFirstWithLocalTimeAndKind()
    {
        // Arrange
        var feed = new[]
        {
            WallTestData.FeedItem(9, DistrictEventKind.AppealClosed, "第二条"),
            WallTestData.FeedItem(8, DistrictEventKind.AppealReceived, "第一条"),
        };

        // Act
        var document = await RenderAsync(WallTestData.Snapshot(feed: feed), "zh-Hans");

        // Assert: 06:03:22 UTC is 14:03:22 in Asia/Shanghai.
        var items = document.QuerySelectorAll("[data-field=feed] li.feed-item");
        Assert.Equal(["9", "8"], items.Select(i => i.GetAttribute("data-sequence")));
        Assert.Equal("14:03:22", items[0].QuerySelector("time")?.TextContent);
        Assert.Equal("办结销号", items[0].QuerySelector(".feed-kind")?.TextContent);
        Assert.Equal("第二条 · 澜屿镇", items[0].QuerySelector(".feed-body")?.TextContent);
    }

    [Theory]
    [InlineData("zh-Hans", "反馈", "区司法局", "欠款追讨 · 海湾精密机械有限公司 · 澜屿镇")]
    [InlineData("en", "Replied", "Justice Bureau", "Debt recovery · 海湾精密机械有限公司 · 澜屿镇")]
    public async Task WallView_DepartmentReplied_SaysWhoWhatAndWhere(string culture, string kind, string actor, string body)
    {
        // Arrange
        var item = WallTestData.FeedItem(3, DistrictEventKind.AppealReplied, "海湾精密机械有限公司") with
        {
            Actor = new WallName("区司法局", "Justice Bureau"),
            Category = new WallName("欠款追讨", "Debt recovery"),
        };

        // Act
        var document = await RenderAsync(WallTestData.Snapshot(feed: [item]), culture);

        // Assert
        var line = document.QuerySelector("[data-field=feed] li.feed-item")!;
        Assert.Equal(kind, line.QuerySelector(".feed-kind")?.TextContent);
        Assert.Equal(actor, line.QuerySelector(".feed-actor")?.TextContent);
        Assert.Equal(body, line.QuerySelector(".feed-body")?.TextContent);
    }

    [Fact]
    public async Task WallView_FeedLongerThanCapacity_ShowsOnlyCapacityItems()
    {
        // Arrange
        var feed = Enumerable.Range(1, 50).Reverse().Select(i => WallTestData.FeedItem(i, DistrictEventKind.AppealRouted, $"#{i}")).ToArray();

        // Act
        var document = await RenderAsync(WallTestData.Snapshot(feed: feed), "zh-Hans", new WallOptions { FeedItems = 5 });

        // Assert
        Assert.Equal(5, document.QuerySelectorAll("[data-field=feed] li").Length);
        Assert.Equal("5", document.QuerySelector("[data-field=feed]")?.GetAttribute("data-capacity"));
    }

    [Fact]
    public async Task WallView_NoEvents_ShowsTheEmptyFeedLine()
    {
        // Act
        var document = await RenderAsync(WallTestData.Snapshot(feed: []), "zh-Hans");

        // Assert
        var item = Assert.Single(document.QuerySelectorAll("[data-field=feed] li"));
        Assert.Equal("feed-empty", item.ClassName);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task WallView_DemoDistrict_ShowsTheDemoLabelOnlyOnDemoData(bool isDemo, bool expected)
    {
        // Act
        var document = await RenderAsync(WallTestData.Snapshot(isDemo), "zh-Hans");

        // Assert
        Assert.Equal(expected, document.QuerySelector(".wall-demo")?.TextContent == "演示数据");
    }

    [Theory]
    [InlineData("zh-Hans", "办结率", "部门考核晾晒", "区市场监管局")]
    [InlineData("en", "Closure rate", "Department ranking (考核晾晒)", "Market Regulation Bureau")]
    public async Task WallView_Culture_StringsComeFromResources(string culture, string closureLabel, string rankingTitle, string department)
    {
        // Act
        var document = await RenderAsync(WallTestData.Snapshot(), culture);

        // Assert
        Assert.Equal(closureLabel, document.QuerySelector("#kpi-closureRate-label")?.TextContent);
        Assert.Equal(rankingTitle, document.QuerySelector("#department-ranking-title")?.TextContent);
        Assert.Equal(department, document.QuerySelector("tbody[data-field=departments] th")?.TextContent);
    }

    [Fact]
    public async Task WallView_Unavailable_SaysSoInAnAlert()
    {
        // Act
        var document = await RenderAsync(WallTestData.Snapshot() with { IsAvailable = false }, "zh-Hans");

        // Assert
        Assert.Equal("区级数据暂不可用，正在重试…", document.QuerySelector(".wall-unavailable[role=alert]")?.TextContent);
    }

    [Fact]
    public async Task WallView_MapSettings_AreHandedToTheScript()
    {
        // Arrange
        const string url = "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}";
        var map = new BaseMapOptions { TileUrl = url, TiandituKey = "k123", RotationSeconds = 15, CoordinateSystem = BaseMapOptions.Cgcs2000 };

        // Act
        var document = await RenderAsync(WallTestData.Snapshot(), "zh-Hans", baseMap: map);

        // Assert: CGCS2000 tiles take the WGS-84 points as they are.
        var element = document.QuerySelector("#wall-map");
        Assert.Equal(url, element?.GetAttribute("data-tile-url"));
        Assert.Equal("k123", element?.GetAttribute("data-tk"));
        Assert.Equal("15", element?.GetAttribute("data-rotation-seconds"));
        Assert.Equal("WGS84", element?.GetAttribute("data-crs"));
    }

    [Fact]
    public async Task WallView_NoBaseMap_NoTileSourceAndPointsUnshifted()
    {
        // Act
        var document = await RenderAsync(WallTestData.Snapshot(), "zh-Hans");

        // Assert
        var element = document.QuerySelector("#wall-map");
        Assert.Equal("", element?.GetAttribute("data-tile-url"));
        Assert.Equal("WGS84", element?.GetAttribute("data-crs"));
    }

    private static string? Field(IHtmlDocument document, string name) => document.QuerySelector($"[data-field={name}]")?.TextContent.Trim();

    private static string[] Cells(AngleSharp.Dom.IElement row) => [.. row.Children.Select(c => c.TextContent.Trim())];

    private static Task<IHtmlDocument> RenderAsync(WallSnapshot snapshot, string culture, WallOptions? options = null, BaseMapOptions? baseMap = null) =>
        StaticMarkup.RenderAsync<WallView>(culture, new Dictionary<string, object?>
        {
            [nameof(WallView.Snapshot)] = snapshot,
            [nameof(WallView.Options)] = options ?? new WallOptions(),
            [nameof(WallView.BaseMap)] = baseMap ?? new BaseMapOptions(),
        });
}
