using Dashboard.Tests.Infrastructure;
using System.Collections.Immutable;
using AngleSharp.Html.Dom;
using Dashboard.Appeals;
using Dashboard.Components.Pages.Appeals;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.Sla;
using Storage.ReadModels;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Tests.Appeals;

public sealed class AppealComponentRenderingTests
{
    private static readonly AppealNames Names = new("示范区", [], [new DepartmentProfile("finance", "区金融发展服务中心", "Finance centre")], SlaSettings.Default.Categories);

    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(SlaLight.Red, "zh-Hans", "红灯")]
    [InlineData(SlaLight.Yellow, "zh-Hans", "黄灯")]
    [InlineData(SlaLight.Green, "en", "Green")]
    public async Task LightBadge_Light_ShowsTheColourWord(SlaLight light, string culture, string expected)
    {
        // Act
        var document = await RenderAsync<LightBadge>(new() { [nameof(LightBadge.Light)] = light }, culture);

        // Assert
        var badge = document.QuerySelector("[data-light]");
        Assert.Equal(expected, badge?.TextContent);
        Assert.Contains($"cc-light-{light.ToString().ToLowerInvariant()}", badge?.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueTable_Rows_ShowNamesInsteadOfCodesAndLinkEachAppeal()
    {
        // Arrange
        AppealListItem[] items =
        [
            new("a-1", "贷款审批慢", "91330000MA0000000X", "某某机械有限公司", "town-x", "finance", null, "finance", AppealChannel.Hotline12345,
                AppealPriority.Urgent, AppealStatus.Routed, EscalationLevel.Department, SlaLight.Yellow, null, At, At.AddDays(3), null),
        ];

        // Act
        var document = await RenderAsync<AppealQueueTable>(new() { [nameof(AppealQueueTable.Items)] = items, [nameof(AppealQueueTable.Names)] = Names }, "zh-Hans");

        // Assert
        var cells = document.QuerySelectorAll("tr[data-appeal=a-1] td").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal("黄灯", cells[0]);
        Assert.Contains("金融 · 12345热线 · 紧急", cells[1], StringComparison.Ordinal);
        Assert.Equal("区金融发展服务中心", cells[4]);
        Assert.Equal("2026-03-05 09:30", cells[6]);
        Assert.Equal("/appeals/a-1", document.QuerySelector("tr[data-appeal=a-1] a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task QueueTable_NoItems_ShowsTheEmptyMessage()
    {
        // Act
        var document = await RenderAsync<AppealQueueTable>(new() { [nameof(AppealQueueTable.Items)] = Array.Empty<AppealListItem>(), [nameof(AppealQueueTable.Names)] = Names }, "zh-Hans");

        // Assert
        Assert.Equal("没有符合条件的诉求。", document.QuerySelector("tbody td")?.TextContent.Trim());
    }

    [Fact]
    public async Task HistoryTable_Events_ShowWhoWhenChannelAndReadableDetails()
    {
        // Arrange
        AppealEvent[] events =
        [
            new(0, "a-1", AppealEventKind.Routed, "dispatcher", ActorRole.Dispatcher, ActionChannel.Workbench, At,
                [new("department", "finance")], Appeal.GenesisHash, "h1"),
            new(1, "a-1", AppealEventKind.Replied, "finance-handler", ActorRole.DepartmentHandler, ActionChannel.Workbench, At.AddHours(2),
                [new("reply", "已协调"), new("on-time", "True"), new("evidence.00", "审批单.pdf|application/pdf|0|ab")], "h1", "h2"),
        ];

        // Act
        var document = await RenderAsync<AppealHistoryTable>(new()
        {
            [nameof(AppealHistoryTable.Events)] = events,
            [nameof(AppealHistoryTable.Names)] = new AppealNames(Names.DistrictName, Names.Towns, Names.Departments, Names.Categories)
            {
                People = new Dictionary<string, string> { ["finance-handler"] = "金融经办人（测试）" },
            },
            [nameof(AppealHistoryTable.BrokenIndex)] = 1L,
        }, "zh-Hans");

        // Assert
        var rows = document.QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        var first = rows[0].Children.Select(c => c.TextContent.Trim()).ToArray();
        // A person by name and role; an actor that is no account by role only, never by its id.
        Assert.Equal(["1", "2026-03-02 09:30", "分流", "服务中心调度员", "工作台", "部门：区金融发展服务中心"], first);
        Assert.Equal("金融经办人（测试） 部门经办人", rows[1].Children[3].TextContent.Trim());
        Assert.Contains("佐证材料：审批单.pdf", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("按时反馈：是", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("table-danger", rows[1].ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionFields_Escalate_OffersOnlyHigherLevelsAndKeepsTypedReason()
    {
        // Act
        var document = await RenderAsync<AppealActionFields>(new()
        {
            [nameof(AppealActionFields.Action)] = AppealAction.Escalate,
            [nameof(AppealActionFields.CurrentLevel)] = EscalationLevel.Department,
            [nameof(AppealActionFields.Names)] = Names,
            [nameof(AppealActionFields.Values)] = new AppealFormValues { Reason = "企业再次来电" },
        }, "zh-Hans");

        // Assert
        var options = document.QuerySelectorAll("select[name=Level] option").Select(o => o.GetAttribute("value") ?? "").ToArray();
        Assert.Equal(["DistrictServiceCentre", "DistrictLeader"], options);
        Assert.Equal("企业再次来电", document.QuerySelector("textarea[name=Reason]")?.TextContent);
    }

    [Fact]
    public async Task ActionFields_Route_ListsDepartmentsAfterTheRulesChoice()
    {
        // Act
        var document = await RenderAsync<AppealActionFields>(new()
        {
            [nameof(AppealActionFields.Action)] = AppealAction.Route,
            [nameof(AppealActionFields.Names)] = Names,
        }, "en");

        // Assert
        var options = document.QuerySelectorAll("select[name=Department] option").Select(o => (o.GetAttribute("value") ?? "", o.TextContent)).ToArray();
        Assert.Equal([("", "By the routing rules"), ("finance", "Finance centre")], options);
    }

    private static Task<IHtmlDocument> RenderAsync<TComponent>(Dictionary<string, object?> parameters, string culture)
        where TComponent : IComponent => StaticMarkup.RenderAsync<TComponent>(culture, parameters);
}
