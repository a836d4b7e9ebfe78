using Bunit;
using Dashboard.Components.Kit;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Components;

public sealed class KpiTests : ComponentTest
{
    [Fact]
    public void Kpi_WithDetailAndLink_ShowsLabelValueDetailAndTheLink()
    {
        // Act
        var kpi = Context.Render<Kpi>(p => p
            .Add(k => k.Label, "办结率")
            .Add(k => k.Value, "96.5%")
            .Add(k => k.Detail, "办结 965 / 受理 1000")
            .Add(k => k.Href, "/appeals"));

        // Assert
        Assert.Equal("办结率", kpi.Find("h2").TextContent.Trim());
        Assert.Equal("96.5%", kpi.Find(".cc-kpi-value").TextContent.Trim());
        Assert.Contains("办结 965 / 受理 1000", kpi.Markup, StringComparison.Ordinal);
        Assert.Equal("/appeals", kpi.Find("a").GetAttribute("href"));
        Assert.Equal("查看详情", kpi.Find("a").TextContent.Trim());
    }

    [Fact]
    public void Kpi_WithoutDetailOrLink_ShowsNoEmptyLink()
    {
        // Act
        var kpi = Context.Render<Kpi>(p => p.Add(k => k.Label, "满意率").Add(k => k.Value, "—"));

        // Assert
        Assert.Empty(kpi.FindAll("a"));
    }
}
