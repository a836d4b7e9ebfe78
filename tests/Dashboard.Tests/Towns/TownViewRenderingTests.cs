using Dashboard.Tests.Infrastructure;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Dashboard.Components.Pages.Towns;
using Dashboard.Towns;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Packaging;
using Grains.Abstractions.Sla;
using Grains.Abstractions.Towns;
using Storage.ReadModels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Towns;

public sealed class TownViewRenderingTests
{
    private const string Town = "t-test";
    private const string CreditCode = "91330200MA2X0000XX";

    private static readonly DistrictFigures Figures = new(Town, DateTimeOffset.UnixEpoch, AppealsReceived: 40, AppealsClosed: 30,
        AppealsClosedOnTime: 27, AppealsRated: 20, AppealsSatisfied: 19, OpenGreen: 5, OpenYellow: 3, OpenRed: 2,
        Enterprises: 1200, PackagedEnterprises: 1164, Projects: 0, ProjectsBehindSchedule: 0, PlannedInvestment: 0, CompletedInvestment: 0, ScheduleProgress: 0.5);

    [Fact]
    public async Task TownFiguresView_Figures_ShowsLightsCoverageAndRates()
    {
        // Act
        var document = await RenderAsync<TownFiguresView>(new() { [nameof(TownFiguresView.Figures)] = Figures });

        // Assert
        Assert.Equal("2", Text(document, "[data-figure=open-red]"));
        Assert.Equal("3", Text(document, "[data-figure=open-yellow]"));
        Assert.Equal("5", Text(document, "[data-figure=open-green]"));
        Assert.Equal("97.0%", Text(document, "[data-figure=coverage]"));
        Assert.Equal("75.0%", Text(document, "[data-figure=closure]"));
        Assert.Equal("95.0%", Text(document, "[data-figure=satisfaction]"));
        Assert.Contains("1164/1200 家", document.Body?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TownFiguresView_NoAppealsYet_RatesShowADashNotZeroPercent()
    {
        // Arrange: a new year, nothing received, closed or rated yet.
        var empty = Figures with { AppealsReceived = 0, AppealsClosed = 0, AppealsClosedOnTime = 0, AppealsRated = 0, AppealsSatisfied = 0 };

        // Act
        var document = await RenderAsync<TownFiguresView>(new() { [nameof(TownFiguresView.Figures)] = empty });

        // Assert
        Assert.Equal("—", Text(document, "[data-figure=closure]"));
        Assert.Equal("—", Text(document, "[data-figure=satisfaction]"));
        Assert.Equal("97.0%", Text(document, "[data-figure=coverage]"));
    }

    [Theory]
    [InlineData("zh-Hans", "红灯", "项目", "区发展和改革局", "已分流")]
    [InlineData("en", "Red", "Projects", "Development and Reform Bureau", "Routed")]
    public async Task TownAppealsView_OpenAppeals_OneRowEachWithLightTextCategoryAndDepartment(string culture, string light, string category, string department, string status)
    {
        // Arrange
        var model = LiveModel(
            Appeal("a-1", SlaLight.Red, "project", DepartmentCodes.DevelopmentReform, AppealStatus.Routed),
            Appeal("a-2", null, "policy", null, AppealStatus.Accepted));

        // Act
        var document = await RenderAsync<TownAppealsView>(new() { [nameof(TownAppealsView.Model)] = model }, culture);

        // Assert
        var rows = document.QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        var cells = rows[0].Children.Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(light, cells[0]);
        Assert.Equal("企业甲", rows[0].QuerySelector("[data-field=enterprise]")?.TextContent);
        Assert.Equal(category, rows[0].QuerySelector("[data-field=category]")?.TextContent);
        Assert.Equal(status, rows[0].QuerySelector("[data-field=status]")?.TextContent);
        Assert.Equal(department, cells[2]);
        Assert.Equal("2026-03-05 16:00", cells[3]);
        Assert.Equal("Green", rows[1].GetAttribute("data-light"));
        Assert.Equal("—", rows[1].Children[2].TextContent.Trim());
    }

    [Fact]
    public async Task TownAppealsView_MorePagesThanOne_LinksKeepTheOtherListsPage()
    {
        // Arrange
        var model = LiveModel(Appeal("a-1", SlaLight.Green, "project", null, AppealStatus.Routed)) with
        {
            Appeals = new Page<AppealListItem>([Appeal("a-1", SlaLight.Green, "project", null, AppealStatus.Routed)], Total: 31, Offset: 15, Limit: 15),
            AppealsPage = 2,
            UnpackagedPage = 4,
        };

        // Act
        var document = await RenderAsync<TownAppealsView>(new() { [nameof(TownAppealsView.Model)] = model });

        // Assert
        Assert.Equal($"/towns/{Town}?ap=1&ep=4#town-live", document.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal($"/towns/{Town}?ap=3&ep=4#town-live", document.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Contains("第 2 / 3 页", document.Body?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnpackagedView_MayAssign_RendersOneFormPerEnterpriseWithSuggestionsBestFirst()
    {
        // Act
        var document = await RenderAsync<UnpackagedView>(UnpackagedParameters(mayAssign: true, outcome: null));

        // Assert
        var form = document.QuerySelector<IHtmlFormElement>("form.cc-assign-form");
        Assert.NotNull(form);
        Assert.Equal($"/towns/{Town}/assignments", form.GetAttribute("action"));
        Assert.Equal("post", form.Method);
        Assert.Equal(CreditCode, Value(form, "enterprise"));
        Assert.Equal("0", Value(form, "shown"));
        Assert.Equal("2", Value(form, "ep"));
        var select = document.QuerySelector<IHtmlSelectElement>($"#official-{CreditCode}");
        Assert.NotNull(select);
        Assert.Equal(["", "o-near", "o-far"], select.Options.Select(o => o.Value));
        Assert.Equal("o-near", select.Value);
        Assert.Equal("王芳（镇街，同镇街，行业匹配，现包联 3 家）", select.Options[1].TextContent);
        Assert.Equal("为「澜屿精密机械有限公司」选择包联干部", document.QuerySelector($"label[for='official-{CreditCode}']")?.TextContent);
        Assert.Equal("为「澜屿精密机械有限公司」指派包联干部", form.QuerySelector("button")?.GetAttribute("aria-label"));
        Assert.Null(document.QuerySelector(".invalid-feedback"));
    }

    [Fact]
    public async Task UnpackagedView_FieldErrorForTheRow_ShowsTheMessageNextToTheFieldKeepingTheChoice()
    {
        // Arrange
        var outcome = new TownOutcome(PackagingAssignmentResult.LeaderNotAssignable, CreditCode, "澜屿精密机械有限公司", "o-far", null, [], new PackagingCoverage(Town, 10, 9));

        // Act
        var document = await RenderAsync<UnpackagedView>(UnpackagedParameters(mayAssign: true, outcome));

        // Assert
        var select = document.QuerySelector<IHtmlSelectElement>($"#official-{CreditCode}");
        Assert.NotNull(select);
        Assert.Equal("o-far", select.Value);
        Assert.Equal("true", select.GetAttribute("aria-invalid"));
        Assert.Equal($"official-error-{CreditCode}", select.GetAttribute("aria-describedby"));
        Assert.Equal("区领导包联重点企业由区里统一决定，请选择其他干部。", Text(document, $"#official-error-{CreditCode}"));
    }

    [Fact]
    public async Task UnpackagedView_MayNotAssign_ListsSuggestionsWithoutAForm()
    {
        // Act
        var document = await RenderAsync<UnpackagedView>(UnpackagedParameters(mayAssign: false, outcome: null));

        // Assert
        Assert.Null(document.QuerySelector("form"));
        Assert.Contains("推荐干部: 王芳、李强", document.QuerySelector($"[data-enterprise='{CreditCode}']")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TownStationsView_Stations_ShowCoverageAndServiceItemsMarkingThoseBelowTheTown()
    {
        // Arrange
        var stations = new List<StationRow>
        {
            new(new StationProfile("s-1", "东港驿站", Town, new GeoPoint(29, 123), ["企业开办", "税费代办"]), Enterprises: 80, Packaged: 72),
            new(new StationProfile("s-2", "西岭驿站", Town, new GeoPoint(29, 123), []), Enterprises: 0, Packaged: 0),
        };

        // Act
        var document = await RenderAsync<TownStationsView>(new() { [nameof(TownStationsView.Stations)] = stations, [nameof(TownStationsView.TownCoverage)] = 0.95 });

        // Assert
        var rows = document.QuerySelectorAll("tbody tr");
        Assert.Equal("东港驿站", rows[0].QuerySelector("th div")?.TextContent);
        Assert.Equal("90.0%", rows[0].QuerySelector("td span")?.TextContent);
        Assert.Contains("text-danger", rows[0].QuerySelector("td span")?.ClassName, StringComparison.Ordinal);
        Assert.Equal(["企业开办", "税费代办"], rows[0].QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal("100.0%", rows[1].QuerySelector("td span")?.TextContent);
        Assert.DoesNotContain("text-danger", rows[1].QuerySelector("td span")?.ClassName ?? "", StringComparison.Ordinal);
        Assert.Equal("—", rows[1].QuerySelector("[data-field=items]")?.TextContent.Trim());
    }

    [Theory]
    [InlineData(PackagingAssignmentResult.Assigned, "status", "已为「澜屿精密机械有限公司」指派包联干部 王芳。本镇街包联覆盖率现为 90.0%（9/10 家）。")]
    [InlineData(PackagingAssignmentResult.Stale, "alert", "未指派：您打开页面后，「澜屿精密机械有限公司」已由 李强 包联（他人刚刚指派）。您的选择未保存，他人的指派未被覆盖。")]
    [InlineData(PackagingAssignmentResult.AlreadyAssigned, "alert", "「澜屿精密机械有限公司」已由 王芳 包联，本次为重复提交，未作任何更改。")]
    public async Task TownOutcomeView_Outcome_SaysWhatChanged(PackagingAssignmentResult result, string role, string expected)
    {
        // Arrange
        var outcome = new TownOutcome(result, CreditCode, "澜屿精密机械有限公司", "o-near", "王芳",
            result == PackagingAssignmentResult.Stale ? ["李强"] : ["王芳"], new PackagingCoverage(Town, 10, 9));

        // Act
        var document = await RenderAsync<TownOutcomeView>(new() { [nameof(TownOutcomeView.Outcome)] = outcome });

        // Assert
        Assert.Equal(expected, Text(document, $"#town-outcome [role={role}]"));
    }

    private static Dictionary<string, object?> UnpackagedParameters(bool mayAssign, TownOutcome? outcome)
    {
        var enterprise = new EnterpriseListItem(CreditCode, "澜屿精密机械有限公司", "manufacturing", Town, "s-1", EnterpriseSize.Small, CreditLevel.A, 0, null);
        var row = new UnpackagedRow(enterprise,
        [
            new SuggestedOfficial("o-near", "王芳", "Town", Town, SameTown: true, IndustryMatch: true, Load: 3),
            new SuggestedOfficial("o-far", "李强", "Department", "market-regulation", SameTown: false, IndustryMatch: false, Load: 1),
        ]);
        return new()
        {
            [nameof(UnpackagedView.Unpackaged)] = new Page<UnpackagedRow>([row], Total: 11, Offset: 10, Limit: 10),
            [nameof(UnpackagedView.TownCode)] = Town,
            [nameof(UnpackagedView.MayAssign)] = mayAssign,
            [nameof(UnpackagedView.AppealsPage)] = 1,
            [nameof(UnpackagedView.Outcome)] = outcome,
        };
    }

    private static TownLiveModel LiveModel(params AppealListItem[] appeals) => new(
        Town, Figures, new Page<AppealListItem>(appeals, appeals.Length, 0, 15), 1, 1,
        new Dictionary<string, DepartmentProfile> { [DepartmentCodes.DevelopmentReform] = new(DepartmentCodes.DevelopmentReform, "区发展和改革局", "Development and Reform Bureau") });

    private static AppealListItem Appeal(string id, SlaLight? light, string category, string? department, AppealStatus status) => new(
        id, $"诉求 {id}", CreditCode, "企业甲", Town, department, null, category, AppealChannel.Hotline12345, AppealPriority.Normal, status,
        EscalationLevel.TownOrStation, light, null, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero), null);

    private static string Text(IHtmlDocument document, string selector) => document.QuerySelector(selector)?.TextContent.Trim() ?? "";

    private static string? Value(IHtmlFormElement form, string name) => form.QuerySelector($"input[name='{name}']")?.GetAttribute("value");

    private static Task<IHtmlDocument> RenderAsync<TComponent>(Dictionary<string, object?> parameters, string culture = "zh-Hans")
        where TComponent : IComponent =>
        StaticMarkup.RenderAsync<TComponent>(culture, parameters, services => services.AddSingleton(SlaSettings.Default).AddSingleton(WorkingCalendarSettings.China));
}
