using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Dashboard.Tests.Infrastructure;
using Dashboard.Auth;
using Dashboard.Projects;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Projects;

namespace Dashboard.Tests.Field;

public abstract class ProjectPagesTests(FieldHost host)
{
    private const string StageForm = "project-stage";
    private const string InvestmentForm = "project-investment";
    private const string MilestoneForm = "project-milestone";
    private const string ProblemForm = "project-problem";

    [Theory]
    [InlineData(DashboardRoles.Dispatcher)]
    [InlineData(DashboardRoles.Department)]
    [InlineData(DashboardRoles.Town)]
    [InlineData(DashboardRoles.Enterprise)]
    public async Task ProjectPages_RoleWithoutProjects_RedirectedToAccessDenied(string role)
    {
        // Arrange
        var project = await host.TakeProjectAsync();
        using var client = await host.DemoClientAsync(role);

        // Act
        using var list = await client.GetAsync("/projects");
        using var detail = await client.GetAsync($"/projects/{project.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Equal("/access-denied", list.Headers.Location?.AbsolutePath);
        Assert.Equal("/access-denied", detail.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task ProjectList_Anonymous_RedirectsToSignIn()
    {
        // Arrange
        using var client = await host.ClientAsync(null);

        // Act
        using var response = await client.GetAsync("/projects");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task ProjectList_Steward_ListsOnlyTheStewardsProjects()
    {
        // Arrange
        var project = await host.TakeProjectAsync();
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);

        // Act
        var (status, page) = await client.GetPageAsync("/projects");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var links = page.QuerySelectorAll("a[href^='/projects/']").Select(a => a.GetAttribute("href")!["/projects/".Length..]).ToList();
        Assert.Contains(project.Id, links);
        foreach (var id in links)
        {
            var listed = await host.Grains.GetGrain<IKeyProjectGrain>(id).GetProject();
            Assert.Equal(project.StewardOfficialId, listed?.StewardOfficialId);
        }
    }

    [Fact]
    public async Task ProjectList_StewardWithoutProjects_ShowsNone()
    {
        // Arrange: a steward whose official id stewards no project.
        using var client = await host.ClientAsync(DashboardRoles.Steward, "demo-00-o99999");

        // Act
        var (status, page) = await client.GetPageAsync("/projects");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(page.QuerySelectorAll("a[href^='/projects/']"));
        Assert.Equal("暂无项目。", page.Text(".cc-field .alert"));
    }

    [Theory]
    [InlineData(DashboardRoles.Leader)]
    [InlineData(DashboardRoles.Admin)]
    public async Task ProjectDetail_LeaderOrAdmin_ReadOnlyWithoutForms(string role)
    {
        // Arrange
        var project = await host.TakeProjectAsync();
        using var client = await host.DemoClientAsync(role);

        // Act
        var (status, page) = await client.GetPageAsync($"/projects/{project.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(project.Name, page.Text("h1"));
        Assert.Empty(page.QuerySelectorAll($"input[name=_handler][value^='project-']"));
        Assert.NotNull(page.QuerySelector(".cc-schedule-badge"));
    }

    [Fact]
    public async Task ProjectDetail_OtherSteward_Forbidden403()
    {
        // Arrange
        var project = await host.TakeProjectAsync();
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId + "-other");

        // Act
        var (status, page) = await client.GetPageAsync($"/projects/{project.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain(project.Name, page.Body?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectDetail_UnknownProject_NotFound()
    {
        // Arrange
        using var client = await host.DemoClientAsync(DashboardRoles.Leader);

        // Act
        var (status, _) = await client.GetPageAsync("/projects/no-such-project");

        // Assert: answered from the read model, without activating a grain for the made-up code.
        Assert.Equal(HttpStatusCode.NotFound, status);
        var reference = (Orleans.Runtime.GrainReference)host.Grains.GetGrain<Grains.Abstractions.Projects.IKeyProjectGrain>("no-such-project");
        Assert.Null(await host.Grains.GetGrain<Orleans.Runtime.IManagementGrain>(0).GetActivationAddress(reference));
    }

    [Fact]
    public async Task MoveStage_Steward_SavesAndConfirms()
    {
        // Arrange
        var project = await host.TakeProjectAsync(p => p.Stage < ProjectStage.InProduction);
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);
        var to = project.Stage + 1;

        // Act
        var (status, page, _) = await client.SubmitAsync($"/projects/{project.Id}", StageForm, new Dictionary<string, string> { ["Stage.To"] = to.ToString() });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(to, (await Grain(project).GetProject())!.Stage);
        Assert.Contains("已保存：项目阶段由", page.Text(".cc-confirmation"), StringComparison.Ordinal);
        Assert.Equal(to.ToString(), page.QuerySelector("[aria-current=step]") is { } current ? StageOf(current.TextContent) : null);
    }

    [Fact]
    public async Task MoveStage_DoubleSubmit_MovesOnceAndSaysAlreadySaved()
    {
        // Arrange
        var project = await host.TakeProjectAsync(p => p.Stage < ProjectStage.Completed);
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);
        var to = project.Stage + 1;
        var (_, _, sent) = await client.SubmitAsync($"/projects/{project.Id}", StageForm, new Dictionary<string, string> { ["Stage.To"] = to.ToString() });

        // Act: the same form again, as a double tap or a reload would send it.
        var (status, page) = await client.PostFormAsync($"/projects/{project.Id}", sent);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(to, (await Grain(project).GetProject())!.Stage);
        Assert.Contains("已保存过", page.Text(".cc-confirmation"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveStage_StaleForm_RefusedAndTheOtherChangeKept()
    {
        // Arrange: the steward opens the form; meanwhile someone records investment.
        var project = await host.TakeProjectAsync(p => p.Stage < ProjectStage.InProduction && p.TotalInvestment > 10m);
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);
        var (_, opened) = await client.GetPageAsync($"/projects/{project.Id}");
        var fields = FormPosts.FieldsOf(opened, StageForm);
        fields["Stage.To"] = (project.Stage + 1).ToString();
        var otherAmount = project.CompletedAnnualInvestment == 1m ? 2m : 1m;
        await Grain(project).RecordInvestment(otherAmount);

        // Act
        var (status, page) = await client.PostFormAsync($"/projects/{project.Id}", fields);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var after = (await Grain(project).GetProject())!;
        Assert.Equal(project.Stage, after.Stage);
        Assert.Equal(otherAmount, after.CompletedAnnualInvestment);
        Assert.Contains("已被他人修改", page.Text(".cc-form-alert"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".cc-confirmation"));
    }

    [Fact]
    public async Task RecordInvestment_StaleForm_RefusedTypedAmountKeptAndTheOtherChangeKept()
    {
        // Arrange: the steward types an amount; meanwhile someone moves the project on a stage.
        var project = await host.TakeProjectAsync(p => p.Stage < ProjectStage.InProduction && p.TotalInvestment > 10m);
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);
        var (_, opened) = await client.GetPageAsync($"/projects/{project.Id}");
        var fields = FormPosts.FieldsOf(opened, InvestmentForm);
        var typed = project.CompletedAnnualInvestment == 3m ? "4" : "3";
        fields["Investment.Completed"] = typed;
        await Grain(project).MoveStage(project.Stage + 1, null);

        // Act
        var (status, page) = await client.PostFormAsync($"/projects/{project.Id}", fields);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var after = (await Grain(project).GetProject())!;
        Assert.Equal((project.Stage + 1, project.CompletedAnnualInvestment), (after.Stage, after.CompletedAnnualInvestment));
        Assert.Contains("已被他人修改", page.Text(".cc-form-alert"), StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#investment-completed")?.Value);
        Assert.Null(page.QuerySelector(".cc-confirmation"));
    }

    [Fact]
    public async Task MoveStage_BackwardWithoutReason_ReasonMessageNextToTheField()
    {
        // Arrange
        var project = await host.TakeProjectAsync(p => p.Stage is ProjectStage.Signed or ProjectStage.Approval or ProjectStage.Started);
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);

        // Act
        var (status, page, _) = await client.SubmitAsync($"/projects/{project.Id}", StageForm,
            new Dictionary<string, string> { ["Stage.To"] = (project.Stage - 1).ToString(), ["Stage.Reason"] = "  " });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(project.Stage, (await Grain(project).GetProject())!.Stage);
        Assert.Equal(new DomainException(ErrorCodes.ProjectStageReasonRequired).MessageIn("zh-CN"), page.Text("#stage-reason-error"));
        Assert.Contains("is-invalid", page.QuerySelector("#stage-reason")?.ClassName, StringComparison.Ordinal);
        Assert.Equal((project.Stage - 1).ToString(), page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#stage-to")?.Value);
    }

    [Fact]
    public async Task MoveStage_LeaderPostsAnyway_Forbidden403AndNothingChanged()
    {
        // Arrange: a leader has no form; the post is forged with a valid antiforgery token and version.
        var project = await host.TakeProjectAsync(p => p.Stage < ProjectStage.InProduction);
        using var client = await host.DemoClientAsync(DashboardRoles.Leader);
        var token = await client.AntiforgeryTokenAsync($"/projects/{project.Id}");

        // Act
        var (status, _) = await client.PostFormAsync($"/projects/{project.Id}", new Dictionary<string, string>
        {
            ["_handler"] = StageForm,
            ["__RequestVerificationToken"] = token,
            ["Stage.To"] = (project.Stage + 1).ToString(),
            ["Stage.Version"] = project.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(project.Stage, (await Grain(project).GetProject())!.Stage);
    }

    [Fact]
    public async Task MoveStage_WithoutAntiforgeryToken_RefusedAndNothingChanged()
    {
        // Arrange
        var project = await host.TakeProjectAsync(p => p.Stage < ProjectStage.InProduction);
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);

        // Act
        var (status, _) = await client.PostFormAsync($"/projects/{project.Id}", new Dictionary<string, string>
        {
            ["_handler"] = StageForm,
            ["Stage.To"] = (project.Stage + 1).ToString(),
            ["Stage.Version"] = project.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(project.Stage, (await Grain(project).GetProject())!.Stage);
    }

    [Fact]
    public async Task RecordInvestment_Valid_SavesAndConfirmsTheNewRate()
    {
        // Arrange
        var project = await host.TakeProjectAsync(p => p.TotalInvestment >= 100m);
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);
        var amount = Math.Min(project.TotalInvestment, project.CompletedAnnualInvestment + 37.5m);

        // Act
        var (status, page, _) = await client.SubmitAsync($"/projects/{project.Id}", InvestmentForm,
            new Dictionary<string, string> { ["Investment.Completed"] = amount.ToString(CultureInfo.InvariantCulture) });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(amount, (await Grain(project).GetProject())!.CompletedAnnualInvestment);
        Assert.Contains("本年已完成投资由", page.Text(".cc-confirmation"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5", "zh-Hans", "zh-CN")]
    [InlineData("999999999", "zh-Hans", "zh-CN")]
    [InlineData("-5", "en", "en")]
    public async Task RecordInvestment_OutOfRange_DomainMessageNextToFieldInTheUsersLanguage(string typed, string culture, string language)
    {
        // Arrange
        var project = await host.TakeProjectAsync(p => p.TotalInvestment < 999999999m);
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);
        var amount = decimal.Parse(typed, CultureInfo.InvariantCulture);
        var expected = amount < 0
            ? new DomainException(ErrorCodes.ProjectInvestmentNegative, "field.completed-investment")
            : new DomainException(ErrorCodes.ProjectInvestmentAboveTotal, "field.completed-investment", amount, project.TotalInvestment);

        // Act
        var (status, page, _) = await client.SubmitAsync($"/projects/{project.Id}?culture={culture}", InvestmentForm,
            new Dictionary<string, string> { ["Investment.Completed"] = typed });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(project.CompletedAnnualInvestment, (await Grain(project).GetProject())!.CompletedAnnualInvestment);
        Assert.Equal(expected.MessageIn(language), page.Text("#investment-completed-error"));
        Assert.Equal(typed, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#investment-completed")?.Value);
        Assert.Null(page.QuerySelector(".cc-confirmation"));
    }

    [Fact]
    public async Task RecordInvestment_NotANumber_MessageNextToFieldAndTypedTextKept()
    {
        // Arrange
        var project = await host.TakeProjectAsync();
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);

        // Act
        var (status, page, _) = await client.SubmitAsync($"/projects/{project.Id}", InvestmentForm,
            new Dictionary<string, string> { ["Investment.Completed"] = "一百" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("请输入数字金额，例如 1250.5。", page.Text("#investment-completed-error"));
        Assert.Equal("一百", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#investment-completed")?.Value);
    }

    [Fact]
    public async Task CompleteMilestone_BeforeTheProjectsStart_DomainMessageNextToThatMilestone()
    {
        // Arrange
        var project = await host.TakeProjectAsync(p => !p.Milestones.IsDefaultOrEmpty);
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);
        var milestone = project.Milestones[^1];
        var early = project.StartDate.AddDays(-1);
        var expected = new DomainException(ErrorCodes.ProjectMilestoneBeforeStart, milestone.Name, Day(early), Day(project.StartDate));

        // Act
        var (status, page, _) = await client.SubmitAsync($"/projects/{project.Id}", $"{MilestoneForm}-{project.Milestones.Length - 1}",
            new Dictionary<string, string> { ["Milestone.Actual"] = Day(early) });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(milestone.Actual, (await Grain(project).GetProject())!.Milestones[^1].Actual);
        var index = project.Milestones.Length - 1;
        Assert.Equal(expected.MessageIn("zh-CN"), page.Text($"#milestone-{index}-error"));
        Assert.Equal(Day(early), page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#milestone-{index}")?.Value);
        Assert.Equal("", page.Text("#milestone-0-error"));
    }

    [Fact]
    public async Task CompleteMilestone_ValidDate_SavesAndConfirms()
    {
        // Arrange
        var project = await host.TakeProjectAsync(p => !p.Milestones.IsDefaultOrEmpty && p.StartDate < DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)));
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);
        var milestone = project.Milestones[0];
        var actual = project.StartDate.AddDays(1);

        // Act
        var (status, page, _) = await client.SubmitAsync($"/projects/{project.Id}", $"{MilestoneForm}-0",
            new Dictionary<string, string> { ["Milestone.Actual"] = Day(actual) });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(actual, (await Grain(project).GetProject())!.Milestones[0].Actual);
        Assert.Contains(milestone.Name, page.Text(".cc-confirmation"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaiseProblem_Valid_BecomesAnAppealLinkedToTheProjectOnce()
    {
        // Arrange
        var project = await host.TakeProjectAsync();
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);
        var before = (await Grain(project).GetAppeals()).Length;

        // Act: submitted, then the same form sent again.
        var (status, page, sent) = await client.SubmitAsync($"/projects/{project.Id}", ProblemForm, new Dictionary<string, string>
        {
            ["Problem.Title"] = "施工许可审批卡在消防验收",
            ["Problem.Text"] = "消防设计审查意见迟迟未出，影响主体施工。",
        });
        var (againStatus, again) = await client.PostFormAsync($"/projects/{project.Id}", sent);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var appeals = await Grain(project).GetAppeals();
        Assert.Equal(before + 1, appeals.Length);
        var appeal = await host.Grains.GetGrain<Grains.Abstractions.Appeals.IAppealGrain>(appeals[^1]).Get();
        Assert.Equal(project.Id, appeal?.ProjectId);
        Assert.Contains(appeals[^1], page.Text(".cc-confirmation"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Contains("本次未提交", again.Text(".cc-form-alert"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaiseProblem_EmptyText_MessageNextToTextAndNoAppeal()
    {
        // Arrange
        var project = await host.TakeProjectAsync();
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);
        var before = (await Grain(project).GetAppeals()).Length;

        // Act
        var (status, page, _) = await client.SubmitAsync($"/projects/{project.Id}", ProblemForm, new Dictionary<string, string>
        {
            ["Problem.Title"] = "用电报装",
            ["Problem.Text"] = "",
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before, (await Grain(project).GetAppeals()).Length);
        Assert.Equal(new DomainException(ErrorCodes.TextEmpty, "field.text").MessageIn("zh-CN"), page.Text("#problem-text-error"));
        Assert.Equal("用电报装", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#problem-title")?.Value);
    }

    [Fact]
    public async Task RaiseProblem_CategoryLeftOutOfThePost_FormBackWithMessageNextToCategoryAndNoAppeal()
    {
        // Arrange
        var project = await host.TakeProjectAsync();
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);
        var before = (await Grain(project).GetAppeals()).Length;
        var (_, form) = await client.GetPageAsync($"/projects/{project.Id}");
        var fields = FormPosts.FieldsOf(form, ProblemForm);
        fields["Problem.Title"] = "用电报装";
        fields["Problem.Text"] = "临时用电迟迟未接通。";
        fields.Remove("Problem.Category");

        // Act
        var (status, page) = await client.PostFormAsync($"/projects/{project.Id}", fields);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before, (await Grain(project).GetAppeals()).Length);
        Assert.False(string.IsNullOrEmpty(page.Text("#problem-category-error")));
        Assert.Equal("用电报装", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#problem-title")?.Value);
    }

    private IKeyProjectGrain Grain(KeyProject project) => host.Grains.GetGrain<IKeyProjectGrain>(project.Id);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? StageOf(string label) =>
        new Dictionary<string, string> { ["洽谈"] = "Negotiation", ["签约"] = "Signed", ["审批"] = "Approval", ["开工"] = "Started", ["建设"] = "Building", ["竣工"] = "Completed", ["投产"] = "InProduction" }
            .GetValueOrDefault(label.Trim());
}

[Collection(FieldCollection.Name)]
public sealed class ProjectPagesSqliteTests(SqliteFieldHost host) : ProjectPagesTests(host);

[Collection(PostgresFieldCollection.Name)]
public sealed class ProjectPagesPostgresTests(PostgresFieldHost host) : ProjectPagesTests(host);
