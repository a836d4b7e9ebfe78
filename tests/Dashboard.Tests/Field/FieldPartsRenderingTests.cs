using Dashboard.Tests.Infrastructure;
using AngleSharp.Html.Dom;
using Dashboard.Components.Field;
using Dashboard.Enterprises;
using Dashboard.Field;
using Dashboard.SelfService;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Projects;
using Grains.Abstractions.Sla;
using Storage.ReadModels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Field;

public sealed class FieldPartsRenderingTests
{
    [Theory]
    [InlineData("zh-Hans", 0.7, 0.6, "超前 +10.0 个百分点", "text-bg-success")]
    [InlineData("zh-Hans", 0.5, 0.765, "滞后 −26.5 个百分点", "text-bg-danger")]
    [InlineData("en", 0.5, 0.765, "Behind −26.5 pp", "text-bg-danger")]
    public async Task ScheduleBadge_Progress_ShowsSignedPointsAndColour(string culture, double completion, double time, string expected, string css)
    {
        // Arrange
        var c = (decimal)completion;
        var t = (decimal)time;
        var progress = new ScheduleProgress(c, t, (c - t) * 100m, c >= t);

        // Act
        var document = await RenderAsync<ScheduleBadge>(culture, new() { [nameof(ScheduleBadge.Progress)] = progress });

        // Assert
        var badge = document.QuerySelector(".cc-schedule-badge")!;
        Assert.Equal(expected, Squash(badge.TextContent));
        Assert.Contains(css, badge.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressFigures_Progress_BarsClampedAndFiguresAsPercent()
    {
        // Arrange
        var progress = new ScheduleProgress(1.25m, 0.5m, 75m, true);

        // Act
        var document = await RenderAsync<ProgressFigures>("zh-Hans", new() { [nameof(ProgressFigures.Progress)] = progress });

        // Assert
        Assert.Equal("125.0%", document.QuerySelector("[data-figure=completion]")?.TextContent);
        Assert.Equal("50.0%", document.QuerySelector("[data-figure=time]")?.TextContent);
        Assert.Equal("100", document.QuerySelectorAll("[role=progressbar]")[0].GetAttribute("aria-valuenow"));
    }

    [Fact]
    public async Task StageSteps_Building_SevenStagesWithBuildingCurrent()
    {
        // Act
        var document = await RenderAsync<StageSteps>("zh-Hans", new() { [nameof(StageSteps.Current)] = ProjectStage.Building });

        // Assert
        var stages = document.QuerySelectorAll(".cc-stages li").Select(li => li.TextContent).ToArray();
        Assert.Equal(["洽谈", "签约", "审批", "开工", "建设", "竣工", "投产"], stages);
        Assert.Equal("建设", document.QuerySelector("[aria-current=step]")?.TextContent);
    }

    [Theory]
    [InlineData(SlaLight.Red, "红灯", "text-bg-danger")]
    [InlineData(null, "已办结", "text-bg-secondary")]
    public async Task LightBadge_Light_WordAndColour(SlaLight? light, string word, string css)
    {
        // Act
        var document = await RenderAsync<LightBadge>("zh-Hans", new() { [nameof(LightBadge.Light)] = light });

        // Assert
        var badge = document.QuerySelector("[data-light]")!;
        Assert.Equal(word, badge.TextContent);
        Assert.Contains(css, badge.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppealRows_WithLinkTemplate_LinksEscapedIdsAndShowsCategoryAndStatus()
    {
        // Arrange
        var item = new AppealListItem("a b", "用电跳闸", "91370000MA3C8Y1X2K", "某公司", "t-01", null, null, "finance", AppealChannel.Online,
            AppealPriority.Normal, AppealStatus.Replied, EscalationLevel.TownOrStation, SlaLight.Green, null,
            new DateTimeOffset(2026, 3, 1, 1, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 1, 30, 0, TimeSpan.Zero), null);

        // Act
        var document = await RenderAsync<AppealRows>("zh-Hans", new()
        {
            [nameof(AppealRows.Items)] = (IReadOnlyList<AppealListItem>)[item],
            [nameof(AppealRows.Empty)] = "无",
            [nameof(AppealRows.LinkTemplate)] = "/my/appeals/{0}",
        });

        // Assert
        Assert.Equal("/my/appeals/a%20b", document.QuerySelector("a")?.GetAttribute("href"));
        var meta = Squash(document.QuerySelector(".list-group-item .small")!.TextContent);
        Assert.Contains("已反馈", meta, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 09:30", meta, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppealRows_Empty_ShowsTheEmptyText()
    {
        // Act
        var document = await RenderAsync<AppealRows>("zh-Hans", new()
        {
            [nameof(AppealRows.Items)] = (IReadOnlyList<AppealListItem>)[],
            [nameof(AppealRows.Empty)] = "暂无诉求。",
        });

        // Assert
        Assert.Equal("暂无诉求。", document.QuerySelector("p")?.TextContent);
        Assert.Empty(document.QuerySelectorAll("li"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("不能为空", true)]
    public async Task FieldError_Message_ShownAsAlertOnlyWhenThere(string? message, bool shown)
    {
        // Act
        var document = await RenderAsync<FieldError>("zh-Hans", new() { [nameof(FieldError.Id)] = "x-error", [nameof(FieldError.Message)] = message });

        // Assert
        var error = document.QuerySelector("#x-error")!;
        Assert.Equal(shown, error.ClassList.Contains("d-block"));
        Assert.Equal(shown ? "alert" : null, error.GetAttribute("role"));
        Assert.Equal(message ?? "", error.TextContent);
    }

    [Theory]
    [InlineData("车间用电经常跳闸，影响生产。", "车间用电经常跳闸，影响生产。")]
    [InlineData("第一行\n第二行", "第一行")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十…")]
    public void TitleFrom_Text_FirstLineCut(string text, string expected)
    {
        // Act
        var title = SelfServiceAccess.TitleFrom(text);

        // Assert
        Assert.Equal(expected, title);
    }

    [Fact]
    public async Task EnterpriseDirectoryRows_Enterprises_LinkOfficialCountAndUnpackagedBadge()
    {
        // Arrange
        EnterpriseListItem[] items =
        [
            new("91370100MA3C4D5E6F", "济南测试机械有限公司", "manufacturing", "t-1", "s-1", EnterpriseSize.Small, CreditLevel.A, 2, null),
            new("91370100MA3C4D5E7X", "测试物流有限公司", "logistics", "t-2", null, EnterpriseSize.Micro, CreditLevel.B, 0, null),
        ];
        Func<string, string> towns = code => code == "t-1" ? "东城街道" : "西湖镇";

        // Act
        var document = await RenderAsync<Dashboard.Components.Pages.Enterprises.EnterpriseDirectoryRows>("zh-Hans", new()
        {
            ["Items"] = items,
            ["TownName"] = towns,
        });

        // Assert
        var rows = document.QuerySelectorAll("tr[data-enterprise]");
        Assert.Equal(2, rows.Length);
        var link = rows[0].QuerySelector("a")!;
        Assert.Equal("/enterprises/91370100MA3C4D5E6F", link.GetAttribute("href"));
        Assert.Equal("济南测试机械有限公司", link.TextContent);
        Assert.Equal("2", rows[0].QuerySelector("[data-officials]")?.TextContent.Trim());
        Assert.Equal("东城街道", rows[0].QuerySelector("[data-label=镇街]")?.TextContent);
        Assert.Equal("制造业", rows[0].QuerySelector("[data-label=行业]")?.TextContent);
        Assert.Equal("未包联", rows[1].QuerySelector("[data-officials] .badge")?.TextContent);
        Assert.Equal(["企业名称", "统一社会信用代码", "镇街", "行业", "规模", "信用等级", "包联干部数"],
            document.QuerySelectorAll("thead th").Select(th => th.TextContent));
    }

    [Theory]
    [InlineData("zh-Hans", DirectoryEmptiness.Filtered, "没有符合当前条件的企业")]
    [InlineData("zh-Hans", DirectoryEmptiness.Steward, "项目管家")]
    [InlineData("en", DirectoryEmptiness.Filtered, "No enterprise matches these conditions")]
    public async Task EnterpriseDirectoryRows_Empty_ExplainsWhyAndNoTable(string culture, DirectoryEmptiness why, string expected)
    {
        // Act
        var document = await RenderAsync<Dashboard.Components.Pages.Enterprises.EnterpriseDirectoryRows>(culture, new()
        {
            ["Items"] = Array.Empty<EnterpriseListItem>(),
            ["Empty"] = why,
        });

        // Assert
        Assert.Contains(expected, document.QuerySelector(".cc-directory-empty")?.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("table"));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Task<IHtmlDocument> RenderAsync<TComponent>(string culture, Dictionary<string, object?> parameters)
        where TComponent : IComponent =>
        StaticMarkup.RenderAsync<TComponent>(culture, parameters, services => services.AddSingleton(SlaSettings.Default).AddScoped<FieldLabels>());
}
