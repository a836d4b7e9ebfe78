using Dashboard.Tests.Infrastructure;
using Dashboard.Components.Runtime;
using Dashboard.Runtime;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Tests;

public sealed class RuntimeViewRenderingTests
{
    private static readonly RuntimeSnapshot Snapshot = new(
        DateTimeOffset.UnixEpoch,
        [
            new("S127.0.0.1:11111:1", "Silo_a1b2c", "Active", new DateTimeOffset(2026, 11, 29, 2, 3, 4, TimeSpan.Zero), DateTimeOffset.UnixEpoch),
            new("S127.0.0.1:11112:1", "Silo_d4e5f", "Dead", new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UnixEpoch),
        ],
        ActiveSilos: 1,
        TotalActivations: 1502,
        CallsPerSecond: 1234.56,
        ExceptionsPerSecond: 0.25,
        GrainTypes:
        [
            new("AppealGrain", 1500, 98765, 1200.04, 3, 0.25, 0.4249, 2.5),
            new("EnterpriseGrain", 2, 10, 34.5, 0, 0, 0.1, 0.2),
        ]);

    [Fact]
    public async Task RuntimeView_Snapshot_RendersOneRowPerGrainTypeWithFormattedFigures()
    {
        // Arrange
        var update = new RuntimeUpdate(Guid.NewGuid(), 42, Snapshot);

        // Act
        var document = await RenderAsync(update, "zh-Hans");

        // Assert
        var rows = document.QuerySelectorAll("tbody[data-field=grainTypes] tr");
        Assert.Equal(2, rows.Length);
        var cells = rows[0].Children.Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["AppealGrain", "1,500", "1200.0", "0.42", "2.50", "0.3", "98,765"], cells);
        Assert.Equal("42", document.QuerySelector("output[data-field=sequence]")?.TextContent);
        Assert.Equal("1", document.QuerySelector("[data-field=activeSilos]")?.TextContent);
        var silos = document.QuerySelectorAll("tbody[data-field=silos] tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToArray();
        Assert.Equal(["Silo_a1b2c", "S127.0.0.1:11111:1", "Active", "2026-11-29 02:03:04 UTC"], silos[0]);
        Assert.Equal("Dead", silos[1][2]);
        Assert.Equal(update.Epoch.ToString(), document.QuerySelector("#runtime")?.GetAttribute("data-epoch"));
    }

    [Fact]
    public async Task RuntimeView_NoGrainTypes_RendersTheEmptyMessage()
    {
        // Arrange
        var update = new RuntimeUpdate(Guid.NewGuid(), 1, Snapshot with { GrainTypes = [] });

        // Act
        var document = await RenderAsync(update, "zh-Hans");

        // Assert
        var row = Assert.Single(document.QuerySelectorAll("tbody[data-field=grainTypes] tr"));
        Assert.Equal("暂无已激活的 Grain。", row.TextContent.Trim());
    }

    [Theory]
    [InlineData("zh-Hans", "激活数")]
    [InlineData("en", "Activations")]
    public async Task RuntimeView_Culture_HeadersComeFromResources(string culture, string expectedActivationsHeader)
    {
        // Act
        var document = await RenderAsync(new RuntimeUpdate(Guid.NewGuid(), 1, Snapshot), culture);

        // Assert
        Assert.Equal(expectedActivationsHeader, document.QuerySelectorAll(".cc-runtime-table thead th")[1].TextContent.Trim());
    }

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> RenderAsync(RuntimeUpdate update, string culture) =>
        StaticMarkup.RenderAsync<RuntimeView>(culture, new Dictionary<string, object?> { [nameof(RuntimeView.Update)] = update });
}
